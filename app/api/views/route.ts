import { NextResponse, type NextRequest } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { bodyErrorResponse, readJsonCapped } from "@/lib/http/body";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { publishDueAndRevalidate } from "@/lib/articles/publish-due";
import { beaconSchema, handleBeacon, VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE } from "@/lib/views/beacon";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
/** A beacon is a few dozen bytes of JSON; anything near this is not one. */
export const BEACON_MAX_BYTES = 4 * 1024;

/** The page-view beacon: POST { articleId?, path? } → { views?, visitors }. Other methods (HEAD, GET) are refused by Next. */
export async function POST(req: NextRequest) {
  // Only our own pages count views: a JSON post (which another site's page cannot send
  // without a CORS preflight we never grant) carrying a same-origin Origin/Sec-Fetch-Site.
  if (!/^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) {
    return NextResponse.json({ error: "请求格式无效" }, { status: 415, headers: NO_STORE });
  }
  if (!isSameOriginRequest(req.headers)) return NextResponse.json({ error: "不接受来自其他网站的请求" }, { status: 403, headers: NO_STORE });
  let body: unknown;
  try {
    body = await readJsonCapped(req, BEACON_MAX_BYTES);
  } catch (err) {
    const answer = bodyErrorResponse(err, NO_STORE);
    if (!answer) throw err;
    return answer;
  }
  const parsed = beaconSchema.safeParse(body);
  if (!parsed.success) return NextResponse.json({ error: "请求参数无效" }, { status: 400, headers: NO_STORE });

  const result = await handleBeacon({
    input: parsed.data,
    userAgent: req.headers.get("user-agent"),
    purpose: req.headers.get("sec-purpose") ?? req.headers.get("purpose") ?? (req.headers.get("next-router-prefetch") ? "prefetch" : null),
    visitorCookie: req.cookies.get(VISITOR_COOKIE)?.value ?? null,
    ip: clientIp(req.headers),
  });
  const res = NextResponse.json({ views: result.views, visitors: result.visitors }, { headers: NO_STORE });
  // Visitors' requests double as the scheduled-publishing clock (at most every 15 s per process).
  await publishDueAndRevalidate(15_000).catch((err) => console.error("[publish-due]", err));
  if (result.newVisitorCookie) {
    res.cookies.set(VISITOR_COOKIE, result.newVisitorCookie, {
      httpOnly: true,
      sameSite: "lax",
      secure: req.nextUrl.protocol === "https:",
      path: "/",
      maxAge: VISITOR_COOKIE_MAX_AGE,
    });
  }
  return res;
}
