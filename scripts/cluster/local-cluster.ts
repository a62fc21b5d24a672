// The pieces of `npm run cluster` (scripts/cluster.ts), reusable: the
// benchmark (bench/cluster.ts) starts the same cluster on its own ports.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp } from "../build";
import { startS3rver, type RunningS3 } from "../local-s3";
import { sectionFeedPath } from "../../lib/feeds/paths";
import { writeNginxConfig } from "./nginx";

export interface ClusterPorts {
  proxy: number;
  a: number;
  b: number;
  s3: number;
}

/** The cluster's own layout: proxy on PORT, instances on PORT+1 and PORT+2, s3rver on PORT+90. */
export const clusterPorts = (port: number): ClusterPorts => ({ proxy: port, a: port + 1, b: port + 2, s3: port + 90 });

export interface ClusterOptions {
  ports: ClusterPorts;
  /** `next build` first (the default); false reuses the last build in NEXT_DIST_DIR. */
  build?: boolean;
  /** Where the children's output goes, line by line (default: the console, prefixed with their name). */
  onLine?: (name: string, line: string) => void;
  /** Extra http-context nginx configuration (e.g. another server block), included beside the recipe. */
  nginxExtra?: (dir: string) => string;
  log?: (msg: string) => void;
}

/** CREATE DATABASE when the named one does not exist yet (C.UTF-8, as the search index expects). */
export async function ensurePostgresDatabase(url: string, log: (msg: string) => void = () => {}): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onPostgresServer(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
      log(`created database ${name}`);
    }
  });
}

