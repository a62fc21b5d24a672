/**
 * HTTP as a visitor's browser would do it, with the limits an unattended
 * checker needs: a timeout per request, one retry before calling something
 * broken, HEAD first (cheap) then GET for servers that refuse HEAD, a
 * concurrency cap and a minimum gap between requests to the same host (so
 * the scan never hammers our own site or anyone else's).
 */

// Header values must be ASCII (undici refuses anything else).
export const USER_AGENT = "Mozilla/5.0 (compatible; PortalSelfInspection/1.0)";

export interface HttpOptions {
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
}

export async function fetchWithTimeout(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<Response> {
  return fetch(url, {
    redirect: "follow",
    ...init,
    headers: { "user-agent": USER_AGENT, ...(init.headers ?? {}) },
    signal: AbortSignal.timeout(timeoutMs),
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PageFetch {
  ok: boolean;
  status: number;
  html: string;
  error?: string;
  ms: number;
}

/** A page as a visitor gets it, retried once. */
export async function fetchPage(url: string, opts: HttpOptions = {}): Promise<PageFetch> {
  const { timeoutMs = 10_000, retries = 1, retryDelayMs = 500 } = opts;
  let last: PageFetch = { ok: false, status: 0, html: "", ms: 0 };
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt) await sleep(retryDelayMs);
    const t0 = Date.now();
    try {
      const res = await fetchWithTimeout(url, {}, timeoutMs);
      const html = await res.text();
      last = { ok: res.ok, status: res.status, html, ms: Date.now() - t0 };
      if (res.ok || (res.status >= 400 && res.status < 500)) return last;
    } catch (err) {
      last = { ok: false, status: 0, html: "", error: errorText(err), ms: Date.now() - t0 };
    }
  }
  return last;
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError") return "超时";
    const cause = (err as { cause?: { code?: string } }).cause;
    return cause?.code ?? err.message;
  }
  return String(err);
}

export interface LinkStatus {
  url: string;
  ok: boolean;
  status: number;
  error?: string;
}

/** HEAD, then GET when HEAD is refused or fails; the whole pair retried once. */
export async function checkLink(url: string, opts: HttpOptions = {}): Promise<LinkStatus> {
  const { timeoutMs = 10_000, retries = 1, retryDelayMs = 1000 } = opts;
  let last: LinkStatus = { url, ok: false, status: 0 };
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt) await sleep(retryDelayMs);
    for (const method of ["HEAD", "GET"] as const) {
      try {
        const res = await fetchWithTimeout(url, { method }, timeoutMs);
        if (method === "GET") await res.body?.cancel().catch(() => undefined);
        last = { url, ok: res.ok, status: res.status };
        if (res.ok) return last;
      } catch (err) {
        last = { url, ok: false, status: 0, error: errorText(err) };
      }
    }
  }
  return last;
}

/**
 * Runs `task` over `items` with at most `concurrency` at once and at least
 * `perHostGapMs` between two starts on the same host. Hand-written because
 * it is a dozen lines; p-limit alone has no per-host spacing.
 */
export async function forEachLimited<T>(
  items: T[],
  hostOf: (item: T) => string,
  task: (item: T) => Promise<void>,
  { concurrency = 4, perHostGapMs = 300 }: { concurrency?: number; perHostGapMs?: number } = {},
): Promise<void> {
  const nextSlot = new Map<string, number>();
  let i = 0;
  const worker = async () => {
    while (i < items.length) {
      const item = items[i++];
      const host = hostOf(item);
      const now = Date.now();
      const at = Math.max(now, nextSlot.get(host) ?? 0);
      nextSlot.set(host, at + perHostGapMs);
      if (at > now) await sleep(at - now);
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
