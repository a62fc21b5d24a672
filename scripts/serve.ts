// npm run serve — one production instance on an existing build (`npm run
// build` once, then this per instance): applies pending migrations (several
// instances may start at once: PostgreSQL's advisory lock makes them wait
// for each other), seeds an empty database, then serves on PORT through
// scripts/http-server.ts (client IP from the socket, as npm start does).
// Never builds: instances share one build.
import fs from "node:fs";
import path from "node:path";
import { assertEnv } from "../lib/env";
import { serveUntilSignal } from "./http-server";
import { prepareDatabase } from "./prepare-db";

async function main() {
  const { PORT, NEXT_DIST_DIR, NEXTAUTH_SECRET } = assertEnv();
  if (!fs.existsSync(path.join(NEXT_DIST_DIR, "BUILD_ID"))) {
    console.error(`No build in ${NEXT_DIST_DIR}/: run \`npm run build\` once first (npm run serve never builds).`);
    process.exit(1);
  }
  if (!NEXTAUTH_SECRET) {
    console.error("NEXTAUTH_SECRET must be set for `npm run serve` (the same value on every instance): e.g. `openssl rand -base64 32`.");
    process.exit(1);
  }
  await prepareDatabase();
  // The build's data cache holds rows read while building (possibly from another database): start without it.
  fs.rmSync(path.join(NEXT_DIST_DIR, "cache", "fetch-cache"), { recursive: true, force: true });
  await serveUntilSignal(PORT);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
