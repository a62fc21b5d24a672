// npm run bench — page-view counting under load (issue: page views and statistics).
//   (a) cached article page throughput, without and with the view beacon each page view sends;
//   (b) view beacons per second recorded on SQLite over HTTP, comparing the database total with what was sent,
//       beside the framework's own floor (a route that does nothing: 405 on GET /api/views);
//   (c) the recording pipeline alone (filters, dedup, buffer, batched SQLite writes), without HTTP.
//   (d) the cached article under bare `next start` beside the framework floor (bench/floor.ts), same run: the floor
//       as built (a process that never rendered anything) and the same floor warmed by one request to a route
//       handler (AsyncLocalStorage's async_hooks on, as in every server that has rendered once; see bench/floor.ts).
// Medians of RUNS runs side by side in one process; machine facts printed first.
import os from "node:os";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { startBenchServer, startServer } from "./server";
import { articleText, startFloor, ISR_FLOOR_PATH } from "./floor";
import { recordingPipelineRate } from "./pipeline";

const RUNS = Number(process.env.BENCH_RUNS || 3);
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const PORT = Number(process.env.BENCH_PORT || 3200);
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon({ duration: SECONDS, connections: CONNECTIONS, ...opts }, (err, res) => (err ? reject(err) : resolve(res))));
}

