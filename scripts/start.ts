// npm start — the embedded default in one command: secret, database, demo
// content, production build, server on $PORT (default 3000) through scripts/http-server.ts.
import { buildApp } from "./build";
import { ensureLocalSecret } from "./local-env";
import { serveUntilSignal } from "./http-server";
import { prepareDatabase } from "./prepare-db";
import { assertEnv } from "../lib/env";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // the embedded default never phones home
  const { PORT } = assertEnv();
  ensureLocalSecret();
  await prepareDatabase();
  buildApp();
  process.env.PORT = String(PORT); // instrumentation.ts reaches the server through it
  // Our own server around Next's handler, not `next start`: it sets the client IP from the socket.
  await serveUntilSignal(PORT);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
