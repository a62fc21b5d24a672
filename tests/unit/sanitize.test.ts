import { describe, expect, it } from "vitest";
import { BODY_IMAGE_SIZES, htmlToText, renderRichText, sanitizeRichText } from "@/lib/content/sanitize";

describe("sanitizeRichText", () => {
  const payloads: [string, RegExp][] = [
    [`<p>a<script>alert(1)</script></p>`, /script|alert/],
    [`<img src="x.jpg" onerror="alert(1)">`, /onerror|alert/],
    [`<a href="javascript:alert(1)">x</a>`, /javascript/],
    [`<a href="JaVaScRiPt:alert(1)">x</a>`, /javascript/i],
    [`<a href="&#106;avascript:alert(1)">x</a>`, /avascript/],
    [`<iframe src="https://evil.example"></iframe>`, /iframe/],
    [`<svg><script>alert(1)</script></svg>`, /svg|script/],
    [`<p style="background:url(javascript:alert(1))">x</p>`, /style|javascript/],
    [`<img src="data:image/svg+xml;base64,PHN2Zz4=">`, /data:/],
    [`<form action="/x"><input name="a"></form>`, /form|input/],
    [`<p onmouseover="alert(1)">x</p>`, /onmouseover/],
    [`<object data="x.swf"></object><embed src="x">`, /object|embed/],
    [`<a href="//evil.example/x">x</a>`, /evil/],
  ];
  it.each(payloads)("neutralises %s", (input, forbidden) => {
    expect(sanitizeRichText(input)).not.toMatch(forbidden);
  });

  it("keeps figures, captions, tables, lists and links", () => {
    const html =
      `<figure class="photo"><img src="/uploads/a.jpg" alt="东部新城"><figcaption>面貌一新的东部新城 <span class="photo-credit">江胜</span></figcaption></figure>` +
      `<table><thead><tr><th scope="col">税种</th></tr></thead><tbody><tr><td colspan="2">增值税</td></tr></tbody></table>` +
      `<ol><li>一</li></ol><p><a href="https://www.gov.cn/" target="_blank">中国政府网</a></p>`;
    const out = sanitizeRichText(html);
    for (const part of ["<figure class=\"photo\">", "<figcaption>", "alt=\"东部新城\"", "<th scope=\"col\">", "colspan=\"2\"", "<ol>", "href=\"https://www.gov.cn/\""]) {
      expect(out).toContain(part);
    }
    expect(out).toContain('rel="noopener noreferrer"');
  });

  it("gives every image an alt attribute and drops images without a source", () => {
    expect(sanitizeRichText(`<img src="/uploads/a.jpg">`)).toMatch(/<img src="\/uploads\/a.jpg" alt="" loading="lazy" \/>/);
    expect(sanitizeRichText(`<p><img alt="x"></p>`)).toBe("<p></p>");
  });

  it("leaves Chinese punctuation exactly as typed", () => {
    const text = `“一把手”一线抓创建，《安庆日报》、“3·15”——2017年11月14日……（完）`;
    expect(sanitizeRichText(`<p>${text}</p>`)).toBe(`<p>${text}</p>`);
  });

  it("htmlToText strips tags and decodes entities", () => {
    expect(htmlToText(`<p>A &amp; B</p><p>“创城”</p>`)).toBe("A & B “创城”");
  });

  it("htmlToText decodes each entity once: the text “&lt;” stays “&lt;”, numeric and named entities decode", () => {
    // An editor who wrote the characters "&lt;" has "&amp;lt;" in the HTML.
    expect(htmlToText(`<p>写法 &amp;lt;br&amp;gt; 不是标签</p>`)).toBe("写法 &lt;br&gt; 不是标签");
    expect(htmlToText(`<p>&#8220;创城&#8221; &mdash; &copy; 2017&nbsp;年</p>`)).toBe("“创城” — © 2017 年");
  });
});

describe("renderRichText", () => {
  const headings = (html: string) => [...renderRichText(html).matchAll(/<(h\d)>([^<]*)</g)].map((m) => `${m[1]}:${m[2]}`);

  it("shifts a body that starts at h3 so it nests right under the page's h1", () => {
    expect(headings(`<h3>一</h3><p>x</p><h4>一.1</h4><h3>二</h3>`)).toEqual(["h2:一", "h3:一.1", "h2:二"]);
  });

  it("never skips a level, whatever the editor wrote", () => {
    expect(headings(`<h2>一</h2><h4>一.1</h4><h4>一.2</h4><h3>一.3</h3><h2>二</h2><h4>二.1</h4>`)).toEqual(["h2:一", "h3:一.1", "h3:一.2", "h3:一.3", "h2:二", "h3:二.1"]);
  });

  it("leaves a well-nested body and the stored HTML as written", () => {
    const stored = `<h2>一</h2><h3>一.1</h3><h4>一.1.1</h4>`;
    expect(headings(stored)).toEqual(["h2:一", "h3:一.1", "h4:一.1.1"]);
    expect(sanitizeRichText(`<h3>问</h3>`)).toBe("<h3>问</h3>");
  });

  it("still sanitizes", () => {
    expect(renderRichText(`<h3 onclick="alert(1)">a</h3><script>alert(1)</script>`)).toBe("<h2>a</h2>");
  });

  it("loads only a first-screen image eagerly with high priority; the rest lazily, all with sizes for their srcset", () => {
    const img = (n: number) => `<img src="/uploads/${n}.jpg" srcset="/uploads/${n}-480.jpg 480w, /uploads/${n}.jpg 1200w" width="1200" height="675" loading="lazy" alt="图${n}">`;
    const out = renderRichText(`<p>导语</p><figure class="photo">${img(1)}</figure><p>正文</p>${img(2)}`);
    const [first, second] = out.match(/<img[^>]*>/g)!;
    expect(first).toContain('fetchpriority="high"');
    expect(first).not.toContain("loading=");
    expect(first).toContain(`sizes="${BODY_IMAGE_SIZES}"`);
    expect(first).toContain('width="1200" height="675"');
    expect(second).toContain('loading="lazy"');
    expect(second).not.toContain("fetchpriority");
  });

  it("keeps an image after a screenful of text lazy", () => {
    const out = renderRichText(`<p>${"文".repeat(400)}</p><img src="/uploads/a.jpg" alt="">`);
    expect(out).toContain('loading="lazy"');
    expect(out).not.toContain("fetchpriority");
  });
});
