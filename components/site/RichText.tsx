import { renderRichText } from "@/lib/content/sanitize";
import { optimizedUploadImage } from "@/lib/media/responsive";

/** Stored HTML is sanitized on write; it is sanitized again here, on render, with headings nested under the page's h1
 * and uploaded images in modern formats at the widths the page needs. */
export function RichText({ html, className, id }: { html: string; className?: string; id?: string }) {
  return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: renderRichText(html, { image: optimizedUploadImage }) }} />;
}
