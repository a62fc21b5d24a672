import http from "node:http";
import { forwardedClientIp, trustedProxyHops } from "./client-ip";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/**
 * An HTTP server that settles who the client is before `handle` sees the request:
 * x-forwarded-for and x-real-ip are replaced by the one address forwardedClientIp
 * resolved from the socket (and TRUSTED_PROXY_HOPS); facing clients directly (one hop),
 * x-forwarded-proto and x-forwarded-host are the socket's too. `next start` alone cannot do this:
 * it only fills x-forwarded-for when the client sent none, so clients could pick their IP.
 */
export function createClientIpServer(handle: Handler, hops = trustedProxyHops()): http.Server {
  return http.createServer((req, res) => {
    const ip = forwardedClientIp(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
    req.headers["x-forwarded-for"] = ip;
    req.headers["x-real-ip"] = ip;
    if (hops === 1) {
      // Nobody in front: the scheme and host are this socket's, whatever the client wrote
      // (next-auth builds its redirects from them and assumes https when the scheme is missing).
      req.headers["x-forwarded-proto"] = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
      if (req.headers.host) req.headers["x-forwarded-host"] = req.headers.host;
      else delete req.headers["x-forwarded-host"];
    }
    void handle(req, res);
  });
}
