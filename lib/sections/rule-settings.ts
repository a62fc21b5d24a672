import { db } from "../db";
import { UPDATE_RULES, type UpdateRule } from "./update-rules";

/** A section's 更新检查 settings for the edit form (not part of the public SectionDto). */
export async function sectionRuleSettings(id: number): Promise<{ updateRule: UpdateRule; staleDays: number | null; closed: boolean }> {
  const s = await db.section.findUnique({ where: { id }, select: { updateRule: true, staleDays: true, closed: true } });
  const updateRule = s && (UPDATE_RULES as readonly string[]).includes(s.updateRule) ? (s.updateRule as UpdateRule) : "auto";
  return { updateRule, staleDays: s?.staleDays ?? null, closed: s?.closed ?? false };
}
