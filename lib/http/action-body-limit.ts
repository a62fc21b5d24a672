import { NextResponse, type NextRequest } from "next/server";

/**
 * Server-action posts over the size limit answer 413 before Next reads them: Next's own
 * bodySizeLimit stops reading too, but answers 500 (a known gap in its action handler).
 * Browsers always send Content-Length with a form post, so a post without one (chunked,
 * only scripts do that) is refused as 411; Next's streaming cap still stands behind this.
 */
const LIMITS: { prefix: string; maxBytes: number }[] = [
  // The 网站建议 form is a few KB at most (content ≤ 2000 characters).
  { prefix: "/feedback", maxBytes: 64 * 1024 },
  // Admin forms (article HTML): Next's default server-action limit.
  { prefix: "/admin", maxBytes: 1024 * 1024 },
];

const page = (title: string, text: string, status: number) =>
  new NextResponse(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${title}</title><p>${text}</p></html>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });

export function refuseOversizedAction(req: NextRequest): NextResponse | null {
  if (req.method !== "POST") return null;
  const limit = LIMITS.find((l) => req.nextUrl.pathname === l.prefix || req.nextUrl.pathname.startsWith(`${l.prefix}/`));
  if (!limit) return null;
  const length = req.headers.get("content-length");
  if (length === null) return page("请求无效", "提交的请求缺少长度信息，请刷新页面后重新提交。", 411);
  if (Number(length) > limit.maxBytes) return page("提交内容过大", `提交内容过大（不能超过 ${limit.maxBytes / 1024}KB），请精简后重新提交。`, 413);
  return null;
}