async function main() {
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`runs: ${RUNS} × ${SECONDS}s, ${CONNECTIONS} connections\n`);
  const server = await startBenchServer(PORT);
  const db = new Database("data/bench/portal.db", { readonly: true });
  // (d) the same build under bare `next start`, beside the framework's floor of the same HTML size.
  const bare = await startServer(PORT + 1, "next-start");
  let floorApp: Awaited<ReturnType<typeof startFloor>> | undefined;
  let warmFloor: Awaited<ReturnType<typeof startFloor>> | undefined;
  let isrFloor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    const article = db.prepare(`SELECT a.id, s.path FROM Article a JOIN Section s ON s.id = a.sectionId WHERE a.title LIKE '上下一盘棋%'`).get() as { id: number; path: string };
    const pageUrl = `${server.url}/${article.path}/${article.id}`;
    await fetch(pageUrl); // render once: every request below is an ISR cache HIT
    const hit = (await fetch(pageUrl)).headers.get("x-nextjs-cache");
    console.log(`article page ${pageUrl} → x-nextjs-cache: ${hit}\n`);

    const beacon = { method: "POST" as const, path: "/api/views", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", "user-agent": UA }, body: JSON.stringify({ articleId: article.id, path: `/${article.path}/${article.id}` }) };
    const page = { method: "GET" as const, path: `/${article.path}/${article.id}`, headers: { "user-agent": UA } };
    const views = () => (db.prepare(`SELECT views FROM ArticleViewCount WHERE articleId = ?`).pluck().get(article.id) as number | undefined) ?? 0;

    const articleHtml = Buffer.byteLength(await (await fetch(`${bare.url}/${article.path}/${article.id}`)).text());
    floorApp = await startFloor({ htmlBytes: articleHtml, port: PORT + 9, corpus: articleText(db, article.id) });
    warmFloor = await startFloor({ htmlBytes: articleHtml, port: PORT + 8, corpus: articleText(db, article.id), warm: true });
    isrFloor = await startFloor({ htmlBytes: articleHtml, port: PORT + 7, corpus: articleText(db, article.id), shape: "isr-path" });
    console.log(`bare next start ${bare.url}, article HTML ${articleHtml} B; floor page ${floorApp.htmlBytes} B (${floorApp.url}; warmed: ${warmFloor.url}); ISR catch-all floor ${isrFloor.htmlBytes} B (${isrFloor.url})\n`);
    // Untimed warm-up of every server measured below (JIT, connection pools, caches): otherwise run 1 measures
    // a cold process against warm ones.
    for (const u of [`${bare.url}/${article.path}/${article.id}`, floorApp.url, warmFloor.url, isrFloor.url]) await run({ url: u, headers: { "user-agent": UA }, duration: 3 });

    const plain: number[] = [];
    const bareArticle: number[] = [];
    const floorPage: number[] = [];
    const floorRatio: number[] = [];
    const warmPage: number[] = [];
    const warmRatio: number[] = [];
    const isrPage: number[] = [];
    const isrRatio: number[] = [];
    const tracked: number[] = [];
    const beacons: number[] = [];
    const floor: number[] = [];
    const lost: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await run({ url: server.url, requests: [page] });
      plain.push(a.requests.average);
      // Each page view followed by its beacon, as a browser does: page views/s = requests/s ÷ 2.
      const b = await run({ url: server.url, requests: [page, beacon] });
      tracked.push(b.requests.average / 2);
      // Back to back, in alternating order, so a load change on this shared machine hits both alike; the ratio is per pair.
      const bareRun = () => run({ url: bare.url, requests: [page] });
      const floorRun = () => run({ url: floorApp!.url, headers: { "user-agent": UA } });
      const warmRun = () => run({ url: warmFloor!.url, headers: { "user-agent": UA } });
      const isrRun = () => run({ url: isrFloor!.url, headers: { "user-agent": UA } });
      let d1: autocannon.Result, d2: autocannon.Result, d3: autocannon.Result, d4: autocannon.Result;
      if (i % 2 === 0) {
        d1 = await bareRun();
        d2 = await floorRun();
        d3 = await warmRun();
        d4 = await isrRun();
      } else {
        d4 = await isrRun();
        d3 = await warmRun();
        d2 = await floorRun();
        d1 = await bareRun();
      }
      isrPage.push(d4.requests.average);
      isrRatio.push(d1.requests.average / d4.requests.average);
      bareArticle.push(d1.requests.average);
      floorPage.push(d2.requests.average);
      floorRatio.push(d1.requests.average / d2.requests.average);
      warmPage.push(d3.requests.average);
      warmRatio.push(d1.requests.average / d3.requests.average);
      console.log(
        `run ${i + 1}: bare next start article ${d1.requests.average.toFixed(0)} req/s (${d1.non2xx} non-2xx) | floor page ${d2.requests.average.toFixed(0)} req/s → ${(d1.requests.average / d2.requests.average).toFixed(2)}× | warmed floor ${d3.requests.average.toFixed(0)} req/s → ${(d1.requests.average / d3.requests.average).toFixed(2)}× | ISR catch-all floor ${d4.requests.average.toFixed(0)} req/s → ${(d1.requests.average / d4.requests.average).toFixed(2)}× [load ${os.loadavg()[0].toFixed(2)}]`,
      );
      const f = await run({ url: `${server.url}/api/views` });
      floor.push(f.requests.average);
      // Beacons alone, every one a new visitor (no cookie): all must be counted.
      await new Promise((r) => setTimeout(r, 2500)); // earlier beacons flushed first
      const before = views();
      const c = await run({ url: server.url, requests: [beacon] });
      await new Promise((r) => setTimeout(r, 2500)); // the buffer flushes every second
      const sent = c.requests.sent; // includes the requests still in flight when the timer stopped
      const ok = c["2xx"];
      const counted = views() - before;
      beacons.push(counted / SECONDS);
      lost.push(sent - counted);
      console.log(
        `run ${i + 1}: page ${a.requests.average.toFixed(0)} req/s | page+beacon ${(b.requests.average / 2).toFixed(0)} views/s | empty route ${f.requests.average.toFixed(0)} req/s | beacons ${sent} sent (${ok} answered 2xx in time), ${counted} counted, ${c.non2xx} non-2xx, ${(counted / SECONDS).toFixed(0)} counted/s`,
      );
    }
    console.log("\nmedians:");
    console.log(`  (a) cached article page: ${median(plain).toFixed(0)} req/s without tracking, ${median(tracked).toFixed(0)} page views/s with the beacon (page + beacon each)`);
    console.log(`      ratio with/without: ${(median(tracked) / median(plain)).toFixed(2)}`);
    console.log(`  (b) counted views/s over HTTP on SQLite: ${median(beacons).toFixed(0)} (lost = sent − counted, per run: ${lost.join(", ")})`);
    console.log(`      Next.js floor on this machine, a route that does nothing: ${median(floor).toFixed(0)} req/s → beacon/floor ${(median(beacons) / median(floor)).toFixed(2)}`);
    console.log(`  (d) bare \`next start\` article ${median(bareArticle).toFixed(0)} req/s vs the floor (minimal Next page of the same HTML size, same next) ${median(floorPage).toFixed(0)} req/s → median of the per-run ratios ${median(floorRatio).toFixed(2)}× (target ≥ 0.8×)`);
    console.log(`      the same floor warmed by one route-handler request (async hooks on, like any server that has rendered): ${median(warmPage).toFixed(0)} req/s → ${median(warmRatio).toFixed(2)}×`);
    console.log(`      the floor page at the article's route shape (${ISR_FLOOR_PATH}: catch-all, ISR, a cache HIT): ${median(isrPage).toFixed(0)} req/s → ${median(isrRatio).toFixed(2)}× (static floor → ISR floor: ${(median(isrPage) / median(floorPage)).toFixed(2)}×, what the route shape alone costs)`);
    const pipeline = [];
    for (let i = 0; i < RUNS; i++) pipeline.push(await recordingPipelineRate(article.id));
    console.log(`  (c) recording pipeline alone (no HTTP): ${median(pipeline).toFixed(0)} views/s counted (runs: ${pipeline.map((x) => x.toFixed(0)).join(", ")})`);
  } finally {
    db.close();
    await floorApp?.stop();
    await warmFloor?.stop();
    await isrFloor?.stop();
    await bare.stop();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
