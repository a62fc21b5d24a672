import path from "node:path";
import type { NextConfig } from "next";
import { HSTS, publicCsp } from "./lib/security/headers";
import { env } from "./lib/env";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Several instances share one ISR/data cache and its tag state on Redis; without REDIS_URL Next's own cache, as before.
const sharedCache: Partial<NextConfig> = env().REDIS_URL
  ? { cacheHandler: path.resolve(process.cwd(), "lib/cache/redis-handler.mjs"), cacheMaxMemorySize: 0 }
  : {};

const nextConfig: NextConfig = {
  ...sharedCache,
  // Tests build into their own folder so they never clobber the served build.
  distDir: env().NEXT_DIST_DIR,
  poweredByHeader: false,
  // Article images (lib/media/responsive.ts) and the home headline: AVIF where the browser takes it, else WebP.
  images: { formats: ["image/avif", "image/webp"] },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "sharp", "@node-rs/jieba", "@node-rs/argon2", "@aws-sdk/client-s3"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The admin and /login get a per-request nonce policy from proxy.ts instead.
      { source: "/((?!admin$|admin/|login$).*)", headers: [{ key: "Content-Security-Policy", value: publicCsp({ dev: process.env.NODE_ENV !== "production" }) }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
    ];
  },
};

export default nextConfig;
