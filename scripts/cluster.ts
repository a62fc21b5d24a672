// npm run cluster — two instances of one build behind the caching nginx, as in
// production (docs/deploy.md), on one machine:
//   proxy http://localhost:$PORT (default 3000), instance A $PORT+1, B $PORT+2,
//   S3-compatible store (s3rver) $PORT+90.
// DATABASE_URL: PostgreSQL (default postgresql://postgres@127.0.0.1:5432/portal_cluster,
// created when missing, migrated and seeded); REDIS_URL (default redis://127.0.0.1:6379).
// CLUSTER_SKIP_BUILD=1 reuses the last build. Ctrl-C / SIGTERM stops everything.
// The pieces live in scripts/cluster/local-cluster.ts (the benchmark starts the same cluster).
import { ensureLocalSecret } from "./local-env";
import { clusterPorts, LocalCluster } from "./cluster/local-cluster";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/portal_cluster";
const ports = clusterPorts(Number(process.env.PORT || 3000));
const cluster = new LocalCluster({ ports, build: !process.env.CLUSTER_SKIP_BUILD });

async function stopAndExit(code: number): Promise<never> {
  await cluster.stop();
  process.exit(code);
}

async function main() {
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void stopAndExit(0));

  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  process.env.REDIS_URL ||= "redis://127.0.0.1:6379";
  process.env.NEXT_DIST_DIR ||= ".next-cluster";
  // A local two-instance cluster is a staging site: it shows the demo unless told otherwise (SEED_DEMO=0).
  process.env.SEED_DEMO ||= "1";
  ensureLocalSecret();

  await cluster.start();
  console.log(
    [
      "",
      `  proxy (nginx)  http://localhost:${ports.proxy}`,
      `  instance A     http://localhost:${ports.a}`,
      `  instance B     http://localhost:${ports.b}`,
      "",
    ].join("\n"),
  );
  console.log(`[cluster] ready pids cluster=${process.pid} A=${cluster.pid("A")} B=${cluster.pid("B")} nginx=${cluster.pid("nginx")}; Ctrl-C stops everything`);
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await stopAndExit(1);
});
