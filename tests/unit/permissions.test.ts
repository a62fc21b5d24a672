import { describe, expect, it } from "vitest";
import { ACTIONS, can, PERMISSIONS, ROLES } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("lists only known actions for every role", () => {
    for (const role of ROLES) for (const a of PERMISSIONS[role]) expect(ACTIONS).toContain(a);
  });

  it.each([
    ["editor", "article.create", true],
    ["editor", "article.edit.own", true],
    ["editor", "article.edit.any", false],
    ["editor", "article.submit", true],
    ["editor", "article.publish", false],
    ["editor", "article.unpublish", false],
    ["editor", "section.manage", false],
    ["editor", "user.manage", false],
    ["editor", "audit.read", false],
    ["reviewer", "article.publish", true],
    ["reviewer", "article.review", true],
    ["reviewer", "article.unpublish", true],
    ["reviewer", "article.delete", false],
    ["reviewer", "settings.manage", false],
    ["reviewer", "user.manage", false],
    ["admin", "user.manage", true],
    ["admin", "audit.read", true],
    ["admin", "settings.manage", true],
    ["editor", "words.read", false],
    ["reviewer", "words.read", true],
    ["reviewer", "words.manage", false],
    ["admin", "words.manage", true],
    ["editor", "inspection.read", false],
    ["editor", "inspection.run", false],
    ["reviewer", "inspection.read", true],
    ["reviewer", "inspection.run", true],
    ["reviewer", "inspection.baseline", false],
    ["admin", "inspection.baseline", true],
  ] as const)("%s may %s: %s", (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it("admins may do everything, nobody without a role may do anything", () => {
    for (const a of ACTIONS) {
      expect(can("admin", a)).toBe(true);
      expect(can(null, a)).toBe(false);
      expect(can(undefined, a)).toBe(false);
    }
  });
});
