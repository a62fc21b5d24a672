import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../lib/db/migrate";
import { createPostgresDatabase, databaseName, dropPostgresDatabase, randomSuffix, TEST_DATA_ROOT, TEST_INTEGRITY_SECRET, TEST_UPLOAD_DIR, testPostgresUrl } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated and seeded database every test file of this project copies. */
    templateDatabaseUrl: string;
    testPostgresServer: string;
  }
}

/**
 * Per integration project (engine): a fresh database named
 * portal_test_<random>, migrated by the project's own runner and seeded with
 * the demo site, dropped when the run ends.
 */
export default async function setup(project: TestProject) {
  const engine = project.name === "postgres" ? "postgresql" : "sqlite";
  const suffix = randomSuffix();
  let url: string;
  let teardown: () => Promise<void>;
  if (engine === "postgresql") {
    const server = testPostgresUrl();
    url = await createPostgresDatabase(server, `portal_test_${suffix}`);
    teardown = () => dropPostgresDatabase(server, databaseName(url));
  } else {
    const dir = path.join(TEST_DATA_ROOT, `sqlite-${suffix}`);
    url = `file:./${dir}/template.db`;
    teardown = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  process.env.DATABASE_URL = url;
  process.env.UPLOAD_DIR = TEST_UPLOAD_DIR;
  process.env.SEED_DEMO = "1";
  await migrateDatabase(url);
  const { seedDemoContent } = await import("../../lib/seed/seed");
  const { db } = await import("../../lib/db");
  await seedDemoContent();
  // Tests sign with a fixed key (vitest.config.ts sets it for the test processes too).
  process.env.INTEGRITY_SECRET = TEST_INTEGRITY_SECRET;
  const { fingerprintEverything } = await import("../../lib/integrity/fingerprint/store");
  await fingerprintEverything();
  await db.$disconnect();
  // The next project's setup must open its own client.
  delete (globalThis as { __portalDb?: unknown }).__portalDb;
  project.provide("templateDatabaseUrl", url);
  project.provide("testPostgresServer", testPostgresUrl());
  return teardown;
}
