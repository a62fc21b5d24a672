// npm run db:migrate — apply pending migrations to DATABASE_URL (default ./data/portal.db).
import { migrateSqlite } from "../lib/db/migrate";
import { sqliteFilePath } from "../lib/db/url";

try {
  const r = migrateSqlite(sqliteFilePath());
  console.log(`${r.applied.length} applied${r.applied.length ? `: ${r.applied.join(", ")}` : ""}; ${r.alreadyApplied} already applied`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
