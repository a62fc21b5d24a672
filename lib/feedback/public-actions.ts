"use server";

// The PUBLIC form's action: anonymous by design, so it is not a guardedAction
// and deliberately not in an actions.ts file (those are the admin's, and a
// test checks each one refuses anonymous callers). Its guards are the
// honeypot, the signed fill-time token and the per-IP limits in lib/feedback.
import { headers } from "next/headers";
import type { FeedbackFormState } from "@/components/site/feedback/form-state";
import { clientIp } from "@/lib/http/client-ip";
import { FORM_FIELDS, type FormValues } from "@/lib/feedback/schema";
import { submitSuggestion } from "@/lib/feedback/submit";
import { issueFormToken } from "@/lib/feedback/token";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

export async function submitFeedback(prev: FeedbackFormState, form: FormData): Promise<FeedbackFormState> {
  // Far above every field limit; only stops a huge post from being echoed back.
  const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, text(form.get(f)).slice(0, 5000)])) as FormValues;
  const token = text(form.get("token"));
  const n = prev.n + 1;
  const result = await submitSuggestion({ fields: values, token, honeypot: text(form.get("website")), ip: clientIp(await headers()) });
  if (result.ok) return { n, status: "ok", code: result.code, values, token };
  // A broken or expired token gets a fresh one, so the visitor only has to press submit again.
  const nextToken = result.reason === "token" ? issueFormToken() : token;
  return { n, status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values, token: nextToken };
}
