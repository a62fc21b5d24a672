import { domainToUnicode } from "node:url";
import { parse } from "tldts";
import unhomoglyph from "unhomoglyph";

/**
 * Look-alikes of official domains: the tricks a defacer uses so a link reads
 * as a government address at a glance. `gov.cn` itself can only be registered
 * by government bodies, so anything that merely LOOKS like it is suspect:
 *   g0v.cn, gov-cn.com, govcn.net, gov.cn.evil.com, gоv.cn (Cyrillic о, i.e.
 *   the punycode host xn--gv-…); and look-alikes of the portal's own domain.
 * Homoglyphs are folded with the Unicode confusables table (unhomoglyph), so
 * 0→o, Cyrillic/Greek letters → Latin, "rn"/"m" compare alike.
 */
export function skeleton(host: string): string {
  return unhomoglyph(host.toLowerCase()).toLowerCase();
}

export function unicodeHost(host: string): string {
  return domainToUnicode(host) || host;
}

export function isRealGovCn(host: string): boolean {
  return host === "gov.cn" || host.endsWith(".gov.cn");
}

export type LookalikeReason = "gov-cn" | "homograph" | "own-domain";

export const LOOKALIKE_LABELS: Record<LookalikeReason, string> = {
  "gov-cn": "冒充政府网站域名（gov.cn）",
  homograph: "国际化域名中混有形似拉丁字母的字符（同形字冒充）",
  "own-domain": "冒充本网站域名",
};

/** Why `host` (ASCII/punycode as in a URL) imitates an official domain, or null. */
export function officialLookalike(host: string, ownDomain = ""): LookalikeReason | null {
  const ascii = host.toLowerCase().replace(/\.$/, "");
  if (!ascii) return null;
  const display = unicodeHost(ascii);
  if (isRealGovCn(ascii)) return null;
  // Separators and homoglyphs folded away, "gov" followed by "cn" is the tell.
  const folded = skeleton(display).replace(/[.\-_]/g, "");
  if (folded.includes("govcn")) return "gov-cn";
  // A punycode label whose letters fold to plain Latin: a homograph of an
  // ASCII name (a real Chinese IDN such as 政府.cn keeps its Han characters).
  if (ascii.split(".").some((l) => l.startsWith("xn--"))) {
    const sk = skeleton(display);
    if (sk !== display && /^[a-z0-9.\-]+$/.test(sk)) return "homograph";
  }
  const own = ownDomain.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/[/:].*$/, "");
  if (own) {
    const ownDomainName = parse(own).domain ?? own;
    const targetDomainName = parse(ascii).domain ?? ascii;
    if (ownDomainName !== targetDomainName && ascii !== own && !ascii.endsWith(`.${own}`)) {
      const ownLabel = ownDomainName.split(".")[0];
      // e.g. own aqfgw.gov.cn, link aqfgw-gov.com / aqfgw.gov.cn.xyz
      if (ownLabel.length >= 4 && skeleton(display).replace(/[.\-_]/g, "").includes(skeleton(ownLabel))) return "own-domain";
    }
  }
  return null;
}
