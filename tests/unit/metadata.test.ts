import { afterEach, describe, expect, it } from "vitest";
import { articleInputSchema } from "@/lib/articles/schema";
import { splitKeywords } from "@/lib/articles/keywords";
import { parseSnapshot } from "@/lib/articles/snapshot";
import { FALLBACK_SETTINGS } from "@/lib/settings/queries";
import { articleKeywords, extractKeywords } from "@/lib/site/keywords";
import { COLUMN_TYPES, pageMetadata } from "@/lib/site/metadata";
import { normalizeOrigin, requestOriginFromHeaders, siteOrigin } from "@/lib/site/origin";

const settings = { ...FALLBACK_SETTINGS, siteName: "安庆市地方税务局", siteDomain: "www.aqds.gov.cn", siteIdCode: "3408000031" };
const savedSiteUrl = process.env.SITE_URL;
afterEach(() => {
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

describe("site origin", () => {
  it("SITE_URL first, then https:// + 网站域名, then the request", () => {
    delete process.env.SITE_URL;
    expect(siteOrigin({ siteDomain: "www.aqds.gov.cn" }, "http://localhost:3000")).toBe("https://www.aqds.gov.cn");
    expect(siteOrigin({ siteDomain: "" }, "http://localhost:3000")).toBe("http://localhost:3000");
    expect(siteOrigin({ siteDomain: "" })).toBeNull();
    process.env.SITE_URL = "http://portal.internal:8080/";
    expect(siteOrigin({ siteDomain: "www.aqds.gov.cn" }, "http://localhost:3000")).toBe("http://portal.internal:8080");
  });

  it("normalizes what admins type and rejects what is not a web origin", () => {
    expect(normalizeOrigin(" https://www.aqds.gov.cn/index.html ")).toBe("https://www.aqds.gov.cn");
    expect(normalizeOrigin("http://www.aqds.gov.cn")).toBe("http://www.aqds.gov.cn");
    expect(normalizeOrigin("ftp://x.cn")).toBeNull();
    expect(normalizeOrigin("not a domain")).toBeNull();
    expect(normalizeOrigin("")).toBeNull();
  });

  it("reads the origin a reverse proxy forwarded", () => {
    expect(requestOriginFromHeaders(new Headers({ host: "internal:3000", "x-forwarded-host": "www.aqds.gov.cn", "x-forwarded-proto": "https" }))).toBe("https://www.aqds.gov.cn");
    expect(requestOriginFromHeaders(new Headers({ host: "localhost:3000" }))).toBe("http://localhost:3000");
  });
});

describe("page metadata", () => {
  it("an article: government tags, canonical, Open Graph with its cover, feeds", () => {
    delete process.env.SITE_URL;
    const m = pageMetadata(settings, {
      title: "上下一盘棋 共建文明城",
      column: "迅速掀起学习宣传贯彻落实十九大精神热潮",
      columnType: COLUMN_TYPES.topic,
      path: "/topics/congress-19/12",
      description: "摘要",
      keywords: ["文明城市", "安庆"],
      image: { url: "/uploads/a.jpg", alt: "东部新城" },
      feed: { title: "十九大 RSS", path: "/rss/topics/congress-19.xml" },
      article: { title: "上下一盘棋 共建文明城", publishedAt: "2017-11-20T00:30:00.000Z", source: "安庆新闻网" },
    });
    expect(m.title).toBe("上下一盘棋 共建文明城 - 安庆市地方税务局");
    expect(m.other).toEqual({
      SiteName: "安庆市地方税务局",
      SiteDomain: "www.aqds.gov.cn",
      SiteIDCode: "3408000031",
      ColumnName: "迅速掀起学习宣传贯彻落实十九大精神热潮",
      ColumnType: "专题",
      ArticleTitle: "上下一盘棋 共建文明城",
      PubDate: "2017-11-20 08:30",
      ContentSource: "安庆新闻网",
      Keywords: "文明城市,安庆",
      Description: "摘要",
    });
    expect(m.alternates?.canonical).toBe("https://www.aqds.gov.cn/topics/congress-19/12");
    expect(m.alternates?.types?.["application/rss+xml"]).toEqual([
      { title: "安庆市地方税务局 最新信息 RSS", url: "https://www.aqds.gov.cn/rss.xml" },
      { title: "十九大 RSS", url: "https://www.aqds.gov.cn/rss/topics/congress-19.xml" },
    ]);
    expect(m.openGraph).toMatchObject({
      type: "article",
      url: "https://www.aqds.gov.cn/topics/congress-19/12",
      siteName: "安庆市地方税务局",
      images: [{ url: "https://www.aqds.gov.cn/uploads/a.jpg", alt: "东部新城" }],
    });
  });

  it("other pages get a description and keywords even when the caller gives none", () => {
    const m = pageMetadata(settings, { title: "网站建议", column: "网站建议" });
    expect(m.other).toMatchObject({ ColumnName: "网站建议", Description: "安庆市地方税务局：网站建议", Keywords: "网站建议,安庆市地方税务局" });
    expect(m.other).not.toHaveProperty("ArticleTitle");
    expect(m.openGraph).toMatchObject({ type: "website" });
  });

  it("without a known origin, leaves absolute URLs out instead of guessing a host", () => {
    delete process.env.SITE_URL;
    const m = pageMetadata({ ...settings, siteDomain: "" }, { title: "工作动态", path: "/news", image: { url: "/uploads/a.jpg" } });
    expect(m.alternates?.canonical).toBeUndefined();
    expect(m.metadataBase).toBeUndefined();
    expect(m.other).not.toHaveProperty("SiteDomain");
  });
});

describe("keywords", () => {
  it("editors' keywords are normalized whatever separators they type", () => {
    expect(articleInputSchema.shape.keywords.parse(" 税收，改革、营改增; 税收  发票 ")).toBe("税收,改革,营改增,发票");
    expect(splitKeywords("")).toEqual([]);
    expect(articleInputSchema.shape.keywords.safeParse(Array.from({ length: 11 }, (_, i) => `词${i}`).join(",")).error?.issues[0].message).toBe("关键词最多10个");
    expect(articleInputSchema.shape.keywords.safeParse("一".repeat(21)).error?.issues[0].message).toBe("每个关键词不能超过20个字");
  });

  it("empty: extracted from title and summary, deterministic, content words only", () => {
    const text = "上下一盘棋 共建文明城——安庆创建全国文明城市回眸之一\n安庆市2017年创建全国文明城市工作";
    const first = extractKeywords(text);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(5);
    expect(first).toContain("文明城市");
    expect(first.every((k) => Array.from(k).length >= 2 && !/^\d+$/.test(k))).toBe(true);
    expect(extractKeywords(`${text}`)).toEqual(first);
    expect(articleKeywords({ keywords: "", title: "上下一盘棋 共建文明城——安庆创建全国文明城市回眸之一", summary: "安庆市2017年创建全国文明城市工作" })).toEqual(first);
    expect(articleKeywords({ keywords: "创城,安庆", title: "任意", summary: "" })).toEqual(["创城", "安庆"]);
  });

  it("revisions saved before keywords existed read as empty", () => {
    expect(parseSnapshot(JSON.stringify({ title: "旧版本" })).keywords).toBe("");
  });
});
