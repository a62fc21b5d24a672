import fs from "node:fs";
import { migrateSqlite } from "../../lib/db/migrate";
import { sqliteFilePath } from "../../lib/db/url";
import { TEST_DATA_ROOT, TEST_DATABASE_URL, TEST_INTEGRITY_SECRET, TEST_UPLOAD_DIR } from "../../vitest.config";

export default async function setup() {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.UPLOAD_DIR = TEST_UPLOAD_DIR;
  fs.rmSync(TEST_DATA_ROOT, { recursive: true, force: true });
  migrateSqlite(sqliteFilePath(TEST_DATABASE_URL));
  const { seedDemoContent } = await import("../../lib/seed/seed");
  const { db } = await import("../../lib/db");
  await seedDemoContent();
  // Tests sign with a fixed key (vitest.config.ts sets it for the test processes too).
  process.env.INTEGRITY_SECRET = TEST_INTEGRITY_SECRET;
  const { fingerprintEverything } = await import("../../lib/integrity/fingerprint/store");
  await fingerprintEverything();
  await db.$disconnect();
}
