import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/db/migrate";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, "m-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

type Row = { migration_name: string; checksum: string; finished_at: number | null; applied_steps_count: number; logs: string | null };
const rows = (file: string) => {
  const c = new Database(file);
  const r = c.prepare(`SELECT * FROM _prisma_migrations ORDER BY migration_name`).all() as Row[];
  c.close();
  return r;
};

describe("migration runner (compatible with prisma migrate deploy)", () => {
  it("applies pending migrations in name order and records them as Prisma does", () => {
    const sqlB = `CREATE TABLE "B" ("id" INTEGER NOT NULL PRIMARY KEY, "aId" INTEGER REFERENCES "A"("id"));`;
    const dir = migrationsDir({ "2_b": sqlB, "1_a": `CREATE TABLE "A" ("id" INTEGER NOT NULL PRIMARY KEY);` });
    const file = path.join(tmp, "order.db");
    expect(migrateSqlite(file, dir)).toEqual({ applied: ["1_a", "2_b"], alreadyApplied: 0 });
    const r = rows(file);
    expect(r.map((x) => x.migration_name)).toEqual(["1_a", "2_b"]);
    expect(r[1].checksum).toBe(createHash("sha256").update(sqlB).digest("hex"));
    expect(r.every((x) => x.applied_steps_count === 1 && x.finished_at !== null)).toBe(true);
    expect(migrateSqlite(file, dir)).toEqual({ applied: [], alreadyApplied: 2 });
  });

  it("refuses a migration whose file changed after it was applied", () => {
    const dir = migrationsDir({ "1_a": `CREATE TABLE "A" ("id" INTEGER);` });
    const file = path.join(tmp, "changed.db");
    migrateSqlite(file, dir);
    fs.writeFileSync(path.join(dir, "1_a", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER, "x" TEXT);`);
    expect(() => migrateSqlite(file, dir)).toThrow(/was changed after it was applied/);
  });

  it("rolls a failed migration back, records it, and refuses to continue", () => {
    const dir = migrationsDir({
      "1_ok": `CREATE TABLE "A" ("id" INTEGER);`,
      "2_bad": `CREATE TABLE "B" ("id" INTEGER); INSERT INTO "Nope" VALUES (1);`,
      "3_later": `CREATE TABLE "C" ("id" INTEGER);`,
    });
    const file = path.join(tmp, "failed.db");
    expect(() => migrateSqlite(file, dir)).toThrow(/2_bad failed/);
    const c = new Database(file);
    const tables = (c.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]).map((t) => t.name);
    c.close();
    expect(tables).toContain("A");
    expect(tables).not.toContain("B"); // the half-applied migration was rolled back
    expect(tables).not.toContain("C");
    const bad = rows(file).find((r) => r.migration_name === "2_bad")!;
    expect(bad.finished_at).toBeNull();
    expect(bad.logs).toMatch(/Nope/);
    expect(() => migrateSqlite(file, dir)).toThrow(/failed earlier/);
  });
});
