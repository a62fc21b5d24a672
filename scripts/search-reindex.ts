// npm run search:reindex — rebuilds the full-text index of DATABASE_URL from the live articles and static pages.
import { db } from "../lib/db";
import { rebuildIndex } from "../lib/search/index";

// A one-line bar on stderr; ten lines of code do not justify a dependency.
function bar(done: number, total: number): void {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
}

const started = Date.now();
rebuildIndex(bar)
  .then(async (n) => {
    process.stderr.write("\n");
    console.log(`indexed ${n} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await db.$disconnect();
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
