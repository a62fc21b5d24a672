import type http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createClientIpServer } from "@/lib/http/client-ip-server";
import { recentViews } from "@/lib/views/beacon";
import { viewRecorder } from "@/lib/views/recorder";

vi.mock("next/cache", () => ({ revalidateTag: () => undefined, revalidatePath: () => undefined, unstable_cache: (fn: () => unknown) => fn }));

const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const dbViews = async (articleId: number) => (await db.articleViewCount.findUnique({ where: { articleId } }))?.views ?? 0;

/**
 * npm start's server (lib/http/client-ip-server.ts, as scripts/http-server.ts uses it, facing the
 * internet: TRUSTED_PROXY_HOPS 1) in front of the real /api/views handler, over real HTTP.
 */
describe("client IP through npm start's server", () => {
  let server: http.Server;
  let url: string;
  let articleId: number;
  beforeAll(async () => {
    const { POST } = await import("@/app/api/views/route");
    server = createClientIpServer(async (req, res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const response = await POST(
        new NextRequest(`http://localhost${req.url}`, { method: req.method, headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    }, 1);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/views`;
    articleId = (await db.article.findFirstOrThrow({ where: { isLive: true }, orderBy: { id: "asc" }, skip: 9 })).id;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (forwardedFor?: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": BROWSER, "sec-fetch-site": "same-origin", ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) },
      body: JSON.stringify({ articleId }),
    });

  it("rotating X-Forwarded-For (or sending an empty one) does not escape the per-IP view cap (240 per window)", async () => {
    await viewRecorder().flush();
    recentViews.clear();
    const before = await dbViews(articleId);
    // 300 beacons from this one socket, each a new visitor claiming another address; some claim none at all.
    const statuses: number[] = [];
    for (let i = 0; i < 300; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, j) => send([`198.51.${(i + j) >> 8}.${(i + j) & 255}`, ",", "", "not-an-ip"][(i + j) % 4])));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    await viewRecorder().flush();
    expect(await dbViews(articleId)).toBe(before + 240);
  });

  it("straight to the handler (as on Vercel or under next dev), an empty or malformed address is one capped bucket, not unlimited", async () => {
    const { POST } = await import("@/app/api/views/route");
    const other = (await db.article.findFirstOrThrow({ where: { isLive: true }, orderBy: { id: "asc" }, skip: 10 })).id;
    await viewRecorder().flush();
    recentViews.clear();
    const before = await dbViews(other);
    for (let i = 0; i < 300; i++) {
      const res = await POST(
        new NextRequest("http://localhost/api/views", {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": BROWSER, "sec-fetch-site": "same-origin", "x-forwarded-for": [",", " ", "garbage", "999.1.1.1"][i % 4] },
          body: JSON.stringify({ articleId: other }),
        }),
      );
      expect(res.status).toBe(200);
    }
    await viewRecorder().flush();
    expect(await dbViews(other)).toBe(before + 240);
  });
});
