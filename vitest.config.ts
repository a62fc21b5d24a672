import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests run against a real SQLite file, migrated and
// seeded once by the global setup (never a mock of Prisma).
// TEST_DATA_DIR lets two checkouts (or helpers) run the suite side by side.
const TEST_DIR = process.env.TEST_DATA_DIR || "data/test";
export const TEST_DATABASE_URL = `file:./${TEST_DIR}/vitest.db`;
export const TEST_UPLOAD_DIR = `${TEST_DIR}/uploads`;
export const TEST_DATA_ROOT = TEST_DIR;
/** Signs content fingerprints in tests (lib/integrity/secret.ts); tests that stub NEXTAUTH_SECRET do not disturb it. */
export const TEST_INTEGRITY_SECRET = "vitest-integrity-secret";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    env: { DATABASE_URL: TEST_DATABASE_URL, UPLOAD_DIR: TEST_UPLOAD_DIR, INTEGRITY_SECRET: TEST_INTEGRITY_SECRET },
    // One database file shared by the suites: run files one after another.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
