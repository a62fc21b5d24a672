import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from "vitest/config";
import { redisReachable, testRedisUrl } from "./tests/support/test-redis";
import { postgresReachable, TEST_DATABASE_URL, TEST_INTEGRITY_SECRET, TEST_UPLOAD_DIR, testPostgresUrl } from "./tests/support/test-databases";

// Unit tests need no database. The integration suite runs twice: once on
// SQLite, once on PostgreSQL, each on a fresh database migrated and seeded
// by the global setup and copied for every test file (never a Prisma mock).
// TEST_DATA_DIR lets two checkouts (or helpers) run the suite side by side.

const INTEGRATION = ["tests/integration/**/*.test.ts"];

function integrationProject(name: "sqlite" | "postgres"): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      include: INTEGRATION,
      globalSetup: ["tests/support/global-setup.ts"],
      setupFiles: ["tests/support/per-file-database.ts"],
    },
  };
}

/**
 * The PostgreSQL half needs a server (TEST_POSTGRES_URL, default the local
 * one with trust auth). In CI an unreachable server fails the run; on a
 * laptop without PostgreSQL the half is skipped, loudly.
 */
async function postgresProject(): Promise<TestProjectInlineConfiguration[]> {
  if (process.env.TEST_SKIP_POSTGRES === "1" && !process.env.CI) {
    console.warn("\n[test] PostgreSQL half skipped (TEST_SKIP_POSTGRES=1).\n");
    return [];
  }
  // The config is evaluated once per project: probe and warn once per run.
  const problem = process.env.__TEST_PG_PROBE ?? (process.env.__TEST_PG_PROBE = (await postgresReachable()) ?? "");
  const firstTime = !process.env.__TEST_PG_WARNED;
  process.env.__TEST_PG_WARNED = "1";
  if (!problem) return [integrationProject("postgres")];
  const message = `PostgreSQL is not reachable at ${testPostgresUrl().replace(/:[^:@/]*@/, ":***@")} (${problem}).`;
  if (process.env.CI) throw new Error(`[test] ${message} CI runs every integration test on both engines; start PostgreSQL (see .ci/run).`);
  if (firstTime) console.warn(
    `\n[test] ==> PostgreSQL half SKIPPED: ${message}\n` +
      `[test]     Only SQLite was tested. To run the integration suite on PostgreSQL too, start a server and set\n` +
      `[test]     TEST_POSTGRES_URL=postgresql://user:password@host:5432/postgres (a role allowed to CREATE DATABASE).\n`,
  );
  return [];
}

/**
 * The Redis tests (shared cache handler, counting and limits across
 * instances) need a server (TEST_REDIS_URL, default the local one). Same
 * rule as PostgreSQL: unreachable fails CI, and skips them loudly elsewhere.
 * The verdict reaches the tests as TEST_REDIS_URL (empty = skip).
 */
async function redisForTests(): Promise<string> {
  const url = testRedisUrl();
  const problem = await redisReachable(url);
  if (!problem) return url;
  const message = `Redis is not reachable at ${url.replace(/:[^:@/]*@/, ":***@")} (${problem}).`;
  if (process.env.CI) throw new Error(`[test] ${message} CI runs the Redis tests; start Redis (see .ci/run).`);
  console.warn(`\n[test] ==> Redis tests SKIPPED: ${message}\n[test]     Start redis-server or set TEST_REDIS_URL=redis://host:6379 to run them.\n`);
  return "";
}

export default defineConfig(async (): Promise<ViteUserConfig> => ({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    env: { DATABASE_URL: TEST_DATABASE_URL, UPLOAD_DIR: TEST_UPLOAD_DIR, INTEGRITY_SECRET: TEST_INTEGRITY_SECRET, TEST_REDIS_URL: await redisForTests() },
    // Files run one after another: the machines are small and the view tests time flushes.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ["default", "./tests/support/engine-count-reporter.ts"],
    projects: [{ extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } }, integrationProject("sqlite"), ...(await postgresProject())],
  },
}));
