// npm run db:seed — migrate, then seed the demo site if the database is empty.
import { prepareDatabase } from "./prepare-db";

prepareDatabase().catch((err) => {
  console.error(err);
  process.exit(1);
});
