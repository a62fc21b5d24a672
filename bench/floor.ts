// The framework's own floor: a minimal Next.js app built with this project's `next` (a symlink to our node_modules),
// whose one static page serves as many HTML bytes as the page it stands beside, of text that compresses alike. Both benches (npm run bench,
// npm run bench:lighthouse) compare the portal with it in the same run, so machine load cancels out.
//
// A floor process that has only ever served its prerendered page has never run a render or a route handler, so
// Node 20's AsyncLocalStorage has not switched on its async_hooks yet; every real server has (one ISR render,
// one beacon, one cron tick is enough) and pays a promise hook on every promise from then on. `warm: true`
// starts the floor and sends one request to its do-nothing route handler first: the floor in the state every
// server that has rendered anything is in. Node 24 (AsyncContextFrame; Node 22 behind --experimental-async-context-frame)
// propagates the store without that hook.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitUntilUp } from "./wait-until-up";

const DEFAULT_CORPUS =
  "为深入贯彻落实全市高质量发展大会精神，市局召开专题会议，研究部署下一阶段重点工作。会议强调，要坚持问题导向，聚焦群众急难愁盼，细化任务清单，压实工作责任，确保各项措施落地见效。";

/**
 * Text that compresses like the page's own: characters drawn (seeded, so every build is the same) from
 * the corpus's own distribution. A repeated paragraph would gzip to a fraction of a real page's bytes.
 */
function paragraphsOf(corpus: string, textBytes: number): string[] {
  const chars = [...corpus.replace(/\s+/g, "")];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < textBytes) {
    let p = "";
    for (let i = 0; i < 80; i++) p += chars[Math.floor(next() * chars.length)];
    paragraphs.push(p);
    bytes += Buffer.byteLength(p);
  }
  return paragraphs;
}

/**
 * Where the floor's page lives. "static": app/page.jsx, prerendered at build (what Next serves fastest).
 * "isr-path": app/[...path]/page.jsx with the article route's own shape (a catch-all, revalidate 3600, no
 * params at build, rendered on its first request and then an ISR cache HIT): what the framework itself
 * costs for a page at a URL like /topics/congress-19/46, before any of this project's code.
 */
export type FloorShape = "static" | "isr-path";
/** The URL path the isr-path floor is requested at (same depth as the bench article). */
export const ISR_FLOOR_PATH = "/topics/congress-19/46";

function writeApp(dir: string, textBytes: number, corpus: string, shape: FloorShape = "static"): void {
  fs.mkdirSync(path.join(dir, "app"), { recursive: true });
  const paragraphs = paragraphsOf(corpus, textBytes);
  fs.writeFileSync(path.join(dir, "content.json"), JSON.stringify(paragraphs));
  // Plain JSX: no TypeScript setup for Next to write into the folder.
  fs.writeFileSync(
    path.join(dir, "app", "layout.jsx"),
    `export const metadata = { title: "floor" };
export const viewport = { width: "device-width", initialScale: 1 };
export default function RootLayout({ children }) {
  return <html lang="zh-CN"><body>{children}</body></html>;
}
`,
  );
  const pageDir = shape === "static" ? path.join(dir, "app") : path.join(dir, "app", "[...path]");
  fs.mkdirSync(pageDir, { recursive: true });
  fs.writeFileSync(
    path.join(pageDir, "page.jsx"),
    `import paragraphs from "${shape === "static" ? "../content.json" : "../../content.json"}";
${shape === "static" ? "" : "export const revalidate = 3600;\nexport const dynamicParams = true;\nexport function generateStaticParams() { return []; }\n"}export default function Page() {
  return <main><h1>上下一盘棋 全市一体推进</h1>{paragraphs.map((p, i) => <p key={i}>{p}</p>)}</main>;
}
`,
  );
  // Requested once by a warm floor (see the top of this file); never by the page measured.
  fs.mkdirSync(path.join(dir, "app", "api", "warm"), { recursive: true });
  fs.writeFileSync(path.join(dir, "app", "api", "warm", "route.js"), `export const dynamic = "force-dynamic";\nexport async function GET() {\n  return new Response(null, { status: 204 });\n}\n`);
  fs.writeFileSync(
    path.join(dir, "next.config.mjs"),
    `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(path.parse(dir).root)} } };\n`,
  );
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "next-floor", private: true, type: "module" }));
}

