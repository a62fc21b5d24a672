// npm run bench:words — the content policy matcher with a 10,000-word list against the longest demo article:
// compile time, then per-scan time (normalisation + Aho-Corasick + hit mapping) over BENCH_RUNS scans (default 2,000).
// Also the same list over a 100,000-character text, for scale. Target from issue 13: a scan under 5 ms.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { htmlToText } from "../lib/content/sanitize";
import { DEFAULT_WORD_LIST } from "../lib/integrity/words/default-list";
import { compileWordList, type WordEntry } from "../lib/integrity/words/matcher";
import { normalizeText } from "../lib/integrity/words/normalize";
import { demoArticles, seedArticle } from "../lib/seed/demo-articles";

const WORDS = Number(process.env.BENCH_WORDS || 10_000);
const RUNS = Number(process.env.BENCH_RUNS || 2_000);

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same list. */
function lcg(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Generated terms are drawn from the characters of the articles themselves, so
// the automaton walks deep on real text instead of failing on the first character.
function generatedList(sample: string, n: number): WordEntry[] {
  const chars = Array.from(new Set(Array.from(sample).filter((c) => /\p{Script=Han}/u.test(c))));
  const rnd = lcg(42);
  const out: WordEntry[] = [...DEFAULT_WORD_LIST];
  const seen = new Set(out.map((e) => e.word));
  const categories = ["gambling", "porn", "fraud", "ads"] as const;
  while (out.length < n) {
    const len = 2 + Math.floor(rnd() * 5);
    let w = "";
    for (let i = 0; i < len; i++) w += chars[Math.floor(rnd() * chars.length)];
    if (seen.has(w)) continue;
    seen.add(w);
    out.push({ word: w, category: categories[Math.floor(rnd() * categories.length)] });
  }
  return out;
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Wall-clock percentiles per scan, and CPU time per scan (less disturbed by other processes on a shared machine). */
function time(label: string, text: string, scan: (t: string) => unknown, runs: number) {
  for (let i = 0; i < 50; i++) scan(text); // warm-up: JIT and OpenCC's lazy dictionaries
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    scan(text);
    ms.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  console.log(
    `${label.padEnd(30)} p50 ${pct(ms, 50).toFixed(3)} ms  p95 ${pct(ms, 95).toFixed(3)} ms  p99 ${pct(ms, 99).toFixed(3)} ms  cpu ${cpuMs.toFixed(3)} ms/scan`,
  );
  return { p50: pct(ms, 50), p95: pct(ms, 95), cpuMs };
}

const articles = [...demoArticles, seedArticle].map((a) => ({ title: a.title, text: `${a.title}\n${a.summary}\n${htmlToText(a.bodyHtml)}` }));
const longest = articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const list = generatedList(articles.map((a) => a.text).join(""), WORDS);

console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
console.log(`list: ${list.length} words (${DEFAULT_WORD_LIST.length} default + generated from the articles' own characters)`);
console.log(`longest demo article: “${longest.title}”, ${longest.text.length} characters`);

const t0 = performance.now();
const matcher = compileWordList(list);
console.log(`compile: ${(performance.now() - t0).toFixed(1)} ms (${matcher.size} patterns)`);
console.log(`hits in the longest article with the generated list: ${matcher.scan(longest.text).length}`);
const long = Array.from({ length: Math.ceil(100_000 / longest.text.length) }, () => longest.text).join("\n").slice(0, 100_000);

const r = time("scan, longest demo article", longest.text, (t) => matcher.scan(t), RUNS);
time("  of which normalisation", longest.text, (t) => normalizeText(t), RUNS);
time("scan, 100,000 characters", long, (t) => matcher.scan(t), Math.max(20, Math.floor(RUNS / 20)));
// The median and the CPU time judge: on a shared 2-core machine the wall-clock tail measures the neighbours.
const ok = r.p50 < 5 && r.cpuMs < 5;
console.log(`${ok ? "OK" : "SLOW"}: longest demo article, 10,000 words: median ${r.p50.toFixed(3)} ms, ${r.cpuMs.toFixed(3)} ms CPU per scan (target < 5 ms)`);
if (!ok) process.exitCode = 1;
