import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databaseKind, databaseUrl, sqliteFilePath } from "./db/url";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  const url = databaseUrl();
  const kind = databaseKind(url);
  if (kind === "sqlite") {
    const file = sqliteFilePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // busy timeout: concurrent writers (view beacons, editors) wait instead of failing.
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 10_000 }) });
  }
  throw new Error("PostgreSQL is the production target but its client is not wired yet; use a file: DATABASE_URL");
}

// One client per process; dev hot reload would otherwise open a new pool per edit.
const globalForDb = globalThis as unknown as { __portalDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.__portalDb ??= createClient());
