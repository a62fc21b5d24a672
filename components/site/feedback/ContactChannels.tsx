import type { SiteSettingsDto } from "@/lib/settings/queries";

/** The office's other channels, from 网站设置: for visitors who prefer to write or call. */
export function ContactChannels({ settings: s }: { settings: SiteSettingsDto }) {
  const any = s.contactEmail || s.phone || s.address;
  return (
    <section className="fb-aside-box" aria-labelledby="fb-contact-title">
      <h2 id="fb-contact-title" className="fb-aside-title">
        其他联系方式
      </h2>
      {any ? (
        <ul className="fb-contact-list">
          {s.contactEmail && (
            <li>
              电子邮箱：<a href={`mailto:${s.contactEmail}?subject=${encodeURIComponent("网站建议")}`}>{s.contactEmail}</a>
            </li>
          )}
          {s.phone && (
            <li>
              联系电话：<a href={`tel:${s.phone.replace(/[^\d+]/g, "")}`}>{s.phone}</a>
            </li>
          )}
          {s.address && (
            <li>
              通信地址：{s.address}
              {s.postcode && `（邮编：${s.postcode}）`}
            </li>
          )}
        </ul>
      ) : (
        <p className="empty">暂未公布其他联系方式。</p>
      )}
    </section>
  );
}
