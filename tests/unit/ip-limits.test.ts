import { describe, expect, it } from "vitest";
import { clientIp, forwardedClientIp, ipLimitKey, UNKNOWN_IP } from "@/lib/http/client-ip";
import { IpViewLimit } from "@/lib/views/ip-limit";

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientIp", () => {
  it("reads the one address the serving layer wrote; a missing or malformed one is the shared UNKNOWN_IP bucket", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-real-ip": "192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:192.0.2.8" }))).toBe("192.0.2.8");
    expect(clientIp(headers({}))).toBe(UNKNOWN_IP);
    expect(clientIp(headers({ "x-forwarded-for": "," }))).toBe(UNKNOWN_IP);
    expect(clientIp(headers({ "x-forwarded-for": "not-an-ip" }))).toBe(UNKNOWN_IP);
    expect(clientIp(headers({ "x-forwarded-for": "<script>" }))).toBe(UNKNOWN_IP);
  });

  it("on Vercel believes only the platform's header", () => {
    process.env.VERCEL = "1";
    try {
      expect(clientIp(headers({ "x-vercel-forwarded-for": "198.51.100.4", "x-forwarded-for": "6.6.6.6" }))).toBe("198.51.100.4");
      expect(clientIp(headers({ "x-real-ip": "198.51.100.5", "x-forwarded-for": "6.6.6.6" }))).toBe("198.51.100.5");
      expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6" }))).toBe(UNKNOWN_IP);
    } finally {
      delete process.env.VERCEL;
    }
  });
});

describe("forwardedClientIp (what npm start's server writes)", () => {
  it("facing the internet (1 hop) the socket wins over anything the client wrote", () => {
    expect(forwardedClientIp("6.6.6.6", "203.0.113.9", 1)).toBe("203.0.113.9");
    expect(forwardedClientIp(undefined, "::ffff:203.0.113.9", 1)).toBe("203.0.113.9");
    expect(forwardedClientIp(",", "203.0.113.9", 1)).toBe("203.0.113.9");
    expect(forwardedClientIp(undefined, undefined, 1)).toBe(UNKNOWN_IP);
  });

  it("behind one proxy (2 hops) believes the entry that proxy appended, not the client's", () => {
    expect(forwardedClientIp("6.6.6.6, 203.0.113.9", "127.0.0.1", 2)).toBe("203.0.113.9");
    expect(forwardedClientIp(["6.6.6.6", "203.0.113.9"], "127.0.0.1", 2)).toBe("203.0.113.9");
    expect(forwardedClientIp(", ", "127.0.0.1", 2)).toBe(UNKNOWN_IP);
    expect(forwardedClientIp("garbage", "127.0.0.1", 2)).toBe(UNKNOWN_IP);
  });
});

describe("IpViewLimit", () => {
  it("allows `limit` views per address per window, then again after the window", () => {
    const l = new IpViewLimit(3, 60_000);
    expect([1, 2, 3, 4].map(() => l.take("a", 0))).toEqual([true, true, true, false]);
    expect(l.take("b", 10)).toBe(true);
    expect(l.take("a", 59_999)).toBe(false);
    expect(l.take("a", 60_000)).toBe(true);
  });

  it("is off at 0; the unknown-address bucket is limited like any other", () => {
    const off = new IpViewLimit(0, 60_000);
    expect(Array.from({ length: 10 }, () => off.take("a", 0)).every(Boolean)).toBe(true);
    const l = new IpViewLimit(1, 60_000);
    expect([l.take(ipLimitKey(""), 0), l.take(ipLimitKey(UNKNOWN_IP), 0)]).toEqual([true, false]);
  });
});

describe("ipLimitKey", () => {
  it("counts IPv4 addresses singly and IPv6 by /64", () => {
    expect(ipLimitKey("203.0.113.9")).toBe("203.0.113.9");
    expect(ipLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(ipLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipLimitKey("2001:0DB8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(ipLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipLimitKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(ipLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(ipLimitKey("")).toBe(UNKNOWN_IP);
    expect(ipLimitKey(",")).toBe(UNKNOWN_IP);
  });
});

describe("IpViewLimit memory", () => {
  it("stays bounded when a flood comes from more addresses than it tracks", () => {
    const l = new IpViewLimit(1, 60_000);
    for (let i = 0; i < 250_000; i++) l.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 0);
    expect((l as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100_000);
  });
});
