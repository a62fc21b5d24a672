/**
 * The demo notice's attachment: a one-page PDF drawn here rather than shipped,
 * like the demo photos. Its Chinese text uses the PDF standard CJK font
 * STSong-Light (every PDF reader provides it), so nothing is embedded and the
 * file stays a couple of kilobytes.
 */
export const DEMO_ATTACHMENT = {
  article: "关于做好2016年度企业所得税汇算清缴工作的通知",
  title: "2016年度企业所得税汇算清缴办理指引",
  fileName: "2016年度企业所得税汇算清缴办理指引.pdf",
};

const LINES: [size: number, text: string][] = [
  [20, "2016年度企业所得税汇算清缴办理指引"],
  [12, ""],
  [12, "一、汇算清缴对象：由地税机关管理的实行查账征收和核定应税所得率征收的居民企业。"],
  [12, "二、办理期限：2017年1月1日至2017年5月31日。"],
  [12, "三、办理方式：优先通过网上办税系统填报年度纳税申报表，附报资料可上传电子文本；"],
  [12, "　　也可到主管地税机关办税服务厅办理。"],
  [12, "四、报送资料：年度纳税申报表及附表、财务会计报告、备案事项相关资料。"],
  [12, "五、咨询电话：12366纳税服务热线。"],
  [12, ""],
  [12, "安庆市地方税务局所得税科　2017年3月"],
];

/** UTF-16BE hex, as the UniGB-UCS2-H encoding expects. */
function ucs2Hex(text: string): string {
  return [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, "0")).join("");
}

export function drawDemoAttachmentPdf(): Buffer {
  let y = 770;
  const content = LINES.map(([size, text]) => {
    const line = `BT /F1 ${size} Tf 60 ${y} Td <${ucs2Hex(text)}> Tj ET`;
    y -= size + 12;
    return line;
  }).join("\n");

  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  ];

  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
