import { describe, expect, it } from "vitest";
import { AFTER_SIGN_IN, safeCallbackPath } from "@/lib/auth/callback-url";

const OWN = "http://localhost:3110";

describe("safeCallbackPath: only this site's own pages after sign-in", () => {
  it.each([
    "/\\evil.example",
    "/\t/evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "/\\\\evil.example/admin",
    " //evil.example",
    "\t//evil.example",
    "http://evil.example/",
    "https://evil.example/admin",
    "http://localhost:3000.evil.example/",
    "http://localhost:3110.evil.example/",
    "http://localhost:3110@evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https:/\\evil.example",
    "",
  ])("%j → %s", (target) => {
    const got = safeCallbackPath(target, OWN);
    expect(got).toBe(AFTER_SIGN_IN);
    // …and whatever is returned resolves to this site from any page of it.
    expect(new URL(got, `${OWN}/login`).origin).toBe(OWN);
  });

  it.each([
    ["/admin/articles/12", "/admin/articles/12"],
    ["/admin/articles?status=draft#list", "/admin/articles?status=draft#list"],
    ["admin/users", "/admin/users"],
    [`${OWN}/admin/stats?range=month`, "/admin/stats?range=month"],
    ["/.//evil.example", "/evil.example"],
    // Still encoded (a query string decodes it once, into the tab form above): a path on this site.
    ["/%09/evil.example", "/%09/evil.example"],
    ["http:evil.example", "/evil.example"],
  ])("%j stays on the site as %j", (target, expected) => {
    const got = safeCallbackPath(target, OWN);
    expect(got).toBe(expected);
    expect(new URL(got, `${OWN}/login`).origin).toBe(OWN);
  });

  it("a missing or repeated parameter falls back to the first or to /admin", () => {
    expect(safeCallbackPath(undefined)).toBe(AFTER_SIGN_IN);
    expect(safeCallbackPath(["/admin/pages", "//evil.example"])).toBe("/admin/pages");
  });
});