function build(dir: string): void {
  const r = spawnSync(path.join(dir, "node_modules", ".bin", "next"), ["build"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: "" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`floor build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Size of the prerendered page: what `next start` serves (before compression). */
function builtHtmlBytes(dir: string): number {
  return fs.statSync(path.join(dir, ".next", "server", "app", "index.html")).size;
}

/** The plain text of an article in the bench database: the floor's text is drawn from it. */
export function articleText(db: { prepare(sql: string): { pluck(): { get(...args: unknown[]): unknown } } }, id: number): string {
  const html = String(db.prepare("SELECT bodyHtml FROM Article WHERE id = ?").pluck().get(id) ?? "");
  return html.replace(/<[^>]*>/g, "");
}

export interface Floor {
  url: string;
  htmlBytes: number;
  /** The floor app's folder (its build is kept there). */
  dir: string;
  stop: () => Promise<void>;
}

/**
 * Builds (once per size, kept under the OS temp folder) and starts the floor app with `next start`.
 * The page's text is sized so the served HTML matches `htmlBytes` within a few percent: it appears
 * twice, as HTML and in the inlined RSC payload, so one correcting rebuild is usually needed.
 */
export async function startFloor(opts: { htmlBytes: number; port: number; corpus?: string; projectDir?: string; warm?: boolean; shape?: FloorShape }): Promise<Floor> {
  const projectDir = opts.projectDir ?? process.cwd();
  const corpus = opts.corpus || DEFAULT_CORPUS;
  const shape = opts.shape ?? "static";
  const nextVersion = JSON.parse(fs.readFileSync(path.join(projectDir, "node_modules", "next", "package.json"), "utf8")).version as string;
  const corpusHash = createHash("sha256").update(corpus).digest("hex").slice(0, 8);
  const dirOf = (s: FloorShape) => path.join(os.tmpdir(), `next-floor-v2-${nextVersion}-${opts.htmlBytes}-${corpusHash}${s === "static" ? "" : "-" + s}`);
  const staticDir = dirOf("static");
  const fresh = (dir: string) => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(path.join(projectDir, "node_modules"), path.join(dir, "node_modules"), "dir");
  };
  // The text size is found on the static build (its prerendered file tells the size without serving it).
  if (!fs.existsSync(path.join(staticDir, ".next", "BUILD_ID")) || !fs.existsSync(path.join(staticDir, "text-bytes"))) {
    fresh(staticDir);
    let text = Math.max(0, Math.round((opts.htmlBytes - 6000) / 2));
    for (let attempt = 0; attempt < 3; attempt++) {
      writeApp(staticDir, text, corpus);
      build(staticDir);
      const got = builtHtmlBytes(staticDir);
      if (Math.abs(got - opts.htmlBytes) / opts.htmlBytes < 0.03) break;
      text = Math.max(0, text + Math.round((opts.htmlBytes - got) / 2));
    }
    fs.writeFileSync(path.join(staticDir, "text-bytes"), String(text));
  }
  const dir = dirOf(shape);
  // The ISR floor serves the same paragraphs from the article's route shape.
  if (shape !== "static" && !fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    fresh(dir);
    writeApp(dir, Number(fs.readFileSync(path.join(staticDir, "text-bytes"), "utf8")), corpus, shape);
    build(dir);
  }
  let htmlBytes = builtHtmlBytes(staticDir);
  const server: ChildProcess = spawn(path.join(dir, "node_modules", ".bin", "next"), ["start", "-p", String(opts.port)], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    detached: true,
  });
  const origin = `http://localhost:${opts.port}`;
  const url = shape === "static" ? `${origin}/` : origin + ISR_FLOOR_PATH;
  // Polling a static page leaves the static floor unwarmed (see the top of this file); the ISR floor's first
  // request renders, which switches the async hooks on whatever is asked first.
  await waitUntilUp(url);
  if (opts.warm) {
    const res = await fetch(`${origin}/api/warm`);
    if (res.status !== 204) throw new Error(`floor warm-up: /api/warm answered ${res.status}`);
  }
  if (shape !== "static") {
    // The first request renders and caches the page; every measured one is a HIT, like the article's.
    await fetch(url);
    const res = await fetch(url);
    if (res.headers.get("x-nextjs-cache") !== "HIT") throw new Error(`ISR floor: second request not a cache HIT (${res.headers.get("x-nextjs-cache")})`);
    htmlBytes = Buffer.byteLength(await res.text());
  }
  return {
    url,
    htmlBytes,
    dir,
    stop: async () => {
      if (server.exitCode !== null) return;
      process.kill(-server.pid!, "SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}

// Run directly to try it: tsx bench/floor.ts [htmlBytes] [port]
if (process.argv[1]?.endsWith("floor.ts")) {
  const [bytes = "40000", port = "3349"] = process.argv.slice(2);
  startFloor({ htmlBytes: Number(bytes), port: Number(port) }).then(async (f) => {
    const res = await fetch(f.url);
    console.log(`floor ${f.url}: ${f.htmlBytes} B built, ${(await res.text()).length} chars served, x-nextjs-cache ${res.headers.get("x-nextjs-cache")}`);
    await f.stop();
  });
}
