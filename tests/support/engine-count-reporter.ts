import type { Reporter, TestModule } from "vitest/node";

/** After the run: how many tests passed, failed and were skipped per project (unit, sqlite, postgres). */
export default class EngineCountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, { files: number; passed: number; failed: number; skipped: number }>();
    for (const m of modules) {
      const name = m.project.name || "default";
      const c = byProject.get(name) ?? byProject.set(name, { files: 0, passed: 0, failed: 0, skipped: 0 }).get(name)!;
      c.files++;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") c.passed++;
        else if (state === "failed") c.failed++;
        else c.skipped++;
      }
    }
    const lines = [...byProject].map(([name, c]) => `[test] ${name.padEnd(9)} ${c.files} files, ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    if (!byProject.has("postgres") && byProject.has("sqlite")) lines.push("[test] postgres  not run (see the warning above: set TEST_POSTGRES_URL)");
    console.log(`\nTests per engine:\n${lines.join("\n")}`);
  }
}
