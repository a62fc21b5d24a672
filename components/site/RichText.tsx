import { renderRichText } from "@/lib/content/sanitize";

/** Stored HTML is sanitized on write; it is sanitized again here, on render, with headings nested under the page's h1. */
export function RichText({ html, className, id }: { html: string; className?: string; id?: string }) {
  return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: renderRichText(html) }} />;
}
