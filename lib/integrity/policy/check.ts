import { checkLink, type LinkProblem } from "../links/check";
import type { PolicyLists } from "../words/list";
import type { WordHit } from "../words/matcher";
import type { PolicyInput } from "./fields";

export type LocatedWordHit = WordHit & { where: string; field?: string };
export type LocatedLinkProblem = LinkProblem & { where: string; field?: string };

/** What the content policy found in one item (article, page, settings …). */
export type PolicyReport = { words: LocatedWordHit[]; links: LocatedLinkProblem[] };

export const EMPTY_REPORT: PolicyReport = { words: [], links: [] };

export function checkPolicy(input: PolicyInput, lists: PolicyLists, ownDomain = ""): PolicyReport {
  const words = input.fields.flatMap((f) => lists.words.scan(f.text).map((h) => ({ ...h, where: f.where, field: f.field })));
  const links = input.links.flatMap((l) => {
    const p = checkLink(l, { blockedDomains: lists.blockedDomains, ownDomain });
    return p ? [{ ...p, where: l.where, field: l.field }] : [];
  });
  return { words, links };
}

export function isBlocked(report: PolicyReport): boolean {
  return report.links.length > 0 || report.words.some((w) => w.blocking);
}

function describeWord(h: LocatedWordHit): string {
  const shown = h.matched.replace(/\s+/g, " ");
  const same = shown === h.word;
  return `${h.where}含有“${shown}”（${same ? "" : `即“${h.word}”，`}${h.categoryLabel}）`;
}

/** One line per blocking problem, e.g. 正文第2段含有“365赛事投注”（博彩/赌博）. */
export function blockingLines(report: PolicyReport): string[] {
  return [
    ...report.words.filter((w) => w.blocking).map(describeWord),
    ...report.links.map((l) => `${l.where}：${l.reason}`),
  ];
}

/**
 * The refusal shown to the editor: names the word and where it is. `verb` is
 * what was refused (发布, 保存). Null when nothing blocks.
 */
export function refusalMessage(report: PolicyReport, verb: string): string | null {
  const lines = blockingLines(report);
  if (!lines.length) return null;
  const shown = lines.slice(0, 3).join("；");
  const more = lines.length > 3 ? `等${lines.length}处` : "";
  return `不能${verb}：${shown}${more}。请删除或修改后再${verb}。`;
}

/** 错误表述 warnings with the right form, e.g. 标题：“国家卫计委”应为“国家卫生健康委员会”. */
export function wordingWarnings(report: PolicyReport): string[] {
  return report.words
    .filter((w) => !w.blocking)
    .map((w) => `${w.where}：“${w.matched}”${w.suggestion ? `应为“${w.suggestion}”` : "为错误表述"}`);
}

/** Field name → first message, for marking form fields (aria-invalid + message). */
export function policyFieldErrors(report: PolicyReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of report.words) if (w.blocking && w.field) out[w.field] ??= describeWord(w);
  for (const l of report.links) if (l.field) out[l.field] ??= `${l.where}：${l.reason}`;
  return out;
}
