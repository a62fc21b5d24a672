import { describe, expect, it } from "vitest";
import { RecentViews } from "@/lib/views/dedup";
import { notARealView } from "@/lib/views/filters";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const WECHAT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.42";

describe("what is a real page view", () => {
  it.each([
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "bot"],
    ["Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", "bot"],
    ["Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)", "bot"],
    ["Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "bot"],
    ["Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; YisouSpider/5.0)", "bot"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36", "bot"],
    ["curl/8.5.0", "bot"],
    ["python-requests/2.31.0", "bot"],
  ])("%s is not a person", (ua, reason) => {
    expect(notARealView({ userAgent: ua, purpose: null })).toBe(reason);
  });

  it("counts ordinary browsers, including WeChat's", () => {
    expect(notARealView({ userAgent: CHROME, purpose: null })).toBeNull();
    expect(notARealView({ userAgent: WECHAT, purpose: null })).toBeNull();
  });

  it("refuses prefetches and requests without a user agent", () => {
    expect(notARealView({ userAgent: CHROME, purpose: "prefetch" })).toBe("prefetch");
    expect(notARealView({ userAgent: CHROME, purpose: "prefetch;prerender" })).toBe("prefetch");
    expect(notARealView({ userAgent: null, purpose: null })).toBe("no-user-agent");
    expect(notARealView({ userAgent: "", purpose: null })).toBe("no-user-agent");
  });
});

describe("duplicate window", () => {
  it("admits a visitor's view once per window and again after it", () => {
    const w = new RecentViews(30 * 60_000);
    const t0 = Date.UTC(2017, 10, 20, 0, 30);
    expect(w.admit("v1|a:1", t0)).toBe(true);
    expect(w.admit("v1|a:1", t0 + 1000)).toBe(false);
    expect(w.admit("v1|a:1", t0 + 29 * 60_000)).toBe(false);
    expect(w.admit("v2|a:1", t0 + 1000)).toBe(true); // another visitor
    expect(w.admit("v1|a:2", t0 + 1000)).toBe(true); // another article
    expect(w.admit("v1|a:1", t0 + 30 * 60_000)).toBe(true);
  });

  it("a flood of new visitors inside one window costs O(1) per view and stays bounded", () => {
    // 400 000 distinct keys within the window: a scan of the whole memory per insert (the old
    // prune above 200 000 entries) would take minutes; an LRU with expiry takes well under a second.
    const w = new RecentViews(30 * 60_000, 300_000);
    const t0 = Date.UTC(2017, 10, 20, 0, 30);
    const started = performance.now();
    for (let i = 0; i < 400_000; i++) w.admit(`visitor-${i}|a:1`, t0 + i);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(w.size).toBe(300_000);
    expect(w.admit("visitor-399999|a:1", t0 + 400_000)).toBe(false); // the newest are remembered
  });

  it("a zero window counts every view", () => {
    const w = new RecentViews(0);
    expect(w.admit("k", 1)).toBe(true);
    expect(w.admit("k", 1)).toBe(true);
  });
});
