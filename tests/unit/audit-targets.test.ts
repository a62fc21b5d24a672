import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_TARGET_LABELS, AUDIT_TARGET_TYPES, parseAuditSearchParams } from "@/lib/audit/query";

/** Every `targetType: "…"` the code writes into the audit log, found in the source (not a hand-kept list). */
function writtenTargetTypes(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") writtenTargetTypes(full, found);
    } else if (/\.tsx?$/.test(entry.name)) {
      for (const m of fs.readFileSync(full, "utf8").matchAll(/targetType: "([a-z]+)"/g)) found.add(m[1]);
    }
  }
  return found;
}

describe("操作日志 target filter", () => {
  it("offers every target type the code writes, each with a Chinese label (feedback included)", () => {
    const written = [...writtenTargetTypes(path.resolve("lib")), ...writtenTargetTypes(path.resolve("app"))];
    expect(written).toContain("suggestion");
    for (const t of written) {
      expect(AUDIT_TARGET_TYPES as readonly string[], t).toContain(t);
      expect(AUDIT_TARGET_LABELS[t as keyof typeof AUDIT_TARGET_LABELS], t).toMatch(/\p{Script=Han}/u);
    }
    expect(parseAuditSearchParams({ targetType: "suggestion" }).filters.targetType).toBe("suggestion");
  });
});
