import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline machines cannot download Prisma's native schema engine. `generate`
// only needs the variable to point at an existing file; where a real engine is
// installed (PRISMA_SCHEMA_ENGINE_BINARY set by the operator) it is used as is.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), "scripts/prisma-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/portal.db" },
});
