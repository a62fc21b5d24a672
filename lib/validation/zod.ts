import { z } from "zod";

// Every validation message in Chinese: our users are Chinese civil servants.
z.config(z.locales.zhCN());

export { z };

/** First message per field, keyed by the field's path ("title", "attachments.0"). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}
