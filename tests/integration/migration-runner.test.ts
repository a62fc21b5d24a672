import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migratePostgres, migrateSqlite, type MigrateResult } from "@/lib/db/migrate";
import { databaseKind } from "@/lib/db/url";
import { createPostgresDatabase, dropPostgresDatabase, randomSuffix } from "../support/test-databases";

// The runner of this project's engine (SQLite or PostgreSQL), on scratch databases.
const engine = databaseKind();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
const created: string[] = [];
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const name of created) await dropPostgresDatabase(inject("testPostgresServer"), name);
});

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, "m-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

type Row = { migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number; logs: string | null };

/** A scratch database of this engine: migrate it, read its bookkeeping and its tables. */
async function scratch() {
  if (engine === "postgresql") {
    const name = `portal_test_runner_${randomSuffix()}`;
    created.push(name);
    const url = await createPostgresDatabase(inject("testPostgresServer"), name);
    const query = async <T extends pg.QueryResultRow>(sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<T>(sql)).rows;
      } finally {
        await c.end();
      }
    };
    return {
      migrate: (dir: string) => migratePostgres(url, dir),
      rows: () => query<Row>(`SELECT * FROM _prisma_migrations ORDER BY migration_name`),
      tables: async () => (await query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)).map((t) => t.name),
    };
  }
  const file = path.join(tmp, `${randomSuffix()}.db`);
  const read = <T>(sql: string) => {
    const c = new Database(file);
    try {
      return c.prepare(sql).all() as T[];
    } finally {
      c.close();
    }
  };
  return {
    migrate: async (dir: string): Promise<MigrateResult> => migrateSqlite(file, dir),
    rows: async () => read<Row>(`SELECT * FROM _prisma_migrations ORDER BY migration_name`),
    tables: async () => read<{ name: string }>(`SELECT name FROM sqlite_master WHERE type='table'`).map((t) => t.name),
  };
}

describe(`migration runner on ${engine} (compatible with prisma migrate deploy)`, () => {
  it("applies pending migrations in name order and records them as Prisma does", async () => {
    const sqlB = `CREATE TABLE "B" ("id" INTEGER NOT NULL PRIMARY KEY, "aId" INTEGER REFERENCES "A"("id"));`;
    const dir = migrationsDir({ "2_b": sqlB, "1_a": `CREATE TABLE "A" ("id" INTEGER NOT NULL PRIMARY KEY);` });
    const db = await scratch();
    expect(await db.migrate(dir)).toEqual({ applied: ["1_a", "2_b"], alreadyApplied: 0 });
    const r = await db.rows();
    expect(r.map((x) => x.migration_name)).toEqual(["1_a", "2_b"]);
    expect(r[1].checksum).toBe(createHash("sha256").update(sqlB).digest("hex"));
    expect(r.every((x) => x.applied_steps_count === 1 && x.finished_at !== null)).toBe(true);
    expect(await db.migrate(dir)).toEqual({ applied: [], alreadyApplied: 2 });
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const dir = migrationsDir({ "1_a": `CREATE TABLE "A" ("id" INTEGER);` });
    const db = await scratch();
    await db.migrate(dir);
    fs.writeFileSync(path.join(dir, "1_a", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER, "x" TEXT);`);
    await expect(db.migrate(dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failed migration back, records it, and refuses to continue", async () => {
    const dir = migrationsDir({
      "1_ok": `CREATE TABLE "A" ("id" INTEGER);`,
      "2_bad": `CREATE TABLE "B" ("id" INTEGER); INSERT INTO "Nope" VALUES (1);`,
      "3_later": `CREATE TABLE "C" ("id" INTEGER);`,
    });
    const db = await scratch();
    await expect(db.migrate(dir)).rejects.toThrow(/2_bad failed/);
    const tables = await db.tables();
    expect(tables).toContain("A");
    expect(tables).not.toContain("B"); // the half-applied migration was rolled back
    expect(tables).not.toContain("C");
    const bad = (await db.rows()).find((r) => r.migration_name === "2_bad")!;
    expect(bad.finished_at).toBeNull();
    expect(bad.logs).toMatch(/Nope/);
    await expect(db.migrate(dir)).rejects.toThrow(/failed earlier/);
  });

  it("two instances starting at once apply each migration exactly once", async () => {
    const dir = migrationsDir({
      "1_a": `CREATE TABLE "A" ("id" INTEGER);`,
      "2_b": `CREATE TABLE "B" ("id" INTEGER);`,
      "3_c": `CREATE TABLE "C" ("id" INTEGER);`,
    });
    const db = await scratch();
    const results = await Promise.all([db.migrate(dir), db.migrate(dir), db.migrate(dir)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(["1_a", "2_b", "3_c"]);
    expect((await db.rows()).map((r) => r.migration_name)).toEqual(["1_a", "2_b", "3_c"]);
  });
});
