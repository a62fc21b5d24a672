import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storage } from "@/lib/media/storage";
import { uploadFile, uploadImage } from "@/lib/media/upload";
import { makeActor } from "../support/actors";

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 40 } } }).png().toBuffer();

describe("media uploads", () => {
  it("stores a resized copy per served width and records alt text and caption", async () => {
    const actor = await makeActor("editor");
    const m = await uploadImage(await png(2000, 1000), "会场.png", "会议现场", "会议现场 张明 摄", actor);
    expect(m.kind).toBe("image");
    expect(m.width).toBe(2000);
    expect(m.height).toBe(1000);
    expect(m.alt).toBe("会议现场");
    const widths = m.srcset.split(", ").map((s) => Number(s.split(" ")[1].replace("w", "")));
    expect(widths).toEqual([480, 960, 1600, 2000]);
    const row = await db.media.findUniqueOrThrow({ where: { id: m.id } });
    for (const v of JSON.parse(row.variants) as { width: number; key: string }[]) {
      const bytes = await storage.get(v.key);
      expect(bytes, v.key).not.toBeNull();
      expect((await sharp(bytes!).metadata()).width).toBe(v.width);
    }
  });

  it("never enlarges small images and caps huge ones at 2400 px", async () => {
    const actor = await makeActor("editor");
    const small = await uploadImage(await png(300, 200), "small.png", "小图", "", actor);
    expect(small.srcset.split(", ")).toHaveLength(1);
    const big = await uploadImage(await png(4000, 1000), "big.png", "大图", "", actor);
    expect(big.width).toBe(2400);
  });

  it("drops EXIF metadata (e.g. GPS position) from photos", async () => {
    const actor = await makeActor("editor");
    const withExif = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#336699" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "secret-photographer" } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const m = await uploadImage(withExif, "exif.jpg", "带元数据的照片", "", actor);
    const stored = await storage.get(m.url.replace("/uploads/", ""));
    expect((await sharp(stored!).metadata()).exif).toBeUndefined();
  });

  it("refuses SVG, images without alt text, disguised files and oversized files", async () => {
    const actor = await makeActor("editor");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(uploadImage(svg, "x.svg", "图", "", actor)).rejects.toThrow(/JPG、PNG/);
    await expect(uploadImage(await png(100, 100), "a.png", "  ", "", actor)).rejects.toThrow(/替代文字/);
    await expect(uploadImage(Buffer.from("MZ this is an exe"), "photo.jpg", "图", "", actor)).rejects.toThrow(/JPG、PNG/);
    await expect(uploadFile(Buffer.from("<html><script>x</script></html>"), "通知.pdf", actor)).rejects.toThrow(/PDF、DOC/);
    await expect(uploadFile(Buffer.alloc(21 * 1024 * 1024), "big.pdf", actor)).rejects.toThrow(/20 MB/);
  });

  it("accepts a real PDF attachment whatever its name says", async () => {
    const actor = await makeActor("editor");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    const m = await uploadFile(pdf, "关于2017年度申报的通知.pdf", actor);
    expect(m.mimeType).toBe("application/pdf");
    expect(m.originalName).toBe("关于2017年度申报的通知.pdf");
    expect(await storage.get(m.url.replace("/uploads/", ""))).toEqual(pdf);
  });
});
