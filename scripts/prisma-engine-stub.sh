#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on
# offline machines. `prisma generate` only checks that the file exists; the
# migrate commands that really need the engine are replaced by
# scripts/migrate.ts (see docs/database.md).
echo "prisma schema engine is not installed on this machine; use npm run db:migrate" >&2
exit 1
