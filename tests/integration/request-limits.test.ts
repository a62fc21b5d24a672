import sharp from "sharp";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { viewRecorder } from "@/lib/views/recorder";
import { makeActor } from "../support/actors";

let current: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => current }));
vi.mock("next/cache", () => ({ revalidateTag: () => undefined, revalidatePath: () => undefined, unstable_cache: (fn: () => unknown) => fn }));

const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const MB = 1024 * 1024;

/** A chunked body (no Content-Length) of `total` bytes made on demand; `pulled()` says how much the reader took. */
function chunkedBody(total: number, chunk = 64 * 1024, prefix = new Uint8Array()) {
  let sent = 0;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (first) {
        first = false;
        if (prefix.length) {
          sent += prefix.length;
          controller.enqueue(prefix);
          return;
        }
      }
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return { stream, pulled: () => sent };
}

const dbViews = async (articleId: number) => (await db.articleViewCount.findUnique({ where: { articleId } }))?.views ?? 0;

describe("/api/views refuses cross-site and oversized beacons", () => {
  let POST: (req: NextRequest) => Promise<Response>;
  let articleId: number;
  beforeAll(async () => {
    ({ POST } = await import("@/app/api/views/route"));
    articleId = (await db.article.findFirstOrThrow({ where: { isLive: true }, orderBy: { id: "desc" } })).id;
  });
  const beacon = (headers: Record<string, string>, body: BodyInit = JSON.stringify({ articleId })) =>
    POST(new NextRequest("http://localhost/api/views", { method: "POST", headers: { "user-agent": BROWSER, host: "localhost", ...headers }, body }));

  it("counts a same-origin JSON beacon, and nothing posted as text/plain or from another site", async () => {
    await viewRecorder().flush();
    const before = await dbViews(articleId);
    const refused = [
      await beacon({ "content-type": "text/plain", "sec-fetch-site": "same-origin", "x-forwarded-for": "198.51.100.71" }),
      await beacon({ "content-type": "application/json", "sec-fetch-site": "cross-site", origin: "https://evil.example", "x-forwarded-for": "198.51.100.72" }),
      await beacon({ "content-type": "application/json", origin: "https://evil.example", "x-forwarded-for": "198.51.100.73" }),
      await beacon({ "content-type": "application/json", "x-forwarded-for": "198.51.100.74" }), // neither header: not a browser on our page
    ];
    expect(refused.map((r) => r.status)).toEqual([415, 403, 403, 403]);
    const ok = await beacon({ "content-type": "application/json", "sec-fetch-site": "same-origin", "x-forwarded-for": "198.51.100.75" });
    expect(ok.status).toBe(200);
    const byOrigin = await beacon({ "content-type": "application/json; charset=utf-8", origin: "http://localhost", "x-forwarded-for": "198.51.100.76" });
    expect(byOrigin.status).toBe(200);
    await viewRecorder().flush();
    expect(await dbViews(articleId)).toBe(before + 2);
  });

  it("stops reading a chunked body past a few KB and answers 413 in Chinese", async () => {
    const body = chunkedBody(200 * MB);
    const res = await beacon({ "content-type": "application/json", "sec-fetch-site": "same-origin" }, body.stream);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/请求内容过大/);
    expect(body.pulled()).toBeLessThan(256 * 1024);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const res = await beacon({ "content-type": "application/json", "sec-fetch-site": "same-origin" }, "{not json");
    expect(res.status).toBe(400);
  });
});

describe("/api/admin/media reads uploads under the media limit while streaming", () => {
  let POST: (req: Request) => Promise<Response>;
  beforeAll(async () => {
    ({ POST } = await import("@/app/api/admin/media/route"));
    current = await makeActor("editor");
  });
  const upload = (body: BodyInit, contentType: string, headers: Record<string, string> = {}) =>
    POST(new Request("http://localhost/api/admin/media", { method: "POST", headers: { "content-type": contentType, ...headers }, body, duplex: "half" } as RequestInit));

  it("a 300 MB chunked upload is cut off just past the limit with 413, whatever Content-Length claims", async () => {
    const boundary = "----hygboundary";
    const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const body = chunkedBody(300 * MB, 256 * 1024, head);
    const res = await upload(body.stream, `multipart/form-data; boundary=${boundary}`);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/请求内容过大.*MB/);
    expect(body.pulled()).toBeLessThan(22 * MB);
    // A lying small Content-Length does not help either.
    const lying = chunkedBody(300 * MB, 256 * 1024, head);
    const res2 = await upload(lying.stream, `multipart/form-data; boundary=${boundary}`, { "content-length": "1000" });
    expect(res2.status).toBe(413);
    expect(lying.pulled()).toBeLessThan(22 * MB);
  });

  it("a malformed multipart body is a 400 with a Chinese message, not a 500", async () => {
    const res = await upload("this is not multipart at all", "multipart/form-data; boundary=nothing-here");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/上传内容格式不正确/);
  });

  it("the same image uploaded twice reuses the stored file (201 both times, one row)", async () => {
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 12, g: 34, b: 56 } } }).png().toBuffer();
    const send = (alt: string) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array(png)], "same.png", { type: "image/png" }));
      form.set("kind", "image");
      form.set("alt", alt);
      return POST(new Request("http://localhost/api/admin/media", { method: "POST", body: form }));
    };
    const first = await send("第一次");
    const second = await send("第二次");
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [await first.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect(b.url).toBe(a.url);
    expect(b.alt).toBe("第二次");
    expect(await db.media.count({ where: { id: a.id } })).toBe(1);
  });
});
