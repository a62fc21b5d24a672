import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { currentPolicyLists, type PolicyLists } from "../words/list";
import { checkPolicy, policyFieldErrors, refusalMessage, type PolicyReport } from "./check";
import type { PolicyInput } from "./fields";

/** Refused by the content policy; carries the report for callers that show it. */
export class PolicyRefusal extends DomainError {
  constructor(
    message: string,
    readonly report: PolicyReport,
    field?: string,
  ) {
    super(message, field);
  }
}

/** The lists and the portal's own domain (for look-alikes of it), loaded once per check. */
export type PolicyContext = { lists: PolicyLists; ownDomain: string };

export async function loadPolicyContext(): Promise<PolicyContext> {
  const [lists, settings] = await Promise.all([currentPolicyLists(), db.siteSettings.findUnique({ where: { id: 1 }, select: { siteDomain: true } })]);
  return { lists, ownDomain: settings?.siteDomain ?? "" };
}

export function runPolicy(input: PolicyInput, ctx: PolicyContext): PolicyReport {
  return checkPolicy(input, ctx.lists, ctx.ownDomain);
}

/** Throws a Chinese refusal naming the word and where it is when anything blocks. */
export function assertPolicy(report: PolicyReport, verb: string): void {
  const message = refusalMessage(report, verb);
  if (!message) return;
  const fields = Object.keys(policyFieldErrors(report));
  throw new PolicyRefusal(message, report, fields.length === 1 ? fields[0] : undefined);
}

export async function checkAndAssert(input: PolicyInput, verb: string, ctx?: PolicyContext): Promise<PolicyReport> {
  const report = runPolicy(input, ctx ?? (await loadPolicyContext()));
  assertPolicy(report, verb);
  return report;
}
