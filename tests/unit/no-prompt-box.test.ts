import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Reasons, comments, notes, scheduled times and link addresses are asked for
 * in accessible dialogs (components/admin/TextDialog.tsx), never with the
 * browser's prompt box — which has no label, no validation message and loses
 * the text on a refusal. ESLint forbids it too (eslint.config.mjs); this also
 * catches the forms a lint rule misses (window["prompt"], a local alias).
 */
const ROOT = path.resolve(__dirname, "../..");
const DIRS = ["app", "components", "lib", "proxy.ts"];
const PROMPT = /(?:\b(?:window|globalThis|self)\s*(?:\.\s*|\[\s*["'`])prompt\b)|(?:(?<![.\w$])prompt\s*\()/;

function sources(p: string): string[] {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return /\.(?:ts|tsx|js|mjs)$/.test(full) ? [full] : [];
  if (full.includes(`${path.sep}generated`)) return [];
  return fs.readdirSync(full).flatMap((name) => sources(path.join(p, name)));
}

describe("no browser prompt box", () => {
  it("the pattern finds what it is meant to find", () => {
    for (const bad of ['window.prompt("原因")', "const r = prompt('x')", 'window["prompt"]("x")', "globalThis.prompt()"]) expect(PROMPT.test(bad), bad).toBe(true);
    for (const ok of ["setPrompt(1)", "a.prompt(x)", "// the prompt is gone", "promptText"]) expect(PROMPT.test(ok), ok).toBe(false);
  });

  it("no source file calls prompt()", () => {
    const files = DIRS.flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => PROMPT.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
