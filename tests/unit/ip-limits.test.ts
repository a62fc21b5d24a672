import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
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
