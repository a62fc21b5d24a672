
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/** Views/s through filters, dedup, buffer and the batched database write, checked against the stored total. */
export async function recordingPipelineRate(articleId: number, n = 50_000): Promise<number> {
  // Imported here, not at the top: the view modules read their limits (VIEW_IP_LIMIT) when first loaded,
  // which must be after prepareBench has set the bench's environment.
  const { handleBeacon } = await import("../lib/views/beacon");
  const { viewRecorder } = await import("../lib/views/recorder");
  const recorder = viewRecorder();
  await recorder.flush();
  const before = await recorder.articleViews(articleId);
  const start = performance.now();
  for (let i = 0; i < n; i++) await handleBeacon({ input: { articleId, path: "/x" }, userAgent: UA, purpose: null, visitorCookie: null });
  await recorder.flush();
  const seconds = (performance.now() - start) / 1000;
  const counted = (await recorder.articleViews(articleId)) - before;
  if (counted !== n) throw new Error(`pipeline lost views: ${n} sent, ${counted} counted`);
  return n / seconds;
}
