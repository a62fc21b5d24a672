// npm run db:migrate — apply pending migrations to DATABASE_URL (default ./data/portal.db).
import { migrateDatabase } from "../lib/db/migrate";
import { assertEnv } from "../lib/env";

migrateDatabase(assertEnv().DATABASE_URL).then(
  (r) => console.log(`${r.applied.length} applied${r.applied.length ? `: ${r.applied.join(", ")}` : ""}; ${r.alreadyApplied} already applied`),
  (err) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
