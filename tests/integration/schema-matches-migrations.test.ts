import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrateSqlite, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { compareSqliteWithSchema, type RuntimeDataModel } from "../support/schema-check";

// The generated client's own data model: the list of models and fields the
// application will query, so a model added to schema.prisma without a
// migration is caught here.
const runtime = (db as unknown as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function copyMigrations(edit?: (sql: string) => string): string {
  const dir = path.join(tmp, `migrations-${Math.random().toString(36).slice(2)}`);
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  if (edit) {
    const first = fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory()).sort()[0];
    const file = path.join(dir, first, "migration.sql");
    fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
  }
  return dir;
}

describe("committed migrations match prisma/schema.prisma", () => {
  it("reads every model from the generated client", () => {
    expect(Object.keys(runtime.models)).toEqual(expect.arrayContaining(["Article", "Section", "SiteSettings", "Media", "Page"]));
  });

  it("a freshly migrated database has every table, column, key, index and foreign key", () => {
    const file = path.join(tmp, "fresh.db");
    migrateSqlite(file, copyMigrations());
    expect(compareSqliteWithSchema(file, runtime)).toEqual([]);
  });

  it("notices a column dropped from a migration", () => {
    const file = path.join(tmp, "dropped.db");
    migrateSqlite(file, copyMigrations((sql) => sql.replace(/^\s*"source" TEXT NOT NULL DEFAULT '',\n/m, "")));
    expect(compareSqliteWithSchema(file, runtime)).toContain("Article.source: column missing");
  });

  it("notices a missing index, a wrong nullability and a missing foreign key", () => {
    const file = path.join(tmp, "broken.db");
    migrateSqlite(
      file,
      copyMigrations((sql) =>
        sql
          .replace(/CREATE UNIQUE INDEX "Page_slug_key"[^\n]*\n/, "")
          .replace(`"summary" TEXT NOT NULL DEFAULT ''`, `"summary" TEXT DEFAULT ''`)
          .replace(/,\n\s*CONSTRAINT "Article_coverId_fkey"[^\n]*/, ""),
      ),
    );
    const problems = compareSqliteWithSchema(file, runtime);
    expect(problems).toContain("Page: unique index on (slug) missing");
    expect(problems).toContain("Article.summary: nullable, schema says required");
    expect(problems).toContain("Article.coverId: foreign key to Media missing");
  });
});
