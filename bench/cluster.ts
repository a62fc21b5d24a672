// npm run bench:cluster (also run by `npm run bench`) — the production shape of
// `npm run cluster` (scripts/cluster/local-cluster.ts: one build, instances A
// and B on PostgreSQL + Redis + s3rver, the deploy/nginx recipe in front), on
// a throw-away PostgreSQL database and Redis key prefix, all removed afterwards:
//   (a) the cached article through the caching proxy vs the same HTML bytes
//       served by nginx from disk (a static server block in the same nginx),
//       and bare `next start` (one instance, direct) for context;
//   (b) publish → fresh through the proxy: the admin's publish server action
//       over HTTP on A, then the article and the home page polled through the
//       proxy until they show it;
//   (c) beacons spread over A and B with Redis counting, each from its own
//       visitor address, then the database total compared with the 2xx answers.
// Medians of BENCH_RUNS runs; machine facts and load average printed.
// Ports: BENCH_CLUSTER_PORT (default 3300) proxy, +1 A, +2 B, +3 static nginx,
// +4 bare next start, +9 s3rver. BENCH_SKIP_BUILD=1 reuses .next-bench-cluster.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createClient } from "redis";
import { dropPostgresDatabase, LocalCluster } from "../scripts/cluster/local-cluster";
import { startServer } from "./server";
import { actionIdOf, callAction, signInOverHttp } from "./http-admin";

const RUNS = Number(process.env.BENCH_RUNS || 3);
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES || 5);
const BEACONS = Number(process.env.BENCH_BEACONS || 1000); // per instance and run
const BASE = Number(process.env.BENCH_CLUSTER_PORT || 3300);
const ports = { proxy: BASE, a: BASE + 1, b: BASE + 2, static: BASE + 3, bare: BASE + 4, s3: BASE + 9 };
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
/** What autocannon sends: no Accept-Encoding, so every server answers the same uncompressed bytes. */
const PLAIN = { "user-agent": UA, "accept-encoding": "identity" };
const ADMIN = { email: "admin@bench.test", password: "bench-admin-password" };

const runId = randomBytes(4).toString("hex");
const serverUrl = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/portal_bench_${runId}`;
  return u.toString();
})();
const redisPrefix = `bench-${runId}:`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** The instances' output, kept for a failure report instead of flooding the figures. */
const childOutput: string[] = [];
const cluster = new LocalCluster({
  ports: { proxy: ports.proxy, a: ports.a, b: ports.b, s3: ports.s3 },
  build: !process.env.BENCH_SKIP_BUILD,
  onLine: (name, line) => {
    childOutput.push(`[${name}] ${line}`);
    if (childOutput.length > 200) childOutput.shift();
  },
  // The static comparison's server block is written once the page is known (then nginx reloads).
  nginxExtra: (dir) => `    include ${path.join(dir, "bench-static", "*.conf")};`,
});
let bare: { stop: () => Promise<void> } | null = null;
let cleaning: Promise<void> | null = null;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await bare?.stop().catch(() => {});
    await cluster.stop().catch(() => {});
    fs.rmSync(`data/cluster-${ports.proxy}`, { recursive: true, force: true });
    await dropPostgresDatabase(databaseUrl).catch((err) => console.error(`could not drop ${databaseUrl}:`, err));
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis
      .connect()
      .then(async () => {
        for await (const keys of redis.scanIterator({ MATCH: `${redisPrefix}*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
        await redis.quit();
      })
      .catch((err) => console.error(`could not delete the Redis keys ${redisPrefix}*:`, err));
  })();
  return cleaning;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** nginx serving `html` from disk with the headers the proxy answered with: the ceiling for a cached page. */
