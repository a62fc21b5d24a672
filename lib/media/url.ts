/** Public URL of a stored upload; served by app/uploads/[...key]/route.ts. */
export function mediaUrl(storageKey: string): string {
  return `/uploads/${storageKey}`;
}
