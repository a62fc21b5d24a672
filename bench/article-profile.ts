// npm run bench:profile — where a cached article's time goes under bare `next start` (issue 12), beside the
// framework's floors of the same HTML size: V8's CPU profiler in each server process while the same number of
// requests is sent to it, the samples taken during that load only (after an untimed warm-up), split into buckets
// of CPU time per request. A throughput ratio says how far from the floor; this says where the difference is.
//
// Needs the bench build (npm run bench builds it; BENCH_SKIP_BUILD=1 reuses it).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { prepareBench } from "./server";
import { articleText, startFloor, ISR_FLOOR_PATH } from "./floor";
import { waitUntilUp } from "./wait-until-up";

const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS || 20_000);
const PORT = Number(process.env.BENCH_PORT || 3200);
// Set to list each server's hottest functions too (a closer look at "everything else").
const TOP = Number(process.env.BENCH_PROFILE_TOP || 0);
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** Buckets, innermost first: a sample goes to the first bucket that any frame of its stack (leaf upwards) matches. */
const BUCKETS: Array<{ name: string; match: (n: ProfileNode, source: (n: ProfileNode) => string) => boolean }> = [
  // Next computes a weak ETag on every response: FNV-1a over the whole HTML string, character by character.
  { name: "ETag (FNV-1a over the HTML string)", match: (n, source) => /8997[\s\S]{0,120}52210/.test(source(n)) },
  { name: "socket writes (UTF-8 encoding + writev)", match: (n) => /^(writev|writevGeneric|writeGeneric|writeUtf8String)$/.test(n.callFrame.functionName) },
  { name: "route prepare (params, route regex, manifests)", match: (n) => n.callFrame.functionName === "prepareImpl" },
  { name: "routing (headers(), proxy matcher, route match)", match: (n) => n.callFrame.functionName === "resolveRoutes" },
  { name: "garbage collection", match: (n) => n.callFrame.functionName === "(garbage collector)" },
  { name: "HTTP parsing and response headers", match: (n) => /^(parserOnHeadersComplete|setHeader|writeHead|_implicitHeader|_storeHeader)$/.test(n.callFrame.functionName) },
];

function spawnProfiled(cwd: string, port: number, profileDir: string, env: Record<string, string | undefined>): ChildProcess {
  fs.rmSync(profileDir, { recursive: true, force: true });
  return spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, path.join(cwd, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: String(port) },
  });
}

function load(url: string, amount: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon({ url, amount, connections: 32, headers: { "user-agent": UA } }, (err, res) => (err ? reject(err) : resolve(res))));
}

