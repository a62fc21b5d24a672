import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/** A production server on a throw-away database, built into its own folder, for benchmarks. */
export async function startBenchServer(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  Object.assign(process.env, {
    DATABASE_URL: "file:./data/bench/portal.db",
    UPLOAD_DIR: "data/bench/uploads",
    NEXT_DIST_DIR: ".next-bench",
    NEXTAUTH_SECRET: "bench-only-secret",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    // The load generator is one address sending thousands of views: the per-IP cap would (rightly) stop counting.
    VIEW_IP_LIMIT: "0",
  });
  fs.rmSync("data/bench", { recursive: true, force: true });
  const { prepareDatabase } = await import("../scripts/prepare-db");
  await prepareDatabase();
  if (!process.env.BENCH_SKIP_BUILD) {
    const { buildApp } = await import("../scripts/build");
    buildApp();
  }
  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(port)], { stdio: ["ignore", "pipe", "inherit"], env: process.env, detached: true });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    stop: async () => {
      process.kill(-server.pid!, "SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}
