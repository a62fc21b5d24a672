import { spawn } from "node:child_process";
import path from "node:path";

/**
 * `next start` on PORT as a child, with signals passed on. Next's own
 * SIGTERM handler would exit before an asynchronous (PostgreSQL) view flush
 * finishes, so it is turned off (NEXT_MANUAL_SIG_HANDLE): the view recorder
 * flushes and then exits (lib/views/recorder.ts).
 */
export function runNextServer(port: number): void {
  process.env.PORT = String(port); // instrumentation.ts reaches the server through it
  process.env.NEXT_MANUAL_SIG_HANDLE = "1";
  // node runs Next's CLI directly (not through npx and a shell), so a signal sent here reaches the server.
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}
