// Started by Playwright's webServer: a fresh database and upload folder,
// seeded, built into .next-e2e and served by scripts/http-server.ts — the same
// production path as `npm start`, isolated from the developer's data.
import fs from "node:fs";
import { buildApp } from "./build";

const port = process.env.E2E_PORT || "3100";
// Another port gets its own database, uploads and build folder, so two suites
// (e.g. two developers' or agents' runs) can share a machine.
const suffix = port === "3100" ? "" : `-${port}`;
const dataDir = `data/e2e${suffix}`;
Object.assign(process.env, {
  DATABASE_URL: `file:./${dataDir}/portal.db`,
  UPLOAD_DIR: `${dataDir}/uploads`,
  NEXT_DIST_DIR: `.next-e2e${suffix}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "e2e-only-secret-not-for-production",
  // No NEXTAUTH_URL: sign-in and sign-out must find the site's origin from the request (tests/e2e/security.spec.ts).
  SITE_URL: `http://localhost:${port}`, // absolute URLs (sitemap, feeds, canonical) point at this server
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: port,
  PUBLISH_TICK_MS: "2000",
  // tests/e2e/editor.spec.ts waits for an autosave; long enough that other specs finish typing and saving first.
  AUTOSAVE_IDLE_MS: process.env.AUTOSAVE_IDLE_MS || "4000",
  // Every browser of the suite is ::1; the per-IP view cap has its own integration test.
  VIEW_IP_LIMIT: "100000",
  // The suite plays the one proxy in front (as in the README's nginx recipe): a context's
  // X-Forwarded-For is the address that proxy saw, so specs can be different clients.
  TRUSTED_PROXY_HOPS: "2",
  ADMIN_EMAIL: "admin@e2e.test",
  ADMIN_PASSWORD: "e2e-admin-password",
});

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const { prepareDatabase } = await import("./prepare-db");
  await prepareDatabase();
  // E2E_SKIP_BUILD reuses the last build for quick reruns of a spec; pages it
  // cached then may outlive the (fresh) database, so full runs always build.
  if (!process.env.E2E_SKIP_BUILD) buildApp();
  await (await import("./http-server")).serveUntilSignal(Number(port));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
