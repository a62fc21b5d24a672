import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, sqliteFilePath } from "./url";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records
 * them in `_prisma_migrations` exactly as `prisma migrate deploy` does, so a
 * machine that has Prisma's native engine can take over at any time. Written
 * by hand because Prisma 7's migrate commands need that engine, which cannot
 * be downloaded here (see docs/database.md).
 */

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
/** The PostgreSQL migrations: same folder names, PostgreSQL SQL. */
export const PG_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "postgres", "migrations");

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export function migrateSqlite(file: string, dir = MIGRATIONS_DIR): MigrateResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file);
  try {
    conn.pragma("journal_mode = WAL");
    conn.pragma("foreign_keys = ON");
    conn.exec(CREATE_TABLE);
    const rows = conn
      .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
      .all() as AppliedRow[];
    const { pending, alreadyApplied } = plan(rows, readMigrations(dir));
    const result: MigrateResult = { applied: [], alreadyApplied };
    for (const m of pending) {
      applyOne(conn, m);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    conn.close();
  }
}

/** Which migrations still need applying; refuses a failed or changed one, as Prisma does. */
function plan(rows: AppliedRow[], files: MigrationFile[]): { pending: MigrationFile[]; alreadyApplied: number } {
  const live = rows.filter((r) => !r.rolled_back_at);
  const failed = live.find((r) => !r.finished_at);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and was not resolved; fix the database and mark it rolled back before migrating again.`,
    );
  }
  const applied = new Map(live.map((r) => [r.migration_name, r.checksum]));
  const pending: MigrationFile[] = [];
  let alreadyApplied = 0;
  for (const m of files) {
    const known = applied.get(m.name);
    if (known === undefined) pending.push(m);
    else if (known !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead.`);
    } else alreadyApplied++;
  }
  return { pending, alreadyApplied };
}

function applyOne(conn: Database.Database, m: MigrationFile): void {
  const id = randomUUID();
  conn
    .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`)
    .run(id, m.checksum, m.name, Date.now());
  try {
    conn.transaction(() => {
      conn.exec(m.sql);
      conn
        .prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`)
        .run(Date.now(), id);
    })();
  } catch (err) {
    // The row stays unfinished so the next run refuses to continue, as Prisma does.
    conn.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(String(err), id);
    throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
  }
}

// ---- PostgreSQL -----------------------------------------------------------

// Prisma's own table definition for PostgreSQL.
const PG_CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The advisory lock key `prisma migrate deploy` takes, so this runner, a
 * second instance starting at the same moment, and Prisma's own CLI all
 * wait for each other instead of applying the same migration twice.
 */
const PRISMA_MIGRATE_LOCK = 72707369;

/**
 * Connects, creating the database first when the server says it does not
 * exist (a fresh local server; on managed PostgreSQL the role may lack
 * CREATEDB, and then the original error stands).
 */
async function connectCreatingDatabase(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (err) {
    if ((err as { code?: string }).code !== "3D000") throw err;
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const maintenance = new pg.Client({ connectionString: admin.toString() });
    try {
      await maintenance.connect();
      await maintenance.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`[db] created database ${name}`);
    } catch (createErr) {
      // Another instance created it at the same moment: fine. Anything else: report the original problem.
      if ((createErr as { code?: string }).code !== "42P04") throw err;
    } finally {
      await maintenance.end().catch(() => undefined);
    }
    const retry = new pg.Client({ connectionString: url });
    await retry.connect();
    return retry;
  }
}

export async function migratePostgres(url: string, dir = PG_MIGRATIONS_DIR): Promise<MigrateResult> {
  const client = await connectCreatingDatabase(url);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    try {
      await client.query(PG_CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
      const { pending, alreadyApplied } = plan(rows, readMigrations(dir));
      const result: MigrateResult = { applied: [], alreadyApplied };
      for (const m of pending) {
        await applyOnePostgres(client, m);
        result.applied.push(m.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function applyOnePostgres(client: pg.Client, m: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
    id,
    m.checksum,
    m.name,
  ]);
  try {
    await client.query("BEGIN");
    await client.query(m.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    // The row stays unfinished so the next run refuses to continue, as Prisma does.
    await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [String(err), id]);
    throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
  }
}

/** Applies pending migrations to whichever database the URL names. */
export async function migrateDatabase(url: string): Promise<MigrateResult> {
  return databaseKind(url) === "postgresql" ? migratePostgres(url) : migrateSqlite(sqliteFilePath(url));
}
