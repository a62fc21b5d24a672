import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { migratePostgres, migrateSqlite, MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from "@/lib/db/migrate";
import { databaseKind } from "@/lib/db/url";
import { CANONICAL_SCHEMA, derivePostgresSchema, POSTGRES_SCHEMA } from "@/scripts/derive-postgres-schema";
import { comparePostgresWithSchema, compareSqliteWithSchema, type RuntimeDataModel } from "../support/schema-check";
import { createPostgresDatabase, dropPostgresDatabase, randomSuffix } from "../support/test-databases";

// The generated client's own data model: the list of models and fields the
// application will query, so a model added to schema.prisma without a
// migration is caught here. Runs on the engine of this project (SQLite or
// PostgreSQL), against that engine's committed migrations folder.
const runtime = (db as unknown as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
const engine = databaseKind();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-"));
const created: string[] = [];
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const name of created) await dropPostgresDatabase(inject("testPostgresServer"), name);
});

function copyMigrations(edit?: (sql: string) => string): string {
  const dir = path.join(tmp, `migrations-${Math.random().toString(36).slice(2)}`);
  fs.cpSync(engine === "postgresql" ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR, dir, { recursive: true });
  if (edit) {
    const first = fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory()).sort()[0];
    const file = path.join(dir, first, "migration.sql");
    fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
  }
  return dir;
}

/** Migrates a brand-new database of this engine from `dir` and compares it with the schema. */
async function migrateAndCompare(name: string, dir: string): Promise<string[]> {
  if (engine === "postgresql") {
    const dbName = `portal_test_schema_${randomSuffix()}`;
    created.push(dbName);
    const url = await createPostgresDatabase(inject("testPostgresServer"), dbName);
    await migratePostgres(url, dir);
    return comparePostgresWithSchema(url, runtime);
  }
  const file = path.join(tmp, `${name}.db`);
  migrateSqlite(file, dir);
  return compareSqliteWithSchema(file, runtime);
}

describe(`committed ${engine} migrations match prisma/schema.prisma`, () => {
  it("reads every model from the generated client", () => {
    expect(Object.keys(runtime.models)).toEqual(expect.arrayContaining(["Article", "Section", "SiteSettings", "Media", "Page"]));
  });

  it("the derived PostgreSQL schema is up to date (run npm install or tsx scripts/derive-postgres-schema.ts)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(fs.readFileSync(CANONICAL_SCHEMA, "utf8")));
  });

  it("both providers have the same migration folders", () => {
    const names = (dir: string) => fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory()).sort();
    expect(names(PG_MIGRATIONS_DIR)).toEqual(names(MIGRATIONS_DIR));
  });

  it("a freshly migrated database has every table, column, key, index and foreign key", async () => {
    expect(await migrateAndCompare("fresh", copyMigrations())).toEqual([]);
  });

  it("notices a column dropped from a migration", async () => {
    const problems = await migrateAndCompare("dropped", copyMigrations((sql) => sql.replace(/^\s*"source" TEXT NOT NULL DEFAULT '',\n/m, "")));
    expect(problems).toContain("Article.source: column missing");
  });

  it("notices a missing index, a wrong nullability and a missing foreign key", async () => {
    const problems = await migrateAndCompare(
      "broken",
      copyMigrations((sql) =>
        sql
          .replace(/CREATE UNIQUE INDEX "Page_slug_key"[^\n]*\n/, "")
          .replace(`"summary" TEXT NOT NULL DEFAULT ''`, `"summary" TEXT DEFAULT ''`)
          // SQLite declares the key inside CREATE TABLE, PostgreSQL adds it afterwards.
          .replace(/,\n\s*CONSTRAINT "Article_coverId_fkey"[^\n]*/, "")
          .replace(/ALTER TABLE "Article" ADD CONSTRAINT "Article_coverId_fkey"[^\n]*\n/, ""),
      ),
    );
    expect(problems).toContain("Page: unique index on (slug) missing");
    expect(problems).toContain("Article.summary: nullable, schema says required");
    expect(problems).toContain("Article.coverId: foreign key to Media missing");
  });
});
