import { sanitizeRichText } from "@/lib/content/sanitize";

/** Stored HTML is sanitized on write; it is sanitized again here, on render. */
export function RichText({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: sanitizeRichText(html) }} />;
}
