import sharp from "sharp";

/**
 * Demo photos are drawn, not shipped: a skyline in the given hue. No text in
 * the SVG, so the result does not depend on the fonts of the machine.
 */
export async function drawPlaceholderPhoto(seed: number, width = 1200, height = 675): Promise<Buffer> {
  const hue = (seed * 47) % 360;
  let x = 0;
  let towers = "";
  let r = seed * 9301 + 49297;
  const rand = () => ((r = (r * 9301 + 49297) % 233280) / 233280);
  while (x < width) {
    const w = 40 + rand() * 90;
    const h = 120 + rand() * 320;
    const light = 28 + rand() * 22;
    towers += `<rect x="${x.toFixed(0)}" y="${(height - h).toFixed(0)}" width="${(w - 6).toFixed(0)}" height="${h.toFixed(0)}" fill="hsl(${hue},25%,${light.toFixed(0)}%)"/>`;
    for (let wy = height - h + 16; wy < height - 20; wy += 26) {
      for (let wx = x + 8; wx < x + w - 18; wx += 18) {
        if (rand() > 0.45) towers += `<rect x="${wx.toFixed(0)}" y="${wy.toFixed(0)}" width="8" height="12" fill="hsl(45,80%,${(70 + rand() * 20).toFixed(0)}%)"/>`;
      }
    }
    x += w;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,78%)"/><stop offset="1" stop-color="hsl(${(hue + 30) % 360},70%,92%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${width * 0.8}" cy="${height * 0.22}" r="46" fill="hsl(40,90%,85%)"/>
    ${towers}
    <rect y="${height - 22}" width="100%" height="22" fill="hsl(${hue},15%,22%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
