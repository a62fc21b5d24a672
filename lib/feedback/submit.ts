import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { fieldErrors } from "../validation/zod";
import { generateCode } from "./code";
import { FEEDBACK_LIMITS, FEEDBACK_MESSAGES as M } from "./limits";
import { giveBackShared, hashIp, recordHit, retryAfterMs, takeShared, type Window as LimitWindow } from "./rate-limit";
import { limitsAreShared } from "../limits/shared-limiter";
import { FIELD_LABELS, FORM_FIELDS, submissionSchema } from "./schema";
import { checkFormToken } from "./token";
import { isWriteConflict } from "../db/conflict";

export interface SubmissionRequest {
  /** The form fields as posted (text only; anything else is ignored). */
  fields: Record<string, unknown>;
  /** The signed timestamp the form was rendered with. */
  token: string;
  /** The honeypot field: people never see it, so anything in it came from a bot. */
  honeypot: string;
  ip: string;
}

export type SubmissionResult =
  | { ok: true; code: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; reason: "invalid" | "spam" | "too-fast" | "token" | "rate-limited" };

/**
 * One visitor's message, through every guard in order of cost: honeypot,
 * signed minimum fill time, field rules (sizes, contact, links), the per-IP
 * flood limit (database-backed; the shared limiter with REDIS_URL), then the insert with a fresh query code.
 */
export async function submitSuggestion(req: SubmissionRequest, now = new Date()): Promise<SubmissionResult> {
  // A bot learns nothing from the answer: same wording as a broken token.
  if (req.honeypot.trim() !== "") return { ok: false, reason: "spam", error: M.rejected };

  // Field errors come before the fill-time check: a visitor with a missing field must learn that
  // first, not be told "提交过快" and then, after waiting, that the field was missing all along.
  const parsed = submissionSchema.safeParse(req.fields);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    // Named in words, not by colour: "请修改以下内容后再提交：主题、联系方式".
    const named = FORM_FIELDS.filter((f) => errors[f]).map((f) => FIELD_LABELS[f]);
    return { ok: false, reason: "invalid", error: `请修改以下内容后再提交：${named.join("、")}`, fieldErrors: errors };
  }

  const token = checkFormToken(req.token, now.getTime());
  if (!token.ok) {
    if (token.reason === "too-fast") return { ok: false, reason: "too-fast", error: M.tooFast };
    return { ok: false, reason: "token", error: token.reason === "expired" ? M.tokenExpired : M.tokenInvalid };
  }

  const ipHash = hashIp(req.ip);
  const input = parsed.data;
  const windows = [FEEDBACK_LIMITS.submitBurst, FEEDBACK_LIMITS.submitDaily];
  // With REDIS_URL the hit is taken up front in the shared limiter (atomic per window) and given back if the post fails.
  const shared = limitsAreShared();
  if (shared) {
    const wait = await takeShared("feedback.submit", ipHash, windows);
    if (wait > 0) return { ok: false, reason: "rate-limited", error: M.tooFrequent(wait) };
  }
  const result = await insertSuggestion(req, input, ipHash, windows, now, shared).catch(async (err) => {
    if (shared) await giveBackShared("feedback.submit", ipHash, windows);
    throw err;
  });
  if (shared && !result.ok) await giveBackShared("feedback.submit", ipHash, windows);
  return result;
}

async function insertSuggestion(
  req: SubmissionRequest,
  input: ReturnType<typeof submissionSchema.parse>,
  ipHash: string,
  windows: readonly LimitWindow[],
  now: Date,
  shared: boolean,
): Promise<SubmissionResult> {
  for (let attempt = 0; ; attempt++) {
    const code = generateCode();
    try {
      // Token check, limit check, insert and hit in one serializable transaction: a burst of parallel
      // posts cannot all pass the checks (SQLite runs one writer at a time; PostgreSQL aborts all but
      // one of the conflicting transactions with P2034, and those are retried below). A parallel post
      // of the same token that passes the token check fails on its primary key (P2002), is retried,
      // and is stopped by the check.
      return await db.$transaction(
        async (tx): Promise<SubmissionResult> => {
          if (await tx.usedFormToken.findUnique({ where: { token: req.token } })) return { ok: false, reason: "token", error: M.tokenUsed };
          const wait = shared ? 0 : await retryAfterMs("feedback.submit", ipHash, windows, now, tx);
          if (wait > 0) return { ok: false, reason: "rate-limited", error: M.tooFrequent(wait) };
          await tx.suggestion.create({ data: { ...input, code, ipHash, createdAt: now } });
          if (!shared) await recordHit("feedback.submit", ipHash, now, FEEDBACK_LIMITS.submitDaily.windowMs, tx);
          await tx.usedFormToken.create({ data: { token: req.token, usedAt: now } });
          // Older tokens are refused as expired anyway: no need to remember them.
          await tx.usedFormToken.deleteMany({ where: { usedAt: { lt: new Date(now.getTime() - FEEDBACK_LIMITS.tokenMaxAgeMs) } } });
          return { ok: true, code };
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
      );
    } catch (err) {
      // A query-code clash (59 random bits: practically never) or a parallel post of the same token: try again.
      if (attempt < 3 && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") continue;
      if (attempt < 20 && isWriteConflict(err)) {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw err;
    }
  }
}
