// npm run cluster — two instances of one build behind the caching nginx, as in
// production (docs/deploy.md), on one machine:
//   proxy http://localhost:$PORT (default 3000), instance A $PORT+1, B $PORT+2,
//   S3-compatible store (s3rver) $PORT+90.
// DATABASE_URL: PostgreSQL (default postgresql://postgres@127.0.0.1:5432/portal_cluster,
// created when missing, migrated and seeded); REDIS_URL (default redis://127.0.0.1:6379).
// CLUSTER_SKIP_BUILD=1 reuses the last build. Ctrl-C / SIGTERM stops everything.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp } from "./build";
import { ensureLocalSecret } from "./local-env";
import { startS3rver, type RunningS3 } from "./local-s3";
import { writeNginxConfig } from "./cluster/nginx";

const port = Number(process.env.PORT || 3000);
const ports = { proxy: port, a: port + 1, b: port + 2, s3: port + 90 };
const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/portal_cluster";

const children: { name: string; child: ChildProcess }[] = [];
let s3: RunningS3 | null = null;
let tmp: string | null = null;
let stopping = false;

const log = (msg: string) => console.log(`[cluster] ${msg}`);

/** CREATE DATABASE when the named one does not exist yet (C.UTF-8, as the search index expects). */
async function ensurePostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

function prefixed(name: string, child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) console.log(`[${name}] ${line}`);
    });
  }
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  prefixed(name, child);
  child.on("exit", (code, signal) => {
    if (!stopping) log(`${name} exited (${signal ?? `code ${code}`}); the others keep running`);
  });
  children.push({ name, child });
  return child;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log("stopping…");
    const exits = children
      .filter(({ child }) => child.exitCode === null && child.signalCode === null)
      .map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
            // Still running after 10 s: SIGKILL, and wait for that exit too (no orphan left behind).
            setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
          }),
      );
    await Promise.all(exits);
    await s3?.close().catch(() => {});
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    log("stopped");
  }
  process.exit(exitCode);
}

async function main() {
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void stopAll(0));
  if (spawnSync("nginx", ["-v"]).error) throw new Error("nginx is not installed: apt-get install nginx-light libnginx-mod-http-cache-purge");

  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  process.env.REDIS_URL ||= "redis://127.0.0.1:6379";
  process.env.NEXT_DIST_DIR ||= ".next-cluster";
  // A local two-instance cluster is a staging site: it shows the demo unless told otherwise (SEED_DEMO=0).
  process.env.SEED_DEMO ||= "1";
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL)) throw new Error("npm run cluster needs a PostgreSQL DATABASE_URL: two instances share it");
  ensureLocalSecret();

  // The shared upload store first: seeding the demo writes its photos there.
  const s3Dir = `data/cluster-${port}/s3`;
  fs.mkdirSync(s3Dir, { recursive: true });
  s3 = await startS3rver({ port: ports.s3, directory: s3Dir });
  Object.assign(process.env, s3.env, {
    PURGE_URL: `http://127.0.0.1:${ports.proxy}/purge`,
    SITE_URL: process.env.SITE_URL || `http://localhost:${ports.proxy}`,
    // nginx appends the client's address; the instance's socket is nginx: the client is 2 from the right.
    TRUSTED_PROXY_HOPS: "2",
  });
  log(`s3rver http://127.0.0.1:${ports.s3} (bucket ${s3.bucket})`);

  await ensurePostgresDatabase(process.env.DATABASE_URL);
  const { prepareDatabase } = await import("./prepare-db");
  await prepareDatabase();

  // One build for both instances (REDIS_URL set: the shared cache handler is in it).
  if (!process.env.CLUSTER_SKIP_BUILD) buildApp();

  const serveScript = path.join(process.cwd(), "scripts", "serve.ts");
  for (const [name, p] of [["A", ports.a], ["B", ports.b]] as const) {
    start(name, process.execPath, ["--import", "tsx", serveScript], { ...process.env, PORT: String(p) });
  }
  await Promise.all([ports.a, ports.b].map((p) => waitForHttp(`http://127.0.0.1:${p}/`, 120_000)));

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-nginx-"));
  const conf = writeNginxConfig(tmp, ports.proxy, [ports.a, ports.b]);
  start("nginx", "nginx", ["-c", conf, "-p", tmp], process.env);
  await waitForHttp(`http://127.0.0.1:${ports.proxy}/`, 30_000);

  const pid = (n: string) => children.find((c) => c.name === n)?.child.pid;
  console.log(
    [
      "",
      `  proxy (nginx)  http://localhost:${ports.proxy}`,
      `  instance A     http://localhost:${ports.a}`,
      `  instance B     http://localhost:${ports.b}`,
      "",
    ].join("\n"),
  );
  log(`ready pids cluster=${process.pid} A=${pid("A")} B=${pid("B")} nginx=${pid("nginx")}; Ctrl-C stops everything`);
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await stopAll(1);
});
