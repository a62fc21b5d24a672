import { getImageProps } from "next/image";
import type { Attributes } from "sanitize-html";

/**
 * An uploaded image in rendered rich text, served through Next's image optimizer: AVIF or WebP
 * (whichever the browser accepts, encoded once by sharp and cached) at the widths the `sizes`
 * rule asks for, instead of the stored JPEG/PNG (and its JPEG/PNG variants). Only our own
 * uploads with known dimensions: other sources and images without width/height stay as written.
 */
export function optimizedUploadImage(attribs: Attributes): Attributes {
  const width = Number(attribs.width);
  const height = Number(attribs.height);
  if (!attribs.src?.startsWith("/uploads/") || !(width > 0) || !(height > 0)) return attribs;
  const { props } = getImageProps({ src: attribs.src, width, height, alt: attribs.alt ?? "", sizes: attribs.sizes });
  const out: Attributes = { ...attribs, src: props.src, width: String(props.width), height: String(props.height) };
  if (props.srcSet) out.srcset = props.srcSet;
  else delete out.srcset;
  return out;
}