async function startStaticServer(res: Response, html: string): Promise<string> {
  const dir = path.join(cluster.nginxDir!, "bench-static");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "article.html"), html);
  const skip = new Set(["content-encoding", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-type", "server"]);
  const headers = [...res.headers]
    .filter(([name, value]) => !skip.has(name) && !/[$"\\]/.test(value))
    .map(([name, value]) => `        add_header ${name} "${value}";`);
  fs.writeFileSync(
    path.join(dir, "static.conf"),
    `server {
    listen 127.0.0.1:${ports.static};
    gzip on;
    location / {
        root ${dir};
        default_type text/html;
        charset utf-8;
        try_files /article.html =404;
${headers.join("\n")}
    }
}
`,
  );
  if (process.getuid?.() === 0) for (const p of [dir, path.join(dir, "article.html")]) fs.chmodSync(p, p === dir ? 0o755 : 0o644);
  const conf = path.join(cluster.nginxDir!, "nginx.conf");
  const reload = spawnSync("nginx", ["-c", conf, "-p", cluster.nginxDir!, "-s", "reload"], { encoding: "utf8" });
  if (reload.status !== 0) throw new Error(`nginx reload failed: ${reload.stderr}`);
  const url = `http://127.0.0.1:${ports.static}`;
  let last = "";
  for (let i = 0; ; i++) {
    const ok = await fetch(url)
      .then(async (r) => {
        const body = await r.text();
        last = `HTTP ${r.status}, ${body.length} characters`;
        return body === html;
      })
      .catch((err: Error) => ((last = err.message), false));
    if (ok) return url;
    if (i > 100) throw new Error(`the static nginx server block did not come up (${last}):\n${fs.readFileSync(path.join(dir, "static.conf"), "utf8")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function pageThroughput(articlePath: string, pageHtml: string) {
  const proxy = `http://127.0.0.1:${ports.proxy}`;
  let res = await fetch(proxy + articlePath, { headers: PLAIN });
  for (let i = 0; res.headers.get("x-cache-status") !== "HIT" && i < 50; i++) {
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 200));
    res = await fetch(proxy + articlePath, { headers: PLAIN });
  }
  const html = await res.text();
  if (res.headers.get("x-cache-status") !== "HIT") throw new Error(`the article is not served from the proxy's cache (X-Cache-Status ${res.headers.get("x-cache-status")})`);
  if (html !== pageHtml) console.log("  note: the proxy's copy differs from the instance's answer (rendered again in between)");
  const staticUrl = await startStaticServer(res, html);

  bare = await startServer(ports.bare, "next-start");
  const bareUrl = `http://127.0.0.1:${ports.bare}`;
  for (let i = 0; i < 3; i++) await (await fetch(bareUrl + articlePath, { headers: PLAIN })).arrayBuffer();
  const bareCache = (await fetch(bareUrl + articlePath, { headers: PLAIN })).headers.get("x-nextjs-cache");

  console.log(`(a) cached article ${articlePath}: ${Buffer.byteLength(html)} bytes; proxy X-Cache-Status: HIT; bare next start x-nextjs-cache: ${bareCache}`);
  const targets = [
    ["proxy", proxy],
    ["static", staticUrl],
    ["bare", bareUrl],
  ] as const;
  const figures: Record<(typeof targets)[number][0], number[]> = { proxy: [], static: [], bare: [] };
  // autocannon's first seconds in a process are slower (JIT, connections): warm every target first,
  // then rotate the order from run to run so no server always goes first.
  for (const [, url] of targets) await run({ url: url + articlePath, headers: { "user-agent": UA }, duration: 2, connections: CONNECTIONS });
  for (let i = 0; i < RUNS; i++) {
    const line: string[] = [];
    for (const [name, url] of [...targets.slice(i % targets.length), ...targets.slice(0, i % targets.length)]) {
      const r = await run({ url: url + articlePath, headers: { "user-agent": UA }, duration: SECONDS, connections: CONNECTIONS });
      if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
      figures[name].push(r.requests.average);
      line.push(`${name} ${fmt(r.requests.average)} req/s (p99 ${r.latency.p99} ms)`);
    }
    console.log(`  run ${i + 1}: ${line.join(" | ")} | load ${load()}`);
  }
  const after = await fetch(proxy + articlePath, { headers: PLAIN });
  await after.arrayBuffer();
  const [p, s, b] = [median(figures.proxy), median(figures.static), median(figures.bare)];
  return { proxy: p, static: s, bare: b, stillHit: after.headers.get("x-cache-status") };
}

/** Polls `url` through the proxy until it shows `text` (status 200); ms from `start` to the passing request's start. */
async function freshAfter(url: string, text: string, start: number, timeoutMs = 10_000): Promise<number> {
  for (;;) {
    const sent = performance.now();
    const ok = await fetch(url, { headers: { "user-agent": UA }, signal: AbortSignal.timeout(10_000) })
      .then(async (r) => r.status === 200 && (await r.text()).includes(text))
      .catch(() => false);
    if (ok) return sent - start;
    if (performance.now() - start > timeoutMs) throw new Error(`${url} not fresh within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function publishToFresh(sectionId: number) {
  const a = `http://localhost:${ports.a}`;
  const proxy = `http://localhost:${ports.proxy}`;
  const distDir = process.env.NEXT_DIST_DIR!;
  const create = actionIdOf(distDir, "createArticleAction");
  const publish = actionIdOf(distDir, "publishArticleAction");
  const cookie = await signInOverHttp(a, ADMIN.email, ADMIN.password);
  const action = { result: [] as number[], tail: [] as number[], fresh: [] as number[], afterEnd: [] as number[], article: [] as number[], home: [] as number[] };
  console.log(`(b) publish on A (server action over HTTP) → fresh through the proxy, ${PUBLISHES} publishes:`);
  for (let i = 0; i < PUBLISHES; i++) {
    const title = `压测发布${runId}第${i + 1}篇`;
    const created = await callAction<{ id: number }>(a, "/admin/articles/new", create, cookie, {
      title,
      sectionId,
      bodyHtml: "<p>集群压测：发布后经代理读取。</p>",
    });
    const id = created.answer.data!.id;
    // The home page is in the proxy's cache before the publish: freshness needs the purge.
    for (let j = 0; j < 50; j++) {
      const r = await fetch(`${proxy}/`, { headers: { "user-agent": UA } });
      await r.arrayBuffer();
      if (r.headers.get("x-cache-status") === "HIT") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const sent = performance.now();
    // Polling starts when the result row arrives (the editor sees 已发布), while the response goes on.
    let resultAt = 0;
    let polls: Promise<number[]> = Promise.resolve([]);
    const call = callAction(a, `/admin/articles/${id}`, publish, cookie, { id }, (_, at) => {
      resultAt = at;
      polls = Promise.all([freshAfter(`${proxy}/news/${id}`, title, at), freshAfter(`${proxy}/`, title, at)]);
      polls.catch(() => {}); // handled by the await below, once the response has ended
    });
    const { answer, endAt } = await call;
    const [articleMs, homeMs] = await polls;
    if (answer.message !== "已发布") throw new Error(`publish answered ${JSON.stringify(answer)}`);
    const fresh = Math.max(articleMs, homeMs);
    action.result.push(resultAt - sent);
    action.tail.push(endAt - resultAt);
    action.article.push(articleMs);
    action.home.push(homeMs);
    action.fresh.push(fresh);
    action.afterEnd.push(resultAt + fresh - endAt);
    console.log(
      `  publish ${i + 1}: result row after ${fmt(resultAt - sent)} ms, response ended +${fmt(endAt - resultAt)} ms later; from the result: article fresh +${fmt(articleMs)} ms, home +${fmt(homeMs)} ms | load ${load()}`,
    );
  }
  return action;
}

async function storedViews(articleId: number): Promise<number> {
  const rows = await query<{ views: number }>(`SELECT views FROM "ArticleViewCount" WHERE "articleId" = $1`, [articleId]);
  return rows[0]?.views ?? 0;
}

/** Waits until Redis holds no pending or half-written batch (the instances flush every VIEW_FLUSH_MS). */
type Redis = ReturnType<typeof createClient>;

async function flushed(redis: Redis, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await redis.exists(`${redisPrefix}views:pending`)) || (await redis.sCard(`${redisPrefix}views:batches`))) {
    if (Date.now() > until) throw new Error("views still pending in Redis after 20 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function beaconThroughput(articleId: number, articlePath: string) {
  const redis: Redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  // Each beacon from its own visitor: the bench stands where nginx stands and
  // writes X-Forwarded-For as nginx does (the instances trust 2 hops: this entry and
  // their socket), so the per-IP cap applies to every "visitor" as in production.
  let n = 0;
  const nextIp = () => {
    n++;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  };
  const beacon = (): autocannon.Request => ({
    method: "POST",
    path: "/api/views",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", "user-agent": UA },
    body: JSON.stringify({ articleId, path: articlePath }),
    setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-forwarded-for": nextIp() } }),
  });
  const rates: number[] = [];
  const lost: number[] = [];
  console.log(`(c) beacons over A and B (Redis counting), ${fmt(BEACONS)} per instance and run, ${CONNECTIONS} connections each:`);
  try {
    for (let i = 0; i < RUNS; i++) {
      await flushed(redis);
      const before = await storedViews(articleId);
      const started = performance.now();
      const results = await Promise.all(
        [ports.a, ports.b].map((p) => run({ url: `http://127.0.0.1:${p}`, requests: [beacon()], amount: BEACONS, connections: CONNECTIONS, timeout: 30 })),
      );
      const seconds = (performance.now() - started) / 1000;
      const ok = results.reduce((s, r) => s + r["2xx"], 0);
      const bad = results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);
      await flushed(redis);
      const counted = (await storedViews(articleId)) - before;
      rates.push(ok / seconds);
      lost.push(ok - counted);
      console.log(
        `  run ${i + 1}: ${fmt(ok)} answered 2xx (A ${fmt(results[0]["2xx"])}, B ${fmt(results[1]["2xx"])}), ${bad} not; ${fmt(ok / seconds)} req/s; database +${fmt(counted)} → lost: ${ok - counted} | load ${load()}`,
      );
    }
  } finally {
    await redis.quit();
  }
  return { rate: median(rates), lost };
}

async function main() {
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void cleanUp().finally(() => process.exit(130)));
  const nginx = spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr.trim();
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${nginx}`);
  console.log(`load average at start: ${load()}`);
  console.log(`runs: ${RUNS} × ${SECONDS}s, ${CONNECTIONS} connections; database portal_bench_${runId}, Redis prefix ${redisPrefix}\n`);

  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: redisPrefix,
    NEXT_DIST_DIR: ".next-bench-cluster",
    NEXTAUTH_SECRET: "bench-only-secret",
    NEXT_TELEMETRY_DISABLED: "1",
    SEED_DEMO: "1",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const started = Date.now();
  await cluster.start();
  console.log(`cluster up in ${((Date.now() - started) / 1000).toFixed(0)} s: proxy :${ports.proxy}, A :${ports.a}, B :${ports.b}\n`);

  const [article] = await query<{ id: number; path: string }>(
    `SELECT a.id, s.path FROM "Article" a JOIN "Section" s ON s.id = a."sectionId" WHERE a.title LIKE '上下一盘棋%' AND a."isLive"`,
  );
  const [section] = await query<{ id: number }>(`SELECT id FROM "Section" WHERE name = '工作动态'`);
  if (!article || !section) throw new Error("the demo article 上下一盘棋… or the section 工作动态 is missing");
  const articlePath = `/${article.path}/${article.id}`;
  const pageHtml = await (await fetch(`http://127.0.0.1:${ports.a}${articlePath}`, { headers: PLAIN })).text();

  const pages = await pageThroughput(articlePath, pageHtml);
  await bare?.stop();
  bare = null;
  const fresh = await publishToFresh(section.id);
  const beacons = await beaconThroughput(article.id, articlePath);

  console.log(`\nmedians (load average now ${load()}):`);
  console.log(`  (a) cached article: proxy ${fmt(pages.proxy)} req/s, nginx static ${fmt(pages.static)} req/s → proxy/static ${(pages.proxy / pages.static).toFixed(2)}× (target ≥ 0.5×)`);
  console.log(`      bare next start ${fmt(pages.bare)} req/s → proxy/bare ${(pages.proxy / pages.bare).toFixed(1)}×; after the runs the proxy still answers X-Cache-Status ${pages.stillHit}`);
  console.log(
    `  (b) publish → fresh through the proxy (article and home, from the action's result, when the editor sees 已发布): median ${fmt(median(fresh.fresh))} ms, max ${fmt(Math.max(...fresh.fresh))} ms (target ≤ 1000 ms)`,
  );
  console.log(
    `      the action's result came after median ${fmt(median(fresh.result))} ms; its response (the editor page rendered again) ended median ${fmt(median(fresh.tail))} ms after that, and fresh median ${fmt(median(fresh.afterEnd))} ms after the response ended (negative: fresh before it ended — with REDIS_URL the action purges the proxy before it answers, lib/cache/revalidate.ts)`,
  );
  const lost = beacons.lost.filter((x) => x > 0).reduce((s, x) => s + x, 0);
  const extra = -beacons.lost.filter((x) => x < 0).reduce((s, x) => s + x, 0);
  console.log(`  (c) beacons over two instances: ${fmt(beacons.rate)} req/s answered 2xx; lost: ${lost}${extra ? `, counted more than answered: ${extra}` : ""} (2xx − counted per run: ${beacons.lost.join(", ")})`);
}

main()
  .then(() => cleanUp())
  .catch(async (err) => {
    console.error(err);
    if (childOutput.length) console.error(`last lines of the cluster's output:\n${childOutput.slice(-40).join("\n")}`);
    await cleanUp();
    process.exit(1);
  });
