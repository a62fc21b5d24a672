import { z } from "zod";

/**
 * Every environment variable the portal reads, parsed in one place. A wrong
 * value stops the start (scripts/serve.ts and scripts/start.ts call
 * `assertEnv()` first) with a message naming the variable and the expected
 * form, instead of surfacing later as NaN or a half-working feature. The
 * README's configuration table lists the same variables.
 *
 * Values are re-parsed only when the raw environment changes (tests set
 * variables between cases); a running server parses once.
 */

const DEFAULT_DATABASE_URL = "file:./data/portal.db";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const int = (name: string, min: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, { message: `${name} must be a whole number ≥ ${min}` })
      .transform(Number)
      .refine((n) => n >= min, { message: `${name} must be a whole number ≥ ${min}` })
      .optional()
      .transform((n) => n ?? fallback),
  );

const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const schema = z.object({
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, {
        message: "DATABASE_URL must be file:./path/to.db (SQLite) or postgresql://user:password@host:5432/database (PostgreSQL)",
      })
      .default(DEFAULT_DATABASE_URL),
  ),
  NEXTAUTH_SECRET: optionalString,
  // Signs content fingerprints (tamper detection); defaults to NEXTAUTH_SECRET.
  INTEGRITY_SECRET: optionalString,
  CRON_SECRET: optionalString,
  ADMIN_EMAIL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "ADMIN_EMAIL must be an e-mail address" }))
      .default("admin@example.gov.cn"),
  ),
  ADMIN_PASSWORD: optionalString,
  SEED_DEMO: z.preprocess(blankToUndefined, z.enum(["0", "1"], { message: "SEED_DEMO must be 0 or 1" }).optional()),
  SITE_URL: optionalString,
  // next-auth's own: the public origin. Unset (the default), next-auth trusts the request's host (lib/auth/options.ts).
  NEXTAUTH_URL: z.preprocess(blankToUndefined, z.url({ message: "NEXTAUTH_URL must be the site's public origin, e.g. https://www.example.gov.cn" }).optional()),
  AUTH_TRUST_HOST: optionalString,
  PORT: int("PORT", 1, 3000),
  INTERNAL_URL: z.preprocess(blankToUndefined, z.url({ message: "INTERNAL_URL must be a URL like http://127.0.0.1:3000" }).optional()),
  UPLOAD_DIR: z.preprocess(blankToUndefined, z.string().default("data/uploads")),
  TRUSTED_PROXY_HOPS: int("TRUSTED_PROXY_HOPS", 1, 1),
  // Set by the Vercel platform: the client IP then comes from its own header.
  VERCEL: optionalString,
  VIEW_FLUSH_MS: int("VIEW_FLUSH_MS", 50, 1000),
  VIEW_DEDUP_MINUTES: int("VIEW_DEDUP_MINUTES", 0, 30),
  VIEW_IP_LIMIT: int("VIEW_IP_LIMIT", 0, 240),
  VIEW_IP_WINDOW_MINUTES: int("VIEW_IP_WINDOW_MINUTES", 1, 10),
  FEEDBACK_MIN_FILL_MS: int("FEEDBACK_MIN_FILL_MS", 0, 3000),
  PUBLISH_TICK_MS: int("PUBLISH_TICK_MS", 1000, 20_000),
  INSPECTION_QUICK_MINUTES: int("INSPECTION_QUICK_MINUTES", 1, 60),
  INSPECTION_FULL_HOURS: int("INSPECTION_FULL_HOURS", 1, 24),
  INSPECTION_SCHEDULE: z.preprocess(blankToUndefined, z.enum(["on", "off"], { message: "INSPECTION_SCHEDULE must be on or off" }).default("on")),
  // Idle time after the last change before the article editor saves a draft by itself.
  AUTOSAVE_IDLE_MS: int("AUTOSAVE_IDLE_MS", 1000, 30_000),
  NEXT_DIST_DIR: z.preprocess(blankToUndefined, z.string().default(".next")),
  // Shared state for several instances (lib/cache/redis-handler.mjs, lib/views, lib/limits): unset = one process, as before.
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, { message: "REDIS_URL must look like redis://[:password@]host:6379[/db] (rediss:// for TLS)" })
      .optional(),
  ),
  // Separates sites (or test runs) sharing one Redis.
  REDIS_KEY_PREFIX: z.preprocess(blankToUndefined, z.string().regex(/^[\w:.-]{1,64}$/, { message: "REDIS_KEY_PREFIX: letters, digits, _ : . - (at most 64)" }).default("portal:")),
  // Uploads on S3-compatible storage when S3_BUCKET is set (lib/media/s3-storage.ts); the local folder otherwise.
  S3_BUCKET: optionalString,
  S3_ENDPOINT: z.preprocess(blankToUndefined, z.url({ message: "S3_ENDPOINT must be a URL like https://s3.example.com or http://127.0.0.1:9000" }).optional()),
  S3_REGION: z.preprocess(blankToUndefined, z.string().default("us-east-1")),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z.preprocess(blankToUndefined, z.enum(["0", "1"], { message: "S3_FORCE_PATH_STYLE must be 0 or 1" }).optional()),
  // A caching proxy in front (deploy/nginx): revalidated URLs are purged there (lib/cache/purge.ts).
  PURGE_URL: z.preprocess(blankToUndefined, z.url({ message: "PURGE_URL must be a URL like http://127.0.0.1:3000/purge" }).optional()),
});

export type Env = z.infer<typeof schema>;
export const ENV_NAMES = Object.keys(schema.shape) as (keyof Env)[];

export class EnvError extends Error {}

let cached: { key: string; env: Env } | null = null;

/** The parsed environment; throws EnvError naming every wrong variable. */
export function env(): Env {
  const raw = Object.fromEntries(ENV_NAMES.map((n) => [n, process.env[n]]));
  const key = JSON.stringify(raw);
  if (cached?.key === key) return cached.env;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return `  ${name}=${JSON.stringify(raw[name] ?? "")}: ${i.message}`;
    });
    throw new EnvError(`Invalid environment configuration (see the README's configuration table):\n${lines.join("\n")}`);
  }
  cached = { key, env: parsed.data };
  return parsed.data;
}

/** For start scripts: print the problem and exit instead of a stack trace. */
export function assertEnv(): Env {
  try {
    return env();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

