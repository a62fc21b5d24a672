import type { FormValues } from "@/lib/feedback/schema";

/**
 * What the feedback form's server action returns and the form renders from
 * (also without JavaScript). `n` counts the answers, so each one remounts the
 * form with the values it carries.
 */
export type FeedbackFormState = { n: number; values: FormValues; token: string } & (
  | { status: "idle" }
  | { status: "error"; error: string; fieldErrors: Record<string, string> }
  | { status: "ok"; code: string }
);

export const INITIAL_VALUES: FormValues = { category: "site", subject: "", content: "", name: "", contact: "" };
