import fs from "node:fs";
import { afterAll, inject } from "vitest";
import { sqliteFilePath } from "../../lib/db/url";
import { copySqliteFile, createPostgresDatabase, databaseName, dropPostgresDatabase, randomSuffix } from "./test-databases";

/**
 * Runs before each integration test file, before it imports anything: gives
 * the file its own copy of the seeded template database (a file copy on
 * SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL) and removes it after the
 * file, so files stand alone and can run in any order.
 */
const template = inject("templateDatabaseUrl");
const suffix = randomSuffix();
let url: string;
let cleanup: () => Promise<void>;
if (template.startsWith("file:")) {
  const from = sqliteFilePath(template);
  const to = from.replace(/template\.db$/, `file-${suffix}.db`);
  copySqliteFile(from, to);
  url = `file:${to}`;
  cleanup = async () => {
    for (const f of [to, `${to}-wal`, `${to}-shm`]) fs.rmSync(f, { force: true });
  };
} else {
  const server = inject("testPostgresServer");
  const name = `${databaseName(template)}_${suffix}`;
  url = await createPostgresDatabase(server, name, databaseName(template));
  cleanup = () => dropPostgresDatabase(server, name);
}
process.env.DATABASE_URL = url;
delete (globalThis as { __portalDb?: unknown }).__portalDb;

afterAll(async () => {
  const g = globalThis as { __portalDb?: { $disconnect(): Promise<void> } };
  await g.__portalDb?.$disconnect();
  await cleanup();
});
