// npm start — the embedded default in one command: secret, database, demo
// content, production build, server on $PORT (default 3000).
import { spawn } from "node:child_process";
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
  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
