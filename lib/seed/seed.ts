import { createHash } from "node:crypto";
import sharp from "sharp";
import { db } from "../db";
import { parseBeijingDateTime } from "../format/date";
import type { ArticleSnapshot } from "../articles/snapshot";
import { sanitizeRichText } from "../content/sanitize";
import { mediaUrl } from "../media/url";
import { storage } from "../media/storage";
import { IMAGE_WIDTHS } from "../media/upload";
import { demoArticles, demoPages, seedArticle, type DemoArticle } from "./demo-articles";
import { demoSections, demoSettings } from "./demo-site";
import { rebuildIndex } from "../search/index";
import { seedDemoStats } from "./demo-stats";
import { createSections, seedSkeleton, seedsDemo } from "./skeleton";
import { drawPlaceholderPhoto } from "./placeholder-image";
import { DEMO_ATTACHMENT, drawDemoAttachmentPdf } from "./demo-attachment";
import { ensureDefaultWordList } from "../integrity/words/seed";
import { demoDayShift, shiftDays } from "./demo-dates";
import type { PlacementKind } from "../placement/kinds";

/** The demo's 头条: the bureau's study session on the 19th Party Congress, a month before the newest news. */
export const DEMO_HEADLINE = "市地税局举办学习贯彻党的十九大精神专题辅导报告会";
/** Pinned at the top of 纳税服务: what visitors look for first. */
export const DEMO_PINNED = "安庆市区地税系统主要办税服务厅办公时间一览";
import { demoDisclosure } from "./demo-disclosure";
import { DISCLOSURE_KIND } from "../disclosure/fields";
import { publishDisclosure } from "../disclosure/publish";

/** "2017-11-20 08:30" in Beijing time. */
export function beijingTime(local: string): Date {
  const d = parseBeijingDateTime(local);
  if (!d) throw new Error(`not a Beijing time: ${local}`);
  return d;
}

async function storePhoto(seed: number, alt: string, caption: string) {
  const bytes = await drawPlaceholderPhoto(seed);
  // Content-addressed key: the uploads route may tell browsers to cache it forever.
  const storageKey = `demo/${createHash("sha256").update(bytes).digest("hex").slice(0, 20)}.jpg`;
  await storage.put(storageKey, bytes);
  // Resized copies as an upload gets them (lib/media/upload.ts), so pages can offer a srcset.
  const variants: { width: number; key: string }[] = [];
  for (const width of IMAGE_WIDTHS.filter((w) => w < 1200)) {
    const key = storageKey.replace(/\.jpg$/, `-${width}.jpg`);
    await storage.put(key, await sharp(bytes).resize({ width }).jpeg({ quality: 82, mozjpeg: true }).toBuffer());
    variants.push({ width, key });
  }
  variants.push({ width: 1200, key: storageKey });
  return db.media.create({
    data: {
      kind: "image",
      storageKey,
      originalName: `photo-${seed}.jpg`,
      mimeType: "image/jpeg",
      size: bytes.length,
      width: 1200,
      height: 675,
      alt,
      caption,
      variants: JSON.stringify(variants),
    },
  });
}

async function storeDemoAttachment() {
  const bytes = drawDemoAttachmentPdf();
  const storageKey = `demo/${createHash("sha256").update(bytes).digest("hex").slice(0, 20)}.pdf`;
  await storage.put(storageKey, bytes);
  const media = await db.media.create({
    data: { kind: "file", storageKey, originalName: DEMO_ATTACHMENT.fileName, mimeType: "application/pdf", size: bytes.length },
  });
  return { mediaId: media.id, title: DEMO_ATTACHMENT.title };
}

