/** Public URL of a stored upload; served by app/uploads/[...key]/route.ts. */
export function mediaUrl(storageKey: string): string {
  return `/uploads/${storageKey}`;
}

/** `srcset` of an image's resized copies (Media.variants: [{ width, key }, …]); "" when it has none. */
export function variantSrcset(variantsJson: string): string {
  const variants = JSON.parse(variantsJson || "[]") as { width: number; key: string }[];
  return variants.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", ");
}
