import Parser from "rss-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { sectionFeedPath, sectionPathFromFeed } from "@/lib/feeds/paths";
import type { FeedItem } from "@/lib/feeds/queries";
import { excerpt } from "@/lib/feeds/queries";
import { buildRss } from "@/lib/feeds/rss";
import { escapeXml, rfc822Beijing } from "@/lib/feeds/xml";

const ORIGIN = "https://www.example.gov.cn";

function item(over: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 7,
    title: "普通标题",
    href: "/news/7",
    description: "摘要",
    sectionName: "工作动态",
    publishedAt: "2017-11-20T00:30:00.000Z",
    updatedAt: "2017-11-20T00:30:00.000Z",
    ...over,
  };
}

const channel = { title: "安庆市地方税务局", path: "/", selfPath: "/rss.xml", description: "最新信息" };

describe("xml helpers", () => {
  it("escapes the five special characters and drops characters XML forbids", () => {
    expect(escapeXml(`A & B <b>"x"</b> 'y'`)).toBe("A &amp; B &lt;b&gt;&quot;x&quot;&lt;/b&gt; &apos;y&apos;");
    expect(escapeXml("税\u0000务\u000B局\uFFFE")).toBe("税务局");
    expect(escapeXml("第一行\n第二行\t😀")).toBe("第一行\n第二行\t😀");
  });

  it("writes RFC 822 dates in Beijing time", () => {
    expect(rfc822Beijing("2017-11-20T00:30:00Z")).toBe("Mon, 20 Nov 2017 08:30:00 +0800");
    // 20:00 UTC on New Year's Eve is already the next day (and year) in Beijing.
    expect(rfc822Beijing("2016-12-31T20:05:09Z")).toBe("Sun, 01 Jan 2017 04:05:09 +0800");
  });

  it("maps section paths to feed paths and back", () => {
    expect(sectionFeedPath("topics/congress-19")).toBe("/rss/topics/congress-19.xml");
    expect(sectionPathFromFeed(["topics", "congress-19.xml"])).toBe("topics/congress-19");
    expect(sectionPathFromFeed(["news"])).toBeNull();
    expect(sectionPathFromFeed([".xml"])).toBeNull();
  });

  it("uses the summary as description, else a plain-text excerpt of the body", () => {
    expect(excerpt(" 摘要 ", "<p>正文</p>")).toBe("摘要");
    expect(excerpt("", "<p>第一段<script>alert(1)</script></p><p>第二段</p>")).toBe("第一段 第二段");
    const long = excerpt("", `<p>${"字".repeat(300)}</p>`);
    expect(Array.from(long)).toHaveLength(201);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("RSS 2.0 document", () => {
  const tricky = `税收 & 发票 <新规> "答问" 'Q&A'`;
  const xml = buildRss(ORIGIN, channel, [
    item({ id: 2, href: "/news/2", title: tricky, description: `<img src=x onerror=alert(1)> 1 < 2 && 3 > 2`, publishedAt: "2017-11-21T02:00:00Z", updatedAt: "2017-11-22T03:00:00Z" }),
    item(),
  ]);

  it("is well-formed and reads back with a real feed parser, text unchanged", async () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe("安庆市地方税务局");
    expect(feed.link).toBe(`${ORIGIN}/`);
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0].title).toBe(tricky);
    expect(feed.items[0].link).toBe(`${ORIGIN}/news/2`);
    expect(feed.items[0].content).toBe(`<img src=x onerror=alert(1)> 1 < 2 && 3 > 2`);
    expect(feed.items[0].pubDate).toBe("Tue, 21 Nov 2017 10:00:00 +0800");
    expect(feed.items[0].guid).toBe("www.example.gov.cn:article:2");
    expect(feed.items[0].categories).toEqual(["工作动态"]);
  });

  it("never lets item text become markup", () => {
    expect(xml).not.toContain("<img");
    expect(xml).not.toContain("<新规>");
    expect(xml).toContain("&lt;新规&gt;");
  });

  it("has atom:link rel=self, language and lastBuildDate from the newest change", () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const ch = doc.rss.channel;
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(ch["atom:link"]["@_rel"]).toBe("self");
    expect(ch["atom:link"]["@_href"]).toBe(`${ORIGIN}/rss.xml`);
    expect(ch["atom:link"]["@_type"]).toBe("application/rss+xml");
    expect(ch.language).toBe("zh-cn");
    expect(ch.lastBuildDate).toBe("Wed, 22 Nov 2017 11:00:00 +0800");
  });

  it("gives the same bytes for the same content", () => {
    expect(buildRss(ORIGIN, channel, [item()])).toBe(buildRss(ORIGIN, channel, [item()]));
  });
});
