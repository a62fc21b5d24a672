import path from "node:path";
import { env } from "../env";

/** Embedded default: one SQLite file under ./data, no server to start. */
export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return env().DATABASE_URL;
}

/** The provider a URL selects: `file:` → SQLite, `postgres://` / `postgresql://` → PostgreSQL. */
export function databaseKind(url = databaseUrl()): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// — got "${url.split(":")[0]}:"`);
}

/** Absolute path of a `file:` URL, relative paths taken from the project root (cwd). */
export function sqliteFilePath(url = databaseUrl()): string {
  const raw = url.replace(/^file:(\/\/)?/, "").split("?")[0];
  // turbopackIgnore: the database path is configuration, not a file the build must trace.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}
