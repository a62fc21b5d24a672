import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

/**
 * Compares a migrated SQLite or PostgreSQL database with prisma/schema.prisma. The list of
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

const POSTGRES_TYPES: Record<string, string[]> = {
  String: ["text"],
  Int: ["integer"],
  BigInt: ["bigint"],
  Boolean: ["boolean"],
  DateTime: ["timestamp(3) without time zone"],
  Float: ["double precision"],
  Decimal: ["numeric(65,30)"],
  Json: ["jsonb"],
  Bytes: ["bytea"],
};

const ACTIONS: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", SetNull: "SET NULL", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" };

export function loadDmmf(schemaPath = path.join(process.cwd(), "prisma/schema.prisma")) {
  const schema = fs.readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
  return dmmf.datamodel as { models: DmmfModel[]; indexes: DmmfIndex[] };
}

/** What the comparison needs to know about one table, read from either engine's catalog. */
interface TableInfo {
  columns: { name: string; type: string; notNull: boolean }[];
  pk: string[];
  indexes: { unique: boolean; columns: string }[];
  fks: { table: string; from: string; onDelete: string }[];
}
interface Catalog {
  table(name: string): TableInfo | null;
  tables: string[];
}

function compare(catalog: Catalog, runtime: RuntimeDataModel, types: Record<string, string[]>, ignored: (table: string) => boolean): string[] {
  const problems: string[] = [];
  const dmmf = loadDmmf();
  for (const [modelName, runtimeModel] of Object.entries(runtime.models)) {
    const model = dmmf.models.find((m) => m.name === modelName);
    if (!model) {
      problems.push(`${modelName}: in the client but not in schema.prisma`);
      continue;
    }
    const table = model.dbName ?? modelName;
    const info = catalog.table(table);
    if (!info) {
      problems.push(`${table}: table missing`);
      continue;
    }
    for (const rf of runtimeModel.fields.filter((f) => f.kind !== "object")) {
      const f = model.fields.find((x) => x.name === rf.name)!;
      const colName = f.dbName ?? f.name;
      const col = info.columns.find((c) => c.name === colName);
      if (!col) {
        problems.push(`${table}.${colName}: column missing`);
        continue;
      }
      const allowed = types[f.type] ?? [];
      if (!allowed.includes(col.type)) problems.push(`${table}.${colName}: type ${col.type}, expected ${allowed.join("/")}`);
      const notNull = col.notNull || info.pk.includes(colName);
      if (f.isRequired && !notNull) problems.push(`${table}.${colName}: nullable, schema says required`);
      if (!f.isRequired && col.notNull) problems.push(`${table}.${colName}: NOT NULL, schema says optional`);
    }
    const expectedPk = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.dbName ?? f.name);
    if (expectedPk.join(",") !== info.pk.join(",")) problems.push(`${table}: primary key (${info.pk}) expected (${expectedPk})`);

    for (const ix of dmmf.indexes.filter((i) => i.model === modelName && (i.type === "unique" || i.type === "normal"))) {
      const cols = ix.fields.map((f) => model.fields.find((x) => x.name === f.name)?.dbName ?? f.name).join(",");
      if (!info.indexes.some((i) => i.columns === cols && i.unique === (ix.type === "unique"))) problems.push(`${table}: ${ix.type} index on (${cols}) missing`);
    }

    for (const rel of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const target = dmmf.models.find((m) => m.name === rel.type)!;
      const from = rel.relationFromFields!.join(",");
      const fk = info.fks.find((k) => k.table === (target.dbName ?? target.name) && k.from === from);
      if (!fk) {
        problems.push(`${table}.${from}: foreign key to ${target.name} missing`);
        continue;
      }
      const expected = ACTIONS[rel.relationOnDelete ?? (rel.isRequired ? "Restrict" : "SetNull")];
      if (fk.onDelete !== expected) problems.push(`${table}.${from}: ON DELETE ${fk.onDelete}, expected ${expected}`);
    }
  }
  for (const t of catalog.tables.filter((t) => t !== "_prisma_migrations" && !ignored(t))) {
    if (!dmmf.models.some((m) => (m.dbName ?? m.name) === t)) problems.push(`${t}: table not in schema.prisma`);
  }
  return problems;
}

export function compareSqliteWithSchema(dbFile: string, runtime: RuntimeDataModel): string[] {
  const conn = new Database(dbFile, { readonly: true });
  try {
    const catalog: Catalog = {
      tables: (conn.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name),
      table(table) {
        const columns = conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
        if (columns.length === 0) return null;
        const indexes = (conn.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number }[]).map((ix) => ({
          unique: ix.unique === 1,
          columns: (conn.prepare(`PRAGMA index_info("${ix.name}")`).all() as { name: string }[]).map((c) => c.name).join(","),
        }));
        const fks = conn.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; on_delete: string }[];
        return {
          columns: columns.map((c) => ({ name: c.name, type: c.type.toUpperCase(), notNull: c.notnull === 1 })),
          pk: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
          indexes,
          fks: fks.map((k) => ({ table: k.table, from: k.from, onDelete: k.on_delete })),
        };
      },
    };
    // SearchFts (FTS5, and its shadow tables) is raw SQL by design: Prisma has no virtual tables.
    return compare(catalog, runtime, SQLITE_TYPES, (t) => t.startsWith("SearchFts"));
  } finally {
    conn.close();
  }
}

const PG_ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

export async function comparePostgresWithSchema(url: string, runtime: RuntimeDataModel): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
    const columns = await q<{ table: string; name: string; type: string; notnull: boolean }>(
      `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    );
    const indexes = await q<{ table: string; unique: boolean; primary: boolean; columns: string }>(
      `SELECT t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
              (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()`,
    );
    const fks = await q<{ table: string; target: string; from: string; action: string }>(
      `SELECT t.relname AS table, r.relname AS target, con.confdeltype AS action,
              (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS from
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace WHERE con.contype = 'f' AND n.nspname = current_schema()`,
    );
    const tables = [...new Set(columns.map((c) => c.table))];
    const catalog: Catalog = {
      tables,
      table(table) {
        const cols = columns.filter((c) => c.table === table);
        if (cols.length === 0) return null;
        const ixs = indexes.filter((i) => i.table === table);
        return {
          columns: cols.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull })),
          pk: (ixs.find((i) => i.primary)?.columns ?? "").split(",").filter(Boolean),
          indexes: ixs.filter((i) => !i.primary).map((i) => ({ unique: i.unique, columns: i.columns })),
          fks: fks.filter((k) => k.table === table).map((k) => ({ table: k.target, from: k.from, onDelete: PG_ACTIONS[k.action] })),
        };
      },
    };
    // SearchIndex (tsvector + GIN) and its SearchText are raw SQL by design: Prisma has no tsvector field type.
    return compare(catalog, runtime, POSTGRES_TYPES, (t) => t === "SearchIndex" || t === "SearchText");
  } finally {
    await client.end();
  }
}
