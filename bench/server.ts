import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { waitUntilUp } from "./wait-until-up";

/** How the production build is served: bare `next start`, or `npm start`'s server (scripts/http-server.ts). */
export type ServeVia = "next-start" | "serve";

/** A throw-away database and a build in its own folder, for benchmarks. */
export async function prepareBench(port: number): Promise<void> {
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
}

/** Starts a server on the prepared build; resolves once it answers. */
export async function startServer(port: number, via: ServeVia = "serve"): Promise<{ url: string; stop: () => Promise<void> }> {
  const cmd = via === "next-start" ? ["npx", ["next", "start", "-p", String(port)]] : [process.execPath, ["--import", "tsx", "scripts/http-server.ts"]];
  const server: ChildProcess = spawn(cmd[0] as string, cmd[1] as string[], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PORT: String(port), TRUSTED_PROXY_HOPS: "1" },
    detached: true,
  });
  const url = `http://localhost:${port}`;
  await waitUntilUp(url);
  return {
    url,
    stop: async () => {
      process.kill(-server.pid!, "SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}

export async function startBenchServer(port: number, via: ServeVia = "serve"): Promise<{ url: string; stop: () => Promise<void> }> {
  await prepareBench(port);
  return startServer(port, via);
}
