// The framework's floor for a page's own markup: a minimal Next.js app (built with this project's `next`, like
// bench/floor.ts) whose one static page renders the same elements, text, attributes and stylesheet as a page of
// the portal — as plain server-rendered elements, with no client component and no script of our own. React still
// hydrates every one of those elements: what that costs a phone is what App Router itself imposes on a page with
// this much markup, before any of the portal's own JavaScript. Pictures point back at the portal's server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import { waitUntilUp } from "./wait-until-up";

type Node = string | [tag: string, props: Record<string, string | boolean>, children: Node[]];

/** HTML attribute names that React spells differently. */
const PROP_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  srcset: "srcSet",
  imagesrcset: "imageSrcSet",
  fetchpriority: "fetchPriority",
  datetime: "dateTime",
  maxlength: "maxLength",
  autocomplete: "autoComplete",
  colspan: "colSpan",
  rowspan: "rowSpan",
  readonly: "readOnly",
  crossorigin: "crossOrigin",
  referrerpolicy: "referrerPolicy",
  enctype: "encType",
  value: "defaultValue",
  checked: "defaultChecked",
  selected: "defaultSelected",
};
const BOOLEAN = new Set(["hidden", "disabled", "required", "readonly", "checked", "selected", "multiple", "novalidate", "open"]);
const SKIP = new Set(["script", "noscript", "template", "link", "style"]);

function toTree(nodes: ChildNode[], origin: string): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (n.type === "text") {
      if (n.data) out.push(n.data);
      continue;
    }
    if (n.type !== "tag") continue;
    const el = n as Element;
    if (SKIP.has(el.name)) continue;
    const props: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(el.attribs)) {
      if (k === "style" || k.startsWith("on")) continue;
      let value: string | boolean = BOOLEAN.has(k) ? true : v;
      // Pictures are the portal's: load them from its server.
      if ((k === "src" || k === "srcset") && typeof value === "string") value = value.replace(/(^|, )\//g, `$1${origin}/`);
      props[PROP_NAMES[k] ?? k] = value;
    }
    out.push([el.name, props, toTree(el.children, origin)]);
  }
  return out;
}

export interface DomFloor {
  url: string;
  stop: () => Promise<void>;
}

/** Builds (kept under the OS temp folder, per page markup) and starts the floor for the page at `pageUrl`. */
export async function startDomFloor(opts: { pageUrl: string; port: number; projectDir?: string }): Promise<DomFloor> {
  const projectDir = opts.projectDir ?? process.cwd();
  const page = await (await fetch(opts.pageUrl)).text();
  const origin = new URL(opts.pageUrl).origin;
  const doc = parseDocument(page);
  const find = (nodes: ChildNode[], name: string): Element | undefined => {
    for (const n of nodes) {
      if (n.type !== "tag") continue;
      if ((n as Element).name === name) return n as Element;
      const hit = find((n as Element).children, name);
      if (hit) return hit;
    }
  };
  const body = find(doc.children, "body");
  if (!body) throw new Error(`dom floor: no <body> in ${opts.pageUrl}`);
  const css: string[] = [];
  for (const m of page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) css.push(await (await fetch(origin + m[1])).text());
  const tree = toTree(body.children, origin);

  const nextVersion = JSON.parse(fs.readFileSync(path.join(projectDir, "node_modules", "next", "package.json"), "utf8")).version as string;
  const hash = createHash("sha256").update(JSON.stringify(tree)).update(css.join("")).digest("hex").slice(0, 10);
  const dir = path.join(os.tmpdir(), `next-dom-floor-${nextVersion}-${hash}`);
  if (!fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, "app"), { recursive: true });
    fs.symlinkSync(path.join(projectDir, "node_modules"), path.join(dir, "node_modules"), "dir");
    fs.writeFileSync(path.join(dir, "app", "tree.json"), JSON.stringify(tree));
    fs.writeFileSync(path.join(dir, "app", "site.css"), css.join("\n"));
    fs.writeFileSync(
      path.join(dir, "app", "layout.jsx"),
      `import "./site.css";
export const metadata = { title: "dom floor" };
export const viewport = { width: "device-width", initialScale: 1 };
export default function RootLayout({ children }) {
  return <html lang="zh-CN"><body>{children}</body></html>;
}
`,
    );
    fs.writeFileSync(
      path.join(dir, "app", "page.jsx"),
      `import { createElement } from "react";
import tree from "./tree.json";
const VOID = new Set(["img", "input", "br", "hr", "meta", "source", "wbr", "col", "area"]);
function render(node, key) {
  if (typeof node === "string") return node;
  const [tag, props, children] = node;
  return VOID.has(tag) ? createElement(tag, { ...props, key }) : createElement(tag, { ...props, key }, ...children.map(render));
}
export default function Page() {
  return tree.map(render);
}
`,
    );
    fs.writeFileSync(path.join(dir, "next.config.mjs"), `export default { poweredByHeader: false, images: { unoptimized: true }, turbopack: { root: ${JSON.stringify(path.parse(dir).root)} } };\n`);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "next-dom-floor", private: true, type: "module" }));
    const r = spawnSync(path.join(dir, "node_modules", ".bin", "next"), ["build"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: "" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`dom floor build failed:\n${r.stdout}\n${r.stderr}`);
  }
  const server: ChildProcess = spawn(path.join(dir, "node_modules", ".bin", "next"), ["start", "-p", String(opts.port)], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    detached: true,
  });
  const url = `http://localhost:${opts.port}/`;
  await waitUntilUp(url);
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return;
      process.kill(-server.pid!, "SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}

// Run directly to try it: tsx bench/dom-floor.ts <page URL> [port]
if (process.argv[1]?.endsWith("dom-floor.ts")) {
  const [pageUrl, port = "3348"] = process.argv.slice(2);
  startDomFloor({ pageUrl, port: Number(port) }).then(async (f) => {
    const html = await (await fetch(f.url)).text();
    console.log(`dom floor ${f.url}: ${html.length} chars, ${(html.match(/<[a-z]/g) ?? []).length} elements`);
    if (!process.env.KEEP) await f.stop();
  });
}
