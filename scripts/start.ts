// npm start — the embedded default in one command: secret, database, demo
// content, production build, server on $PORT (default 3000).
import { buildApp } from "./build";
import { ensureLocalSecret } from "./local-env";
import { runNextServer } from "./next-server";
import { prepareDatabase } from "./prepare-db";
import { assertEnv } from "../lib/env";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // the embedded default never phones home
  const { PORT } = assertEnv();
  ensureLocalSecret();
  await prepareDatabase();
  buildApp();
  runNextServer(PORT);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
