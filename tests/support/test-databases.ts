import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Where the integration suite's databases live. Each run migrates and seeds
 * one template database per engine (tests/support/global-setup.ts); each
 * test file then gets its own copy (tests/support/per-file-database.ts), so
 * a file never depends on what another file wrote, and drops it afterwards.
 */

// TEST_DATA_DIR lets two checkouts (or helpers) run the suite side by side.
const TEST_DIR = process.env.TEST_DATA_DIR || "data/test";
/** Unit tests import modules that open a client; it points here and is never migrated. */
export const TEST_DATABASE_URL = `file:./${TEST_DIR}/vitest.db`;
export const TEST_UPLOAD_DIR = `${TEST_DIR}/uploads`;
export const TEST_DATA_ROOT = TEST_DIR;
/** Signs content fingerprints in tests (lib/integrity/secret.ts); tests that stub NEXTAUTH_SECRET do not disturb it. */
export const TEST_INTEGRITY_SECRET = "vitest-integrity-secret";

/** The server the PostgreSQL half runs on; databases portal_test_<random> are created and dropped there. */
export const DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const testPostgresUrl = () => process.env.TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;

export const randomSuffix = () => randomBytes(4).toString("hex");

/** The same server URL with another database name. */
export function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

export async function postgresReachable(serverUrl = testPostgresUrl()): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
export async function onServer(serverUrl: string, ...sql: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const s of sql) await client.query(s);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createPostgresDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  // C.UTF-8 collation: the search index treats every non-ASCII character as a letter, as production does.
  await onServer(serverUrl, `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"}`);
  return withDatabase(serverUrl, name);
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

export function copySqliteFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}