/** CPU µs per request in each bucket, from the samples taken between `from` and `to` (µs, the profiler's clock). */
function analyse(profile: Profile, from: number, to: number, requests: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sources = new Map<string, string>();
  const source = (n: ProfileNode) => {
    const file = n.callFrame.url.replace(/^file:\/\//, "");
    if (!file.startsWith("/")) return "";
    if (!sources.has(file)) sources.set(file, fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
    const lines = sources.get(file)!.split("\n");
    return (lines[n.callFrame.lineNumber] ?? "").slice(n.callFrame.columnNumber, n.callFrame.columnNumber + 200);
  };
  const bucketOf = new Map<number, string>();
  const classify = (id: number): string => {
    if (bucketOf.has(id)) return bucketOf.get(id)!;
    const n = byId.get(id)!;
    let found = BUCKETS.find((b) => b.match(n, source))?.name;
    if (!found) found = parent.has(id) ? classify(parent.get(id)!) : "everything else (rendering the cached entry, Next's request pipeline)";
    bucketOf.set(id, found);
    return found;
  };
  const out = new Map<string, number>();
  const selfTime = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > to) continue;
    const n = byId.get(profile.samples[i])!;
    if (n.callFrame.functionName === "(idle)" || n.callFrame.functionName === "(program)") continue;
    const b = classify(n.id);
    out.set(b, (out.get(b) ?? 0) + (profile.timeDeltas[i] ?? 0));
    const f = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^.*\//, "")}:${n.callFrame.lineNumber}`;
    selfTime.set(f, (selfTime.get(f) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  for (const [k, v] of out) out.set(k, v / requests);
  if (TOP) {
    console.log(`  top ${TOP} functions by self time, µs per request:`);
    for (const [f, v] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`    ${(v / requests).toFixed(1).padStart(6)}  ${f}`);
  }
  return out;
}

async function profileOne(name: string, cwd: string, port: number, pagePath: string, env: Record<string, string | undefined>) {
  const dir = path.join(os.tmpdir(), `portal-profile-${port}`);
  const child = spawnProfiled(cwd, port, dir, env);
  const url = `http://localhost:${port}${pagePath}`;
  await waitUntilUp(url);
  await load(url, 3000); // warm-up: JIT, first render, ISR cache filled
  const html = Buffer.byteLength(await (await fetch(url, { headers: { "user-agent": UA } })).text());
  // The profiler's timestamps and process.hrtime share the monotonic clock.
  const from = Number(process.hrtime.bigint() / 1000n);
  const res = await load(url, REQUESTS);
  const to = Number(process.hrtime.bigint() / 1000n);
  child.kill("SIGINT");
  await new Promise((r) => child.once("exit", r));
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`${name}: no CPU profile written`);
  if (TOP) console.log(`${name}:`);
  const buckets = analyse(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), from, to, REQUESTS);
  return { name, buckets, rps: res.requests.average, non2xx: res.non2xx, html };
}

async function main() {
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
  await prepareBench(PORT);
  const db = new Database("data/bench/portal.db", { readonly: true });
  const article = db.prepare(`SELECT a.id, s.path FROM Article a JOIN Section s ON s.id = a.sectionId WHERE a.title LIKE '上下一盘棋%'`).get() as { id: number; path: string };
  const corpus = articleText(db, article.id);
  db.close();
  const articlePath = `/${article.path}/${article.id}`;

  // The floors are built by startFloor (and kept): started once to build and size them, then profiled from their folders.
  const first = await profileOne("article (bare next start)", process.cwd(), PORT + 1, articlePath, process.env);
  const htmlBytes = first.html;
  const floors = [];
  for (const shape of ["static", "isr-path"] as const) {
    const f = await startFloor({ htmlBytes, port: PORT + 9, corpus, shape });
    await f.stop();
    floors.push(await profileOne(shape === "static" ? "floor: static page" : `floor: ISR catch-all (${ISR_FLOOR_PATH})`, f.dir, PORT + 9, shape === "static" ? "/" : ISR_FLOOR_PATH, { PATH: process.env.PATH }));
  }
  const rows = [first, ...floors];
  const names = [...new Set(rows.flatMap((r) => [...r.buckets.keys()]))].sort((a, b) => (first.buckets.get(b) ?? 0) - (first.buckets.get(a) ?? 0));
  console.log(`\n${REQUESTS} requests each, 32 connections; CPU µs per request in the server process (samples during the load only)\n`);
  console.log(`| bucket | ${rows.map((r) => r.name).join(" | ")} | article − static floor | article − ISR floor |`);
  console.log(`| --- | ${rows.map(() => "---").join(" | ")} | --- | --- |`);
  const total = (r: (typeof rows)[number]) => [...r.buckets.values()].reduce((a, b) => a + b, 0);
  for (const n of names) {
    const v = rows.map((r) => r.buckets.get(n) ?? 0);
    console.log(`| ${n} | ${v.map((x) => x.toFixed(0)).join(" | ")} | ${(v[0] - v[1]).toFixed(0)} | ${(v[0] - v[2]).toFixed(0)} |`);
  }
  const tot = rows.map(total);
  console.log(`| **total CPU per request** | ${tot.map((x) => x.toFixed(0)).join(" | ")} | ${(tot[0] - tot[1]).toFixed(0)} | ${(tot[0] - tot[2]).toFixed(0)} |`);
  console.log(`| HTML bytes | ${rows.map((r) => r.html).join(" | ")} | | |`);
  console.log(`| req/s while profiled | ${rows.map((r) => r.rps.toFixed(0) + (r.non2xx ? ` (${r.non2xx} non-2xx)` : "")).join(" | ")} | | |`);
  console.log(`\nCPU-time ratio floor/article (what throughput tends to when the server is the bottleneck): static ${(tot[1] / tot[0]).toFixed(2)}×, ISR catch-all ${(tot[2] / tot[0]).toFixed(2)}×`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
