import { db } from "../db";
import { codeProblem, normalizeCode } from "./code-format";
import { FEEDBACK_LIMITS, FEEDBACK_MESSAGES as M } from "./limits";
import { hashIp, peekShared, recordHit, retryAfterMs, takeShared } from "./rate-limit";
import { limitsAreShared } from "../limits/shared-limiter";

/** What the holder of a query code may see: never the name or contact (the code may be shared). */
export interface SuggestionStatusView {
  code: string;
  category: string;
  subject: string;
  content: string;
  status: string;
  createdAt: Date;
  reply: string;
  repliedAt: Date | null;
  closedAt: Date | null;
}

export type LookupResult = { ok: true; item: SuggestionStatusView } | { ok: false; error: string; reason: "invalid" | "not-found" | "rate-limited" };

/**
 * 留言查询. Wrong codes are counted per client IP; after too many the client
 * is refused even for a right code until the window passes, so codes cannot
 * be found by trying.
 */
export async function lookupByCode(rawCode: string, ip: string, now = new Date()): Promise<LookupResult> {
  const ipHash = hashIp(ip);
  const windows = [FEEDBACK_LIMITS.lookupMisses];
  const shared = limitsAreShared();
  const wait = shared ? await peekShared("feedback.lookup-miss", ipHash, windows) : await retryAfterMs("feedback.lookup-miss", ipHash, windows, now);
  if (wait > 0) return { ok: false, reason: "rate-limited", error: M.lookupTooFrequent(wait) };

  const code = normalizeCode(rawCode);
  const row = code
    ? await db.suggestion.findUnique({
        where: { code },
        select: { code: true, category: true, subject: true, content: true, status: true, createdAt: true, reply: true, repliedAt: true, closedAt: true },
      })
    : null;
  if (!row) {
    if (shared) await takeShared("feedback.lookup-miss", ipHash, windows);
    else await recordHit("feedback.lookup-miss", ipHash, now, FEEDBACK_LIMITS.lookupMisses.windowMs);
    return { ok: false, reason: code ? "not-found" : "invalid", error: code ? M.codeNotFound : (codeProblem(rawCode) ?? M.codeInvalid) };
  }
  // A reply is shown once it is saved; a message reopened for more work keeps its earlier reply visible.
  return { ok: true, item: row };
}
