import { expect, test } from "@playwright/test";

// Posts a browser would never send, made directly: the server must refuse them cleanly.
test("an oversized feedback post answers 413 with a Chinese message, not 500", async ({ request }) => {
  const res = await request.post("/feedback", { multipart: { subject: "主题", content: "内".repeat(700_000) } });
  expect(res.status()).toBe(413);
  expect(await res.text()).toContain("提交内容过大");
});

test("a cross-site or text/plain view beacon is refused", async ({ request }) => {
  const plain = await request.post("/api/views", { headers: { "content-type": "text/plain", "sec-fetch-site": "same-origin" }, data: JSON.stringify({ path: "/" }) });
  expect(plain.status()).toBe(415);
  const cross = await request.post("/api/views", { headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, data: { path: "/" } });
  expect(cross.status()).toBe(403);
});
