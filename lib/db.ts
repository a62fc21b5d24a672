import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import { databaseKind, databaseUrl, sqliteFilePath } from "./db/url";

/**
 * The one Prisma client. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so
 * their APIs are identical and the app is typed against the SQLite one; the
 * URL scheme picks which one runs.
 */
export type Db = PrismaClient;

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    // Same models, same generated API: only the provider differs.
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // busy timeout: concurrent writers (view beacons, editors) wait instead of failing.
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 10_000 }) });
}

// One client per process; dev hot reload would otherwise open a new pool per edit.
const globalForDb = globalThis as unknown as { __portalDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.__portalDb ??= createClient());
