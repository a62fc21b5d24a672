import http from "node:http";
import { forwardedClientIp, trustedProxyHops } from "./client-ip";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/**
 * An HTTP server that settles who the client is before `handle` sees the request:
 * x-forwarded-for and x-real-ip are replaced by the one address forwardedClientIp
 * resolved from the socket (and TRUSTED_PROXY_HOPS). `next start` alone cannot do this:
 * it only fills x-forwarded-for when the client sent none, so clients could pick their IP.
 */
export function createClientIpServer(handle: Handler, hops = trustedProxyHops()): http.Server {
  return http.createServer((req, res) => {
    const ip = forwardedClientIp(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
    req.headers["x-forwarded-for"] = ip;
    req.headers["x-real-ip"] = ip;
    void handle(req, res);
  });
}
