import { parse } from "tldts";
import { LOOKALIKE_LABELS, officialLookalike, unicodeHost } from "./lookalike";

/** A link as it appears in content: its target and the text a visitor reads. */
export type ContentLink = { href: string; text: string };

export type LinkProblemKind = "blocked-domain" | "lookalike" | "text-mismatch";

export type LinkProblem = {
  kind: LinkProblemKind;
  href: string;
  /** the target host as a person would read it (punycode decoded) */
  host: string;
  text: string;
  /** Chinese explanation, e.g. 链接指向违规网址 bet365.com */
  reason: string;
  blocking: true;
};

export type LinkPolicyContext = { blockedDomains: readonly string[]; ownDomain?: string };

function targetHost(href: string): string | null {
  const h = href.trim();
  if (!/^(https?:)?\/\//i.test(h)) return null; // site-relative, mailto:, tel: — not outbound
  try {
    return new URL(h, "https://placeholder.invalid").hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return null;
  }
}

function sameSite(a: string, b: string): boolean {
  if (a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)) return true;
  const da = parse(a).domain;
  return !!da && da === parse(b).domain;
}

// A domain written in link text: "www.gov.cn", "https://bet365.com/x", full-width "ｗｗｗ．ｇｏｖ．ｃｎ".
const DOMAIN_IN_TEXT = /(?:https?:\/\/)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,24})(?![\p{L}\p{N}])/u;

function domainShownIn(text: string): string | null {
  const m = DOMAIN_IN_TEXT.exec(text.normalize("NFKC").replace(/[。．｡]/g, "."));
  if (!m) return null;
  const shown = m[1].toLowerCase();
  try {
    // Only a name with a real public suffix counts ("1.5亿元" or "v2.0" do not).
    const host = new URL(`http://${shown}`).hostname;
    return parse(host).isIcann ? host : null;
  } catch {
    return null;
  }
}

/**
 * Checks one outbound link: blocked domain (or a subdomain of one), a
 * look-alike of an official domain, or link text showing another domain
 * than the one the link goes to (the classic phishing link).
 */
export function checkLink(link: ContentLink, ctx: LinkPolicyContext): LinkProblem | null {
  const host = targetHost(link.href);
  if (!host) return null;
  const shownHost = unicodeHost(host);
  const base = { href: link.href, host: shownHost, text: link.text, blocking: true as const };
  const blocked = ctx.blockedDomains.find((d) => d && (host === d || host.endsWith(`.${d}`)));
  if (blocked) return { ...base, kind: "blocked-domain", reason: `链接指向违规网址 ${blocked}` };
  const lookalike = officialLookalike(host, ctx.ownDomain);
  if (lookalike) return { ...base, kind: "lookalike", reason: `链接目标 ${shownHost} ${LOOKALIKE_LABELS[lookalike]}` };
  const shown = domainShownIn(link.text);
  if (shown && !sameSite(shown, host)) {
    return { ...base, kind: "text-mismatch", reason: `链接文字显示 ${unicodeHost(shown)}，实际指向 ${shownHost}` };
  }
  return null;
}

export function checkLinks(links: readonly ContentLink[], ctx: LinkPolicyContext): LinkProblem[] {
  return links.flatMap((l) => {
    const p = checkLink(l, ctx);
    return p ? [p] : [];
  });
}
