/**
 * Content-Security-Policy and HSTS, written once.
 *
 * The admin and the sign-in page render per request, so they get a fresh
 * nonce each time (proxy.ts) and a strict script policy: only scripts carrying
 * the nonce, and what those load ('strict-dynamic'). Public pages are cached
 * HTML (ISR) shared by every visitor: a nonce would have to differ per
 * response, which would make them dynamic, so they get the strictest policy a
 * cached page allows — no plugins, no <base> hijack, forms only to this site,
 * framing only by this site, scripts only from this site plus the inline
 * scripts Next.js writes into the page.
 *
 * The root layout's inline preferences script is allowed by its hash.
 *
 * Style attributes (React `style={…}`, the editor, the charts) cannot carry a
 * nonce, so styles allow 'unsafe-inline' everywhere.
 */

import { createHash } from "node:crypto";
import { restorePreferences } from "../site/preferences-script";

// The one inline script the root layout writes itself, allowed by its hash.
const PREFERENCES_HASH = `'sha256-${createHash("sha256").update(restorePreferences).digest("base64")}'`;

const COMMON = ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"];

export function adminCsp(nonce: string, opts: { https: boolean; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${PREFERENCES_HASH} 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "frame-src 'self'",
    ...COMMON,
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function publicCsp(opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Article bodies may show pictures from other government sites.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    ...COMMON,
  ].join("; ");
}

/** Two years, sub-domains included: sent only on responses that came over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