function figureHtml(src: string, alt: string, caption: string, credit: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<figure class="photo"><img src="${esc(src)}" alt="${esc(alt)}" width="1200" height="675"><figcaption>${esc(caption)} <span class="photo-credit">${esc(credit)}</span></figcaption></figure>`;
}

export interface SeedResult {
  seeded: boolean;
  /** What an empty database got: the demo site, or only the skeleton (see skeleton.ts). */
  kind?: "demo" | "skeleton";
  articles: number;
}

/** Seeds an empty database per SEED_DEMO / the engine: the demo site or the skeleton of a real one. */
export async function seedDatabase(): Promise<SeedResult> {
  if (seedsDemo()) return seedDemoContent();
  if (await seedSkeleton()) return { seeded: true, kind: "skeleton", articles: 0 };
  return { seeded: false, articles: await db.article.count() };
}

/** Fills an empty database with the demo site. Does nothing when sections already exist. */
export async function seedDemoContent(): Promise<SeedResult> {
  // Before the early return: an existing site upgraded to word lists gets the default list too.
  await ensureDefaultWordList();
  if ((await db.section.count()) > 0) return { seeded: false, articles: await db.article.count() };

  await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...demoSettings }, update: demoSettings });

  const sectionIds = await createSections(demoSections);
  const disclosureSections = new Set(demoSections.filter((s) => s.kind === DISCLOSURE_KIND).map((s) => s.path));
  let disclosureSerial = 0;

  // Demo articles move forward so the newest is from yesterday; the seed page's article keeps its 2017 date.
  const dayShift = demoDayShift(demoArticles.map((a) => a.publishedAt).sort().at(-1)!);
  // Each demo article is published with one revision, as if it had gone through the CMS.
  const create = async (a: DemoArticle, bodyHtml: string, coverId: number | null, attachments: ArticleSnapshot["attachments"] = []) => {
    const content = {
      sectionId: sectionIds.get(a.section)!,
      title: a.title,
      summary: a.summary,
      bodyHtml: sanitizeRichText(bodyHtml),
      source: a.source,
      author: a.author,
      coverId,
    };
    const publishedAt = a === seedArticle ? beijingTime(a.publishedAt) : shiftDays(beijingTime(a.publishedAt), dayShift);
    const row = await db.article.create({
      data: {
        ...content,
        status: "published",
        isLive: true,
        publishedAt,
        attachments: { create: attachments.map((x, position) => ({ mediaId: x.mediaId, title: x.title, position })) },
      },
    });
    const disclosed = disclosureSections.has(a.section);
    const disclosure = disclosed ? demoDisclosure(a, publishedAt, disclosureSerial++) : null;
    const snapshot: ArticleSnapshot = { ...content, keywords: "", publishedAt: publishedAt.toISOString(), attachments, disclosure };
    const rev = await db.articleRevision.create({
      data: { articleId: row.id, number: 1, snapshot: JSON.stringify(snapshot), note: "导入", createdAt: publishedAt },
    });
    await db.article.update({ where: { id: row.id }, data: { liveRevisionId: rev.id, headRevisionId: rev.id } });
    idByTitle.set(a.title, row.id);
    if (disclosure) await db.$transaction((tx) => publishDisclosure(tx, row.id, disclosure, content.sectionId, publishedAt));
  };
  const idByTitle = new Map<string, number>();

  // The four newest work-news items get a photo for the 图片新闻 carousel (推荐), and so does the 头条.
  const featured = demoArticles
    .filter((a) => a.section === "news")
    .sort((x, y) => y.publishedAt.localeCompare(x.publishedAt))
    .slice(0, 4)
    .map((a) => a.title);
  const withCover = new Set([...featured, DEMO_HEADLINE]);
  let n = 0;
  for (const a of demoArticles) {
    n++;
    let cover: number | null = null;
    let body = a.bodyHtml;
    if (withCover.has(a.title)) {
      const photo = await storePhoto(n, `${a.title}（配图）`, a.title);
      cover = photo.id;
      body = figureHtml(mediaUrl(photo.storageKey), photo.alt, a.title, "本网记者 摄") + body;
    }
    // One notice carries a file, so the attachment list has something to show.
    const attachments = a.title === DEMO_ATTACHMENT.article ? [await storeDemoAttachment()] : [];
    await create(a, body, cover, attachments);
  }

  const photo = await storePhoto(99, "安庆东部新城全景：新建高楼与宽阔道路", seedArticle.photoCaption);
  await create(
    seedArticle,
    figureHtml(mediaUrl(photo.storageKey), photo.alt, seedArticle.photoCaption, seedArticle.photographer) + seedArticle.bodyHtml,
    photo.id,
  );

  // 首页与置顶 as an editor would set them: the 头条, the 图片新闻 carousel and the office hours pinned in 纳税服务.
  const place = (title: string, kind: PlacementKind, position: number) =>
    db.articlePlacement.create({ data: { articleId: idByTitle.get(title)!, kind, position } });
  await place(DEMO_HEADLINE, "headline", 1);
  for (const [i, title] of featured.entries()) await place(title, "featured", i + 1);
  await place(DEMO_PINNED, "pinned", 1);

  for (const [i, p] of demoPages.entries()) {
    await db.page.create({ data: { slug: p.slug, title: p.title, bodyHtml: sanitizeRichText(p.bodyHtml), position: i } });
  }
  await seedDemoStats();
  await rebuildIndex();
  return { seeded: true, kind: "demo", articles: demoArticles.length + 1 };
}
