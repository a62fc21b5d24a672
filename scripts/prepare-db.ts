// Migrates the database (SQLite file or PostgreSQL, from DATABASE_URL) and
// seeds it when it is empty: the demo site for the embedded default, only
// the skeleton of a real site otherwise (see lib/seed/skeleton.ts).
import { migrateDatabase } from "../lib/db/migrate";
import { databaseKind, sqliteFilePath } from "../lib/db/url";
import { assertEnv } from "../lib/env";

export async function prepareDatabase(): Promise<void> {
  const url = assertEnv().DATABASE_URL;
  const where = databaseKind(url) === "sqlite" ? sqliteFilePath(url) : url.replace(/:[^:@/]*@/, ":***@");
  const { applied, alreadyApplied } = await migrateDatabase(url);
  console.log(`[db] ${where}: ${applied.length} migration(s) applied${applied.length ? ` (${applied.join(", ")})` : ""}, ${alreadyApplied} already applied`);

  const { seedDatabase } = await import("../lib/seed/seed");
  const { db } = await import("../lib/db");
  const { ensureFirstAdmin } = await import("../lib/auth/bootstrap");
  const seed = await seedDatabase();
  await ensureFirstAdmin();
  if (seed.kind === "demo") console.log(`[db] demo content seeded: ${seed.articles} articles`);
  else if (seed.kind === "skeleton") console.log("[db] empty database: created the section skeleton and placeholder settings (no demo content) — sign in and fill in 网站设置");
  else console.log(`[db] existing content kept (${seed.articles} articles)`);
  if (seed.seeded) {
    // Written by the seed, not the CMS: sign it as the tamper-detection baseline.
    const { ensureLocalSecret } = await import("./local-env");
    const { fingerprintEverything } = await import("../lib/integrity/fingerprint/store");
    ensureLocalSecret();
    console.log(`[db] content fingerprints signed: ${await fingerprintEverything()}`);
  } else {
    // Without a signing key there is nothing to verify or re-sign; check:site says so itself.
    const { resignLegacyFooter } = await import("../lib/integrity/fingerprint/store");
    await resignLegacyFooter().then(
      (done) => done && console.log("[db] footer fingerprint re-signed in the new footer order (content unchanged)"),
      (err: Error) => console.warn(`[db] footer fingerprint not re-signed: ${err.message}`),
    );
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
