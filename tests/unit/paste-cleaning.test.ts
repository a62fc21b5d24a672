import { describe, expect, it } from "vitest";
import { cleanPastedHtml, hasUnimportableImages, plainTextToParagraphs } from "@/components/admin/editor/clean-pasted-html";

/** What Word (Windows, 2016+) puts on the clipboard for a short Chinese news item. */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:等线;}
@list l0:level1
	{mso-level-text:"%1\\.";
	mso-level-tab-stop:none;}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word;text-justify-trim:punctuation'>
<!--StartFragment-->

<h1 style='mso-margin-top-alt:auto;line-height:150%'><a name="_Toc1"></a><span
style='font-family:黑体;mso-ascii-font-family:"Times New Roman"'>市城管局召开“创城”推进会<span
lang=EN-US><o:p></o:p></span></span></h1>

<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span
style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>　　<st1:chsdate
Year="2017" Month="11" Day="14" IsLunarDate="False" IsROCDate="False" w:st="on"><span
lang=EN-US>2017</span>年<span lang=EN-US>11</span>月<span lang=EN-US>14</span>日</st1:chsdate>，市城管局召开“一把手”抓创建工作推进会，传达《安庆日报》报道精神；会议强调：要“以人民为中心”——持续用力、久久为功……（完）<o:p></o:p></span></p>

<p class=MsoNormal><b style='mso-bidi-font-weight:normal'><span style='font-family:仿宋_GB2312'>重点任务</span></b><span
style='font-family:仿宋_GB2312'>：<i style='mso-bidi-font-style:normal'>‘门前三包’</i>、<span
style='font-weight:bold;mso-bidi-font-weight:normal'>垃圾分类</span>、<font face="宋体">背街小巷整治</font>！<span
style='mso-spacerun:yes'>&nbsp; </span>是否落实？<o:p></o:p></span></p>

<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US style='mso-bidi-font-family:等线'><span style='mso-list:Ignore'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:仿宋_GB2312'>清理乱堆乱放</span></p>

<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:仿宋_GB2312'>规范占道经营</span></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>街道</span></p>
  </td>
  <td width=277 colspan=2 valign=top style='width:207.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>完成率（％）</span></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><![if !vml]><img width=554 height=311 src="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="图片_x0020_1"><![endif]></p>

<!--EndFragment-->
</body>

</html>`;

const out = cleanPastedHtml(WORD_HTML);

describe("cleanPastedHtml (Word / WPS)", () => {
  it("keeps every text character, Chinese punctuation and the smart-tagged date exactly", () => {
    const text = out.replace(/<[^>]*>/g, "");
    for (const s of [
      "市城管局召开“创城”推进会",
      "　　2017年11月14日，市城管局召开“一把手”抓创建工作推进会，传达《安庆日报》报道精神；会议强调：要“以人民为中心”——持续用力、久久为功……（完）",
      "：‘门前三包’、垃圾分类、背街小巷整治！&nbsp; 是否落实？",
      "完成率（％）",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("removes Word's head, styles, comments, namespaces, classes and style junk", () => {
    for (const junk of [/<head/i, /<style/i, /<meta/i, /<xml/i, /<!--/, /<!\[/, /<o:p/i, /<\/?st1:/i, /<font/i, /class=/i, /mso-/i, /lang=/i, /font-family/i, /<html/i, /<body/i, /valign|cellspacing|width=277/i]) {
      expect(out).not.toMatch(junk);
    }
  });

  it("keeps headings, paragraphs, bold and italic", () => {
    expect(out).toMatch(/<h2>.*市城管局召开“创城”推进会.*<\/h2>/s);
    expect(out).toContain("<b>重点任务</b>");
    expect(out).toContain("<i>‘门前三包’</i>");
    expect(out).toContain('<span style="font-weight:bold">垃圾分类</span>');
    expect(out).toMatch(/<p>[\s\S]*一把手[\s\S]*<\/p>/);
  });

  it("turns Word's numbered list paragraphs into a real list without the typed markers", () => {
    expect(out).toMatch(/<ol><li>\s*清理乱堆乱放<\/li><li>\s*规范占道经营<\/li><\/ol>/);
    expect(out).not.toContain("1.");
  });

  it("keeps tables with colspan and drops empty Word paragraphs", () => {
    expect(out).toMatch(/<table>\s*<tr>\s*<td>\s*<p>街道<\/p>\s*<\/td>\s*<td colspan="2">\s*<p>完成率（％）<\/p>/);
    expect(out).not.toMatch(/<p>\s*(&nbsp;)?\s*<\/p>/);
  });

  it("flags and drops images Word left on the local disk", () => {
    expect(out).not.toMatch(/<img|file:/);
    expect(hasUnimportableImages(WORD_HTML)).toBe(true);
    expect(hasUnimportableImages(`<p><img src="/uploads/2025/a.jpg" alt="x"></p>`)).toBe(false);
  });

  it("keeps list markers it cannot express as HTML lists as text", () => {
    const html =
      `<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=ZH-CN><span style='mso-list:Ignore'>一、</span></span><![endif]>总体要求</p>` +
      `<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=ZH-CN><span style='mso-list:Ignore'>二、</span></span><![endif]>工作措施</p>`;
    expect(cleanPastedHtml(html)).toBe("<p>一、总体要求</p><p>二、工作措施</p>");
  });

  it("nests bulleted Word lists by level", () => {
    const item = (level: number, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>${text}</p>\n`;
    const html = item(1, "·", "甲") + item(2, "o", "乙") + item(1, "·", "丙");
    expect(cleanPastedHtml(html)).toBe("<ul><li>甲<ul><li>乙</li></ul></li><li>丙</li></ul>");
  });
});

