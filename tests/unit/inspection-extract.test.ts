import { describe, expect, it } from "vitest";
import { extractPage, hiddenBy } from "@/lib/integrity/inspection/extract";
import { footerIdentity } from "@/lib/integrity/fingerprint/fields";
import { restorePreferences as RESTORE_PREFERENCES_SCRIPT } from "@/lib/site/preferences-script";
import { parse } from "node-html-parser";

const ORIGIN = "http://localhost:3000";

function page(body: string, head = ""): string {
  return `<!DOCTYPE html><html><head><script>${RESTORE_PREFERENCES_SCRIPT}</script>${head}</head><body>${body}
<script src="/_next/static/chunks/abc.js" async=""></script>
<script>(self.__next_f=self.__next_f||[]).push([0])</script>
<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>
<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a1.js"],"runtimeModuleIds":[94553]});</script>
</body></html>`;
}

const ARTICLE = `<article class="article"><div class="article-paper">
<h1 class="article-title">上下一盘棋 共建文明城</h1>
<p class="article-meta"><span>发布日期：<time dateTime="2017-11-20T00:30:00.000Z">2017-11-20</time></span><span class="meta-sep" aria-hidden="true">|</span><span>浏览次数：<span>12</span></span><span class="meta-sep">|</span><span>来源：安庆日报</span><span class="meta-sep">|</span><span>作者：王&amp;李</span></p>
<div id="article-body" class="article-body"><p>　　2017年11月14日，是安庆城市发展进程中值得铭记的日子。</p></div></div></article>
<footer class="site-footer"><div class="container footer-identity"><p><span>版权所有：安庆市地方税务局</span><a href="https://beian.miit.gov.cn/">皖ICP备09009541号</a></p>
<p><span class="visitor-counter">您是第 <span>1234</span> 位访客</span></p></div></footer>`;

describe("extractPage", () => {
  it("reads title, meta row, body and footer identity, and accepts the framework's and the portal's own scripts", () => {
    const p = extractPage(page(ARTICLE), ORIGIN);
    expect(p.title).toBe("上下一盘棋共建文明城");
    expect(p.meta).toEqual(["发布日期：2017-11-20", "来源：安庆日报", "作者：王&李"]);
    expect(p.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(p.footer).toBe(footerIdentity({ owner: "安庆市地方税务局", icpNumber: "皖ICP备09009541号" } as never));
    expect(p.injected).toEqual([]);
    expect(p.text).toContain("值得铭记");
  });

  it("flags scripts that are not the framework's, frames, refresh redirects and event handlers", () => {
    const bad = page(
      `${ARTICLE}<script src="https://evil.example/x.js"></script><script>document.location="https://casino.example"</script>
       <script>self.__next_f.push([1,"x"]);alert(1)</script><iframe src="https://casino.example"></iframe><img src="/a.png" alt="a" onerror="alert(1)">`,
      `<meta http-equiv="refresh" content="0;url=https://casino.example">`,
    );
    const found = extractPage(bad, ORIGIN).injected.join("\n");
    expect(found).toContain("外部脚本：https://evil.example/x.js");
    expect(found).toContain("注入的内联脚本：document.location");
    expect(found).toContain("注入的内联脚本：self.__next_f.push([1,\"x\"]);alert(1)");
    expect(found).toContain("注入的 <iframe>");
    expect(found).toContain("自动跳转");
    expect(found).toContain("事件脚本 onerror");
  });

  it.each([
    ['<a href="https://c.example" style="display:none">博彩</a>', "display:none"],
    ['<div style="font-size:0px"><a href="https://c.example">博彩</a></div>', "font-size:0"],
    ['<a href="https://c.example" style="position:absolute; left:-9999px">博彩</a>', "移出屏幕"],
    ['<a href="https://c.example" style="color:#FFFFFF">博彩</a>', "白底白字"],
    ['<span style="visibility:hidden"><a href="https://c.example">博彩</a></span>', "visibility:hidden"],
    ['<p hidden><a href="https://c.example">博彩</a></p>', "hidden 属性"],
    ['<a href="https://c.example" style="text-indent:-999em">博彩</a>', "text-indent"],
  ])("flags a hidden link: %s", (html, why) => {
    const found = extractPage(page(`${ARTICLE}${html}`), ORIGIN).injected;
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("隐藏链接");
    expect(found[0]).toContain(why);
    expect(found[0]).toContain("https://c.example");
  });

  it("does not flag a hidden link into the site itself (the home carousel's other slides), but does one that only looks local", () => {
    const own = `<div class="carousel-slide" hidden><a href="/news/12">市地税局图片新闻</a></div><p hidden><a href="${ORIGIN}/news/13">x</a></p>`;
    expect(extractPage(page(`${ARTICLE}${own}`), ORIGIN).injected).toEqual([]);
    const away = extractPage(page(`${ARTICLE}<p hidden><a href="//casino.example/">博彩</a></p>`), ORIGIN).injected;
    expect(away).toHaveLength(1);
    expect(away[0]).toContain("隐藏链接");
  });

  it("does not flag visible styled text", () => {
    const el = parse('<a style="color:#333;font-size:14px;position:relative;left:2px">x</a>').querySelector("a")!;
    expect(hiddenBy(el)).toBeNull();
    const white = parse('<a style="color:#fff;background-color:#0f4c92">x</a>').querySelector("a")!;
    expect(hiddenBy(white)).toBeNull();
  });
});
