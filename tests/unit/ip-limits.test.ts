import { describe, expect, it } from "vitest";
import { clientIp, ipLimitKey } from "@/lib/auth/client-ip";
import { IpViewLimit } from "@/lib/views/ip-limit";

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientIp", () => {
  it("believes the entry the nearest trusted proxy added, not what the client wrote", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9" }), 3)).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-real-ip": "192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientIp(headers({}))).toBe("");
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

  it("is off at 0 and never pools unknown addresses", () => {
    const off = new IpViewLimit(0, 60_000);
    expect(Array.from({ length: 10 }, () => off.take("a", 0)).every(Boolean)).toBe(true);
    const l = new IpViewLimit(1, 60_000);
    expect([l.take("", 0), l.take("", 0)]).toEqual([true, true]);
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
    expect(ipLimitKey("")).toBe("");
  });
});

describe("IpViewLimit memory", () => {
  it("stays bounded when a flood comes from more addresses than it tracks", () => {
    const l = new IpViewLimit(1, 60_000);
    for (let i = 0; i < 250_000; i++) l.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 0);
    expect((l as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100_000);
  });
});
