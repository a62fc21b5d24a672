import { Prisma } from "../generated/prisma/client";

/**
 * True when a serializable transaction lost a race with another one and may
 * simply be retried: Prisma's P2034, or the driver adapter's own
 * TransactionWriteConflict (PostgreSQL 40001 surfaces this way through
 * @prisma/adapter-pg when it happens at COMMIT).
 */
export function isWriteConflict(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2034") return true;
  const e = err as { name?: string; cause?: { kind?: string; originalCode?: string }; message?: string } | null;
  if (e?.name === "DriverAdapterError" && (e.cause?.kind === "TransactionWriteConflict" || e.cause?.originalCode === "40001")) return true;
  return /TransactionWriteConflict|could not serialize access/.test(e?.message ?? "");
}
