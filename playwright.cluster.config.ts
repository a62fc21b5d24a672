import { defineConfig, devices } from "@playwright/test";

// `npm run cluster` end to end (tests/cluster): the spec starts the cluster
// itself (it must kill one instance and stop the whole thing), so no webServer.
// CLUSTER_E2E_PORT (default 3700): proxy; +1, +2 instances; +90 s3rver.
export default defineConfig({
  testDir: "tests/cluster",
  timeout: 900_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run", "--disable-quic"],
    },
  },
});
