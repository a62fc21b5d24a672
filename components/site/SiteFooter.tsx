import { SiteLink } from "@/components/site/SiteLink";
import type { SiteSettingsDto } from "@/lib/settings/queries";
import { LiveNumber } from "./LiveNumber";

const FOOTER_LINKS = [
  { href: "/pages/disclaimer", label: "免责声明" },
  { href: "/pages/contact", label: "联系我们" },
  { href: "/site-map", label: "网站地图" },
  { href: "/pages/help", label: "帮助信息" },
  { href: "/feedback", label: "网站建议" },
  { href: "/feedback/query", label: "留言查询" },
];

export function SiteFooter({ settings: s }: { settings: SiteSettingsDto }) {
  return (
    <footer className="site-footer">
      <nav className="footer-links" aria-label="页脚链接">
        <ul className="container">
          {FOOTER_LINKS.map((l) => (
            <li key={l.href}>
              <SiteLink href={l.href}>{l.label}</SiteLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="container footer-identity">
        <p>
          <span>{`版权所有：${s.owner}`}</span>
          {s.icpNumber && (
            <a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">
              {s.icpNumber}
            </a>
          )}
          {s.siteIdCode && <span>{`网站标识码：${s.siteIdCode}`}</span>}
        </p>
        {/* The bureau's own contact lines, kept apart from the vendor line below so a
            phone number is never read as the technical supporter's. */}
        <p>
          {s.address && <span>{`地址：${s.address}`}</span>}
          {s.postcode && <span>{`邮编：${s.postcode}`}</span>}
          {s.phone && <span>{`联系电话：${s.phone}`}</span>}
          {s.contactEmail && (
            <span>
              联系信箱：<a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
            </span>
          )}
        </p>
        {s.policeRecordNumber && (
          <p>
            {s.policeRecordCode ? (
              <a
                href={`https://beian.mps.gov.cn/#/query/webSearch?code=${encodeURIComponent(s.policeRecordCode)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {s.policeRecordNumber}
              </a>
            ) : (
              <span>{s.policeRecordNumber}</span>
            )}
          </p>
        )}
        <p className="footer-vendor">
          {s.techSupport && <span>{`技术支持：${s.techSupport}`}</span>}
          <span className="visitor-counter">
            您是第 <LiveNumber name="visitors" /> 位访客
          </span>
        </p>
      </div>
    </footer>
  );
}
