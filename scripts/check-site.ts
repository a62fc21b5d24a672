// npm run check:site [-- --url http://localhost:3000] [--quick]
// Runs the 网站健康检查 against a running site (pages over HTTP) and its
// database (DATABASE_URL, as everywhere), prints the report, and exits 1 when
// any single-veto item fails — for an operator's cron or a CI job.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

/** The server signs fingerprints with the key in its environment or .env.local; the checker must use the same one. */
function loadSecretFromLocalEnv(): void {
  if (process.env.INTEGRITY_SECRET || process.env.NEXTAUTH_SECRET) return;
  const file = path.join(process.cwd(), ".env.local");
  if (!fs.existsSync(file)) return;
  for (const m of fs.readFileSync(file, "utf8").matchAll(/^(INTEGRITY_SECRET|NEXTAUTH_SECRET)=(.+)$/gm)) process.env[m[1]] ??= m[2].trim();
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: "string" }, quick: { type: "boolean", default: false } } });
  const url = values.url ?? `http://localhost:${process.env.PORT || 3000}`;
  loadSecretFromLocalEnv();
  if (!process.env.INTEGRITY_SECRET && !process.env.NEXTAUTH_SECRET) {
    console.error("check:site: INTEGRITY_SECRET or NEXTAUTH_SECRET is needed (the key the site signs its content with)");
    return 2;
  }
  const { runInspection } = await import("../lib/integrity/inspection/run");
  const { reportText } = await import("../lib/integrity/inspection/report-text");
  const { db } = await import("../lib/db");
  const outcome = await runInspection({ trigger: "cli", scope: values.quick ? "quick" : "full", baseUrl: url });
  console.log(reportText(outcome.report, outcome.verdict, outcome.vetoFailures));
  await db.$disconnect();
  return outcome.vetoFailures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