/** DROP DATABASE … WITH (FORCE): for throw-away databases (the benchmark's). */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onPostgresServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`));
}

/** Runs `work` connected to the server's `postgres` database (the named one may not exist). */
async function onPostgresServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
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

async function fetchText(url: string): Promise<{ status: number; text: string; ms: number }> {
  const t0 = Date.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: "manual" });
  const text = await res.text();
  return { status: res.status, text, ms: Date.now() - t0 };
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].replace(/&amp;/g, "&")).pathname);

/** The site's public paths, through its own sitemap (an index: its first part). */
async function sitemapPaths(base: string): Promise<string[]> {
  const index = await fetchText(`${base}/sitemap.xml`);
  if (index.status !== 200) throw new Error(`${base}/sitemap.xml answered ${index.status}`);
  const found = locs(index.text);
  if (!/<sitemapindex/.test(index.text)) return found;
  return found.length ? locs((await fetchText(`${base}${found[0]}`)).text) : [];
}

/**
 * The pages a publish makes every instance render again: the home page, a
 * section list and its feed, an article, the site feed and the sitemap. A
 * fresh `next start` takes seconds for its first render of each (the route's
 * server code run for the first time, database and Redis connections opened,
 * jieba's dictionaries loaded for an article's keywords; up to 5 s seen in
 * CI) where a warm one takes 0.1–0.3 s on a busy 2-core machine. Each instance gets its own section and article
 * (with the shared cache, a page one instance rendered is only read from
 * Redis by the other, which would leave its render path cold).
 */
export async function warmUpPaths(base: string, instances: number): Promise<string[][]> {
  // An article's URL is its section's plus its id (`/news/12` in `/news`): sections with an article, first article each.
  const firstArticle = new Map<string, string>();
  for (const path of await sitemapPaths(base)) {
    const m = /\/page\/\d+$/.test(path) ? null : /^(\/.+)\/\d+$/.exec(path);
    if (m && !firstArticle.has(m[1])) firstArticle.set(m[1], path);
  }
  const sections = [...firstArticle.entries()];
  return Array.from({ length: instances }, (_, i) => {
    const own = sections.length ? sections[i % sections.length] : null;
    return ["/", "/sitemap.xml", "/rss.xml", ...(own ? [own[0], sectionFeedPath(own[0].slice(1)), own[1]] : [])];
  });
}

/** GETs each path in turn; a 5xx or an unreachable instance fails the start (it is not ready to serve). */
export async function warmUp(base: string, paths: string[]): Promise<{ path: string; ms: number }[]> {
  const took: { path: string; ms: number }[] = [];
  for (const path of paths) {
    const { status, ms } = await fetchText(`${base}${path}`);
    if (status >= 500) throw new Error(`warming up: ${base}${path} answered ${status}`);
    took.push({ path, ms });
  }
  return took;
}

/**
 * Instances A and B of one build on PostgreSQL (DATABASE_URL) + Redis
 * (REDIS_URL) + s3rver, and nginx with the deploy/ recipe in front. Reads and
 * extends process.env (the instances inherit it). stop() may be called at any
 * time, also while start() is still running: whatever was started stops.
 */
export class LocalCluster {
  private children: { name: string; child: ChildProcess }[] = [];
  private s3: RunningS3 | null = null;
  private tmp: string | null = null;
  private stopping: Promise<void> | null = null;
  readonly urls: { proxy: string; a: string; b: string };
  /** The nginx prefix folder (its config, cache and temp files), once started. */
  nginxDir: string | null = null;

  constructor(private opts: ClusterOptions) {
    const { proxy, a, b } = opts.ports;
    this.urls = { proxy: `http://localhost:${proxy}`, a: `http://localhost:${a}`, b: `http://localhost:${b}` };
  }

  private log(msg: string) {
    (this.opts.log ?? ((m: string) => console.log(`[cluster] ${m}`)))(msg);
  }

  pid(name: "A" | "B" | "nginx"): number | undefined {
    return this.children.find((c) => c.name === name)?.child.pid;
  }

  private spawnChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    if (this.stopping) throw new Error("the cluster is stopping");
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const onLine = this.opts.onLine ?? ((n: string, line: string) => console.log(`[${n}] ${line}`));
    for (const stream of [child.stdout, child.stderr]) {
      let rest = "";
      stream?.on("data", (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) onLine(name, line);
      });
    }
    child.on("exit", (code, signal) => {
      if (!this.stopping) this.log(`${name} exited (${signal ?? `code ${code}`}); the others keep running`);
    });
    this.children.push({ name, child });
    return child;
  }

  async start(): Promise<void> {
    if (spawnSync("nginx", ["-v"]).error) throw new Error("nginx is not installed: apt-get install nginx-light libnginx-mod-http-cache-purge");
    const { ports } = this.opts;
    if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) throw new Error("the cluster needs a PostgreSQL DATABASE_URL: two instances share it");

    // The shared upload store first: seeding the demo writes its photos there.
    const s3Dir = `data/cluster-${ports.proxy}/s3`;
    fs.mkdirSync(s3Dir, { recursive: true });
    this.s3 = await startS3rver({ port: ports.s3, directory: s3Dir });
    if (this.stopping) {
      await this.s3.close();
      throw new Error("stopped while starting");
    }
    Object.assign(process.env, this.s3.env, {
      PURGE_URL: `http://127.0.0.1:${ports.proxy}/purge`,
      SITE_URL: process.env.SITE_URL || this.urls.proxy,
      // nginx appends the client's address; the instance's socket is nginx: the client is 2 from the right.
      TRUSTED_PROXY_HOPS: "2",
    });
    this.log(`s3rver http://127.0.0.1:${ports.s3} (bucket ${this.s3.bucket})`);

    await ensurePostgresDatabase(process.env.DATABASE_URL!, (m) => this.log(m));
    const { prepareDatabase } = await import("../prepare-db");
    await prepareDatabase();

    // One build for both instances (REDIS_URL set: the shared cache handler is in it).
    if (this.opts.build !== false) buildApp({ throwOnFailure: true });

    const serveScript = path.join(process.cwd(), "scripts", "serve.ts");
    for (const [name, p] of [["A", ports.a], ["B", ports.b]] as const) {
      this.spawnChild(name, process.execPath, ["--import", "tsx", serveScript], { ...process.env, PORT: String(p) });
    }
    const instances = [ports.a, ports.b].map((p) => `http://127.0.0.1:${p}`);
    await Promise.all(instances.map((base) => waitForHttp(`${base}/`, 120_000)));
    // Ready means a real page answers promptly on every instance, not just that it listens.
    const lists = await warmUpPaths(instances[0], instances.length);
    const took = await Promise.all(instances.map((base, i) => warmUp(base, lists[i])));
    took.forEach((t, i) => this.log(`warmed up ${["A", "B"][i]}: ${t.map(({ path, ms }) => `${path} ${ms} ms`).join(", ")}`));

    this.tmp = this.nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-nginx-"));
    const conf = writeNginxConfig(this.tmp, ports.proxy, [ports.a, ports.b], this.opts.nginxExtra?.(this.tmp));
    this.spawnChild("nginx", "nginx", ["-c", conf, "-p", this.tmp], process.env);
    const proxy = `http://127.0.0.1:${ports.proxy}`;
    await waitForHttp(`${proxy}/`, 30_000);
    // The proxy's cache too: every public page a publish purges is stored once.
    await warmUp(proxy, [...new Set(lists.flat())]);
  }

  /** SIGTERM to every child (SIGKILL after 10 s), s3rver closed, nginx's temp folder removed. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.log("stopping…");
      const exits = this.children
        .filter(({ child }) => child.exitCode === null && child.signalCode === null)
        .map(
          ({ child }) =>
            new Promise<void>((resolve) => {
              // Still running after 10 s: SIGKILL, and wait for that exit too (no orphan left behind).
              // Not unref'd: this process must live until then, or a child stuck in its shutdown
              // (an instance waiting for a connection to close) outlives it.
              const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
              child.once("exit", () => {
                clearTimeout(kill);
                resolve();
              });
              child.kill("SIGTERM");
            }),
        );
      await Promise.all(exits);
      await this.s3?.close().catch(() => {});
      if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
      this.log("stopped");
    })();
    return this.stopping;
  }
}
