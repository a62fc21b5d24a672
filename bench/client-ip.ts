// npm run bench:ip — what serving through npm start's client-IP server (scripts/http-server.ts)
// costs against bare `next start`, on the same build and database: cached article page
// throughput. Both servers run at once and are loaded in alternating short slices, so a
// change in machine load (this machine is shared) hits both alike; a run's figure is the
// sum over its slices; medians of RUNS runs. Target: < 5 % slower.
import net from "node:net";
import os from "node:os";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { prepareBench, startServer, type ServeVia } from "./server";

const RUNS = Number(process.env.BENCH_RUNS || 3);
const SLICES = Number(process.env.BENCH_SLICES || 4);
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS || 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const PORT = Number(process.env.BENCH_PORT || 3200);
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A port the OS says is free (the second server must not take another bench's fixed port). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon({ url, duration: seconds, connections: CONNECTIONS, headers: { "user-agent": UA } }, (err, r) => (err ? reject(err) : resolve(r))),
  );
}

async function main() {
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, node ${process.version}`);
  console.log(`runs: ${RUNS}, each ${SLICES} alternating slices of ${SLICE_SECONDS}s per server, ${CONNECTIONS} connections\n`);
  await prepareBench(PORT);
  const db = new Database("data/bench/portal.db", { readonly: true });
  const article = db.prepare(`SELECT a.id, s.path FROM Article a JOIN Section s ON s.id = a.sectionId WHERE a.title LIKE '上下一盘棋%'`).get() as { id: number; path: string };
  db.close();
  const path = `/${article.path}/${article.id}`;
  const servers = {
    "next-start": await startServer(PORT, "next-start"),
    serve: await startServer(await freePort(), "serve"),
  } satisfies Record<ServeVia, unknown>;
  const label: Record<ServeVia, string> = { "next-start": "next start", serve: "npm start server" };
  try {
    for (const via of Object.keys(servers) as ServeVia[]) {
      const url = servers[via].url + path;
      // Render (or regenerate a stale page) first: what is measured must be an ISR cache HIT.
      let cache: string | null = null;
      for (let i = 0; i < 40 && cache !== "HIT"; i++) {
        if (i) await new Promise((r) => setTimeout(r, 500));
        cache = (await fetch(url)).headers.get("x-nextjs-cache");
      }
      if (cache !== "HIT") throw new Error(`${via}: expected a cache HIT, got ${cache}`);
      await load(url, 3); // warm-up
    }
    const rates: Record<ServeVia, number[]> = { "next-start": [], serve: [] };
    for (let run = 0; run < RUNS; run++) {
      const totals: Record<ServeVia, { requests: number; seconds: number }> = { "next-start": { requests: 0, seconds: 0 }, serve: { requests: 0, seconds: 0 } };
      for (let i = 0; i < SLICES; i++) {
        const order: ServeVia[] = (run + i) % 2 ? ["serve", "next-start"] : ["next-start", "serve"];
        for (const via of order) {
          const r = await load(servers[via].url + path, SLICE_SECONDS);
          if (r.non2xx || r.errors) throw new Error(`${via}: ${r.non2xx} non-2xx, ${r.errors} errors`);
          totals[via].requests += r.requests.total;
          totals[via].seconds += r.duration;
        }
      }
      for (const via of Object.keys(totals) as ServeVia[]) rates[via].push(totals[via].requests / totals[via].seconds);
      console.log(`run ${run + 1}: ${label["next-start"]} ${rates["next-start"][run].toFixed(0)} req/s | ${label.serve} ${rates.serve[run].toFixed(0)} req/s`);
    }
    const cost = 1 - median(rates.serve) / median(rates["next-start"]);
    console.log(`\nmedians (${path}): next start ${median(rates["next-start"]).toFixed(0)} req/s, npm start server ${median(rates.serve).toFixed(0)} req/s → cost ${(cost * 100).toFixed(1)} %`);
    if (cost >= 0.05) process.exitCode = 1;
  } finally {
    for (const s of Object.values(servers)) await s.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