describe("cleanPastedHtml (other sources)", () => {
  it("leaves clean HTML, links, lists and the figure markup alone", () => {
    const html =
      `<p>关于印发《实施方案》的通知</p><ul><li>第一项</li></ul>` +
      `<p><a href="https://www.gov.cn/" target="_blank">中国政府网</a></p>` +
      `<figure class="photo"><img src="/uploads/a.jpg" srcset="/uploads/a-480.jpg 480w, /uploads/a.jpg 960w" sizes="(max-width: 800px) 100vw, 800px" alt="东部新城" width="960" height="540"><figcaption>面貌一新的东部新城 <span class="photo-credit">江胜</span></figcaption></figure>`;
    expect(cleanPastedHtml(html)).toBe(html);
  });

  it("keeps Chinese punctuation and full-width spaces byte for byte", () => {
    const text = "　　“一把手”‘创城’《安庆日报》、，。；：！？（完）——……　２０１７年";
    expect(cleanPastedHtml(`<p style="color:red" class="x">${text}</p>`)).toBe(`<p>${text}</p>`);
    // A paragraph of full-width spaces is text, not an empty Word paragraph.
    expect(cleanPastedHtml(`<p>　　</p>`)).toBe(`<p>　　</p>`);
  });

  it("drops Google Docs' <b style=\"font-weight:normal\"> wrapper but keeps real bold", () => {
    const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><p dir="ltr"><span style="font-size:11pt;font-weight:700;">重点</span><span style="font-size:11pt;">工作</span></p></b>`;
    expect(cleanPastedHtml(html)).toBe(`<p><span style="font-weight:bold">重点</span>工作</p>`);
  });

  it("maps h1 to h2 and h5/h6 to h4", () => {
    expect(cleanPastedHtml(`<h1>一</h1><h5>二</h5>`)).toBe("<h2>一</h2><h4>二</h4>");
  });

  it("keeps ProseMirror's slice marker for copy and paste inside the editor", () => {
    expect(cleanPastedHtml(`<p data-pm-slice="1 1 []">文字</p>`)).toBe(`<p data-pm-slice="1 1 []">文字</p>`);
  });

  it("does not mistake attributes containing '>' for the end of a tag", () => {
    expect(cleanPastedHtml(`<p title="a>b" style='font-family:"宋体"'>甲</p>`)).toBe("<p>甲</p>");
  });
});

describe("plainTextToParagraphs", () => {
  it("turns each line into a paragraph and keeps the text exactly", () => {
    expect(plainTextToParagraphs("　　第一段“引号”。\r\n\r\n第二段，2017年11月14日\n第三段……")).toEqual([
      "　　第一段“引号”。",
      "第二段，2017年11月14日",
      "第三段……",
    ]);
  });

  it("returns no paragraphs for empty text", () => {
    expect(plainTextToParagraphs("\n\n")).toEqual([]);
  });
});

// Helpers of the same editor that need no DOM either.
describe("normalizeHref (link prompt)", () => {
  it("accepts http(s), mailto, tel and site paths; adds https to bare domains; refuses the rest", async () => {
    const { normalizeHref } = await import("@/components/admin/editor/link-href");
    expect(normalizeHref("  https://www.gov.cn/zhengce/ ")).toBe("https://www.gov.cn/zhengce/");
    expect(normalizeHref("mailto:xxgk@aq.gov.cn")).toBe("mailto:xxgk@aq.gov.cn");
    expect(normalizeHref("tel:0556-5388000")).toBe("tel:0556-5388000");
    expect(normalizeHref("/news/12")).toBe("/news/12");
    expect(normalizeHref("www.gov.cn/xxgk")).toBe("https://www.gov.cn/xxgk");
    expect(normalizeHref("")).toBe("");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example/x", "file:///C:/a.doc", "ftp://x.cn/a", "不是地址"]) {
      expect(normalizeHref(bad)).toBeNull();
    }
  });
});

describe("figure markup", () => {
  it("renders the exact stored shape, caption and photo credit included", async () => {
    const { figureOutputSpec } = await import("@/components/admin/editor/figure");
    const base = { srcset: "/uploads/a-480.jpg 480w, /uploads/a.jpg 960w", sizes: "(max-width: 800px) 100vw, 800px", width: "960", height: "540", mediaId: null };
    expect(figureOutputSpec({ ...base, src: "/uploads/a.jpg", alt: "东部新城", caption: "面貌一新的东部新城", credit: "江胜" })).toEqual([
      "figure",
      { class: "photo" },
      ["img", { src: "/uploads/a.jpg", srcset: base.srcset, sizes: base.sizes, alt: "东部新城", width: "960", height: "540" }],
      ["figcaption", {}, "面貌一新的东部新城", " ", ["span", { class: "photo-credit" }, "江胜"]],
    ]);
    expect(figureOutputSpec({ ...base, src: "/uploads/a.jpg", alt: "无说明", caption: "", credit: "" })).toEqual([
      "figure",
      { class: "photo" },
      ["img", { src: "/uploads/a.jpg", srcset: base.srcset, sizes: base.sizes, alt: "无说明", width: "960", height: "540" }],
    ]);
  });
});
