// Migrates the database and seeds the demo site when it is empty.
import { migrateDatabase } from "../lib/db/migrate";
import { databaseKind, databaseUrl, sqliteFilePath } from "../lib/db/url";

export async function prepareDatabase(): Promise<void> {
  const url = databaseUrl();
  const where = databaseKind(url) === "sqlite" ? sqliteFilePath(url) : url.replace(/:[^:@/]*@/, ":***@");
  const { applied, alreadyApplied } = await migrateDatabase(url);
  console.log(`[db] ${where}: ${applied.length} migration(s) applied${applied.length ? ` (${applied.join(", ")})` : ""}, ${alreadyApplied} already applied`);

  const { seedDemoContent } = await import("../lib/seed/seed");
  const { db } = await import("../lib/db");
  const { ensureFirstAdmin } = await import("../lib/auth/bootstrap");
  const seed = await seedDemoContent();
  await ensureFirstAdmin();
  console.log(seed.seeded ? `[db] demo content seeded: ${seed.articles} articles` : `[db] existing content kept (${seed.articles} articles)`);
  if (seed.seeded) {
    // The demo was written by the seed, not the CMS: sign it as the tamper-detection baseline.
    const { ensureLocalSecret } = await import("./local-env");
    const { fingerprintEverything } = await import("../lib/integrity/fingerprint/store");
    ensureLocalSecret();
    console.log(`[db] content fingerprints signed: ${await fingerprintEverything()}`);
  }
  // A migration that recreates the search table leaves it empty; rebuild it from the live content.
  const { indexNeedsRebuild, rebuildIndex } = await import("../lib/search/index");
  if (await indexNeedsRebuild()) console.log(`[db] search index rebuilt: ${await rebuildIndex()} documents`);
  await db.$disconnect();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
