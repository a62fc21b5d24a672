import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

/**
 * Compares a migrated SQLite database with prisma/schema.prisma. The list of
 * models and fields comes from the generated client's runtime data model;
 * nullability, keys, indexes and relations from the schema's DMMF.
 * Returns one line per difference (empty: they match).
 */

interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  dbName?: string | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

export interface RuntimeDataModel {
  models: Record<string, { fields: { name: string; kind: string; type: string }[]; dbName: string | null }>;
}

const SQLITE_TYPES: Record<string, string[]> = {
  String: ["TEXT"],
  Int: ["INTEGER"],
  BigInt: ["BIGINT", "INTEGER"],
  Boolean: ["BOOLEAN"],
  DateTime: ["DATETIME"],
  Float: ["REAL", "DOUBLE"],
  Decimal: ["DECIMAL"],
  Json: ["JSONB", "TEXT"],
  Bytes: ["BLOB"],
};

const ACTIONS: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", SetNull: "SET NULL", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" };

export function loadDmmf(schemaPath = path.join(process.cwd(), "prisma/schema.prisma")) {
  const schema = fs.readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
  return dmmf.datamodel as { models: DmmfModel[]; indexes: DmmfIndex[] };
}

export function compareSqliteWithSchema(dbFile: string, runtime: RuntimeDataModel): string[] {
  const problems: string[] = [];
  const dmmf = loadDmmf();
  const conn = new Database(dbFile, { readonly: true });
  try {
    for (const [modelName, runtimeModel] of Object.entries(runtime.models)) {
      const model = dmmf.models.find((m) => m.name === modelName);
      if (!model) {
        problems.push(`${modelName}: in the client but not in schema.prisma`);
        continue;
      }
      const table = model.dbName ?? modelName;
      const columns = conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      if (columns.length === 0) {
        problems.push(`${table}: table missing`);
        continue;
      }
      const pkCols = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      for (const rf of runtimeModel.fields.filter((f) => f.kind !== "object")) {
        const f = model.fields.find((x) => x.name === rf.name)!;
        const colName = f.dbName ?? f.name;
        const col = columns.find((c) => c.name === colName);
        if (!col) {
          problems.push(`${table}.${colName}: column missing`);
          continue;
        }
        const allowed = SQLITE_TYPES[f.type] ?? [];
        if (!allowed.includes(col.type.toUpperCase())) problems.push(`${table}.${colName}: type ${col.type}, expected ${allowed.join("/")}`);
        const notNull = col.notnull === 1 || (col.pk > 0 && f.type === "Int");
        if (f.isRequired && !notNull && !pkCols.includes(colName)) problems.push(`${table}.${colName}: nullable, schema says required`);
        if (!f.isRequired && col.notnull === 1) problems.push(`${table}.${colName}: NOT NULL, schema says optional`);
      }
      const expectedPk = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.dbName ?? f.name);
      if (expectedPk.join(",") !== pkCols.join(",")) problems.push(`${table}: primary key (${pkCols}) expected (${expectedPk})`);

      const indexes = (conn.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[]).map((ix) => ({
        unique: ix.unique === 1,
        origin: ix.origin,
        columns: (conn.prepare(`PRAGMA index_info("${ix.name}")`).all() as { name: string }[]).map((c) => c.name).join(","),
      }));
      for (const ix of dmmf.indexes.filter((i) => i.model === modelName && (i.type === "unique" || i.type === "normal"))) {
        const cols = ix.fields.map((f) => model.fields.find((x) => x.name === f.name)?.dbName ?? f.name).join(",");
        const found = indexes.find((i) => i.columns === cols && i.unique === (ix.type === "unique"));
        if (!found) problems.push(`${table}: ${ix.type} index on (${cols}) missing`);
      }

      const fks = conn.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; to: string; on_delete: string }[];
      for (const rel of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
        const target = dmmf.models.find((m) => m.name === rel.type)!;
        const from = rel.relationFromFields!.join(",");
        const fk = fks.find((k) => k.table === (target.dbName ?? target.name) && k.from === from);
        if (!fk) {
          problems.push(`${table}.${from}: foreign key to ${target.name} missing`);
          continue;
        }
        const expected = ACTIONS[rel.relationOnDelete ?? (rel.isRequired ? "Restrict" : "SetNull")];
        if (fk.on_delete !== expected) problems.push(`${table}.${from}: ON DELETE ${fk.on_delete}, expected ${expected}`);
      }
    }
    // SearchFts (FTS5, and its shadow tables) is raw SQL by design: Prisma has no virtual tables.
    const tables = (
      conn.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND name NOT LIKE 'SearchFts%'`).all() as { name: string }[]
    ).map((t) => t.name);
    for (const t of tables) {
      if (!dmmf.models.some((m) => (m.dbName ?? m.name) === t)) problems.push(`${t}: table not in schema.prisma`);
    }
  } finally {
    conn.close();
  }
  return problems;
}
