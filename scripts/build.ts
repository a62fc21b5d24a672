import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";

/**
 * `next build`, after dropping the previous data cache: cached reads
 * (unstable_cache) live in <distDir>/cache/fetch-cache and survive builds,
 * so a database that was reset or replaced would otherwise be shadowed by
 * old rows until their backstop expiry.
 */
export function buildApp(opts: { throwOnFailure?: boolean } = {}): void {
  const distDir = env().NEXT_DIST_DIR;
  fs.rmSync(path.join(distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (r.status === 0) return;
  // A caller with something to clean up (the cluster benchmark's database) throws instead of exiting.
  if (opts.throwOnFailure) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  process.exit(r.status ?? 1);
}
