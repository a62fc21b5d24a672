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

function writeApp(dir: string, textBytes: number, corpus: string): void {
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
  fs.writeFileSync(
    path.join(dir, "app", "page.jsx"),
    `import paragraphs from "../content.json";
export default function Page() {
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
  stop: () => Promise<void>;
}

/**
 * Builds (once per size, kept under the OS temp folder) and starts the floor app with `next start`.
 * The page's text is sized so the served HTML matches `htmlBytes` within a few percent: it appears
 * twice, as HTML and in the inlined RSC payload, so one correcting rebuild is usually needed.
 */
export async function startFloor(opts: { htmlBytes: number; port: number; corpus?: string; projectDir?: string; warm?: boolean }): Promise<Floor> {
  const projectDir = opts.projectDir ?? process.cwd();
  const corpus = opts.corpus || DEFAULT_CORPUS;
  const nextVersion = JSON.parse(fs.readFileSync(path.join(projectDir, "node_modules", "next", "package.json"), "utf8")).version as string;
  const corpusHash = createHash("sha256").update(corpus).digest("hex").slice(0, 8);
  const dir = path.join(os.tmpdir(), `next-floor-v2-${nextVersion}-${opts.htmlBytes}-${corpusHash}`);
  if (!fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(path.join(projectDir, "node_modules"), path.join(dir, "node_modules"), "dir");
    let text = Math.max(0, Math.round((opts.htmlBytes - 6000) / 2));
    for (let attempt = 0; attempt < 3; attempt++) {
      writeApp(dir, text, corpus);
      build(dir);
      const got = builtHtmlBytes(dir);
      if (Math.abs(got - opts.htmlBytes) / opts.htmlBytes < 0.03) break;
      text = Math.max(0, text + Math.round((opts.htmlBytes - got) / 2));
    }
  }
  const htmlBytes = builtHtmlBytes(dir);
  const server: ChildProcess = spawn(path.join(dir, "node_modules", ".bin", "next"), ["start", "-p", String(opts.port)], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    detached: true,
  });
  const url = `http://localhost:${opts.port}/`;
  await waitUntilUp(url);
  if (opts.warm) {
    const res = await fetch(`${url}api/warm`);
    if (res.status !== 204) throw new Error(`floor warm-up: /api/warm answered ${res.status}`);
  }
  return {
    url,
    htmlBytes,
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
