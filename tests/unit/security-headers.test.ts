import { describe, expect, it } from "vitest";
import { adminCsp, newNonce, publicCsp } from "@/lib/security/headers";

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe("Content-Security-Policy", () => {
  it("admin: scripts only with the nonce (and what they load), nothing inline or eval'd in production", () => {
    const nonce = newNonce();
    const d = directives(adminCsp(nonce, { https: false }));
    const script = d.get("script-src")!;
    expect(script.slice(0, 2)).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(script.at(-1)).toBe("'strict-dynamic'");
    expect(script.filter((s) => !/^'(self|strict-dynamic|nonce-.+|sha256-[A-Za-z0-9+/=]{44})'$/.test(s))).toEqual([]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'self'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(adminCsp(nonce, { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("public (cached) pages: no nonce, but plugins, <base>, foreign forms and foreign framing are out", () => {
    const d = directives(publicCsp());
    expect(publicCsp()).not.toContain("nonce-");
    expect(d.get("script-src")).not.toContain("'unsafe-eval'");
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'self'"]);
  });

  it("nonces are fresh and unguessable (128 bits)", () => {
    const seen = new Set(Array.from({ length: 1000 }, newNonce));
    expect(seen.size).toBe(1000);
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
  });
});
