// The production server behind `npm start` and the e2e suite: Next's request handler
// inside our own Node server (lib/http/client-ip-server.ts), so the client IP every
// per-IP limit reads comes from the socket, not from headers a client can write.
// Env: PORT (default 3000), HOSTNAME (default all interfaces), TRUSTED_PROXY_HOPS.
import next from "next";
import { createClientIpServer } from "../lib/http/client-ip-server";

export async function serve(port: number, hostname = process.env.HOSTNAME): Promise<() => Promise<void>> {
  (process.env as Record<string, string>).NODE_ENV = "production";
  process.env.PORT = String(port); // instrumentation.ts reaches the server through it
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createClientIpServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`> Ready on http://${hostname ?? "localhost"}:${port} (client IP from the socket, TRUSTED_PROXY_HOPS=${process.env.TRUSTED_PROXY_HOPS ?? 1})`);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  };
}

/**
 * Serves until SIGINT/SIGTERM, then closes the server (and Next) and writes the views still
 * buffered before exiting. Next runs in this process, so its view recorder (lib/views/recorder.ts)
 * is reachable through the global it registers itself under; an asynchronous (PostgreSQL) flush
 * is awaited here, since the recorder's own signal handler cannot delay the exit.
 */
export async function serveUntilSignal(port: number): Promise<void> {
  const stop = await serve(port);
  const flushViews = async () => {
    const recorder = (globalThis as { __viewRecorder?: { flush(): Promise<unknown> | unknown } }).__viewRecorder;
    if (recorder) await recorder.flush();
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => void stop().then(flushViews).finally(() => process.exit(0)));
  }
}

// Run directly (node --import tsx scripts/http-server.ts), as the benchmark does.
if (process.argv[1]?.endsWith("http-server.ts")) {
  serveUntilSignal(Number(process.env.PORT || 3000)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
