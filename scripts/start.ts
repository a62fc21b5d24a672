// npm start — the embedded default in one command: secret, database, demo
// content, production build, server on $PORT (default 3000) through scripts/serve.ts.
import { buildApp } from "./build";
import { ensureLocalSecret } from "./local-env";
import { prepareDatabase } from "./prepare-db";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // the embedded default never phones home
  ensureLocalSecret();
  await prepareDatabase();
  buildApp();
  const port = process.env.PORT || "3000";
  process.env.PORT = port; // instrumentation.ts reaches the server through it
  // Our own server around Next's handler, not `next start`: it sets the client IP from the socket.
  await (await import("./serve")).serveUntilSignal(Number(port));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
