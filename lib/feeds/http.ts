/**
 * Headers for machine-readable documents. The data behind them is cached by
 * tag on the server; browsers and proxies must revalidate, so an unpublished
 * article leaves every reader's next fetch.
 */
export function xmlResponse(xml: string, contentType: "application/rss+xml" | "application/xml"): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": `${contentType}; charset=utf-8`,
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
