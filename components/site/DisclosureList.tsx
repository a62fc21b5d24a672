import { SiteLink } from "@/components/site/SiteLink";
import type { DisclosureListItem } from "@/lib/disclosure/queries";
import { VALIDITY_LABELS } from "@/lib/disclosure/fields";
import "./disclosure.css";

/** A 信息公开 section's list: the catalogue table (索引号, 标题, 文号, 成文日期). */
export function DisclosureList({ items }: { items: DisclosureListItem[] }) {
  if (items.length === 0) return <p className="empty">暂无信息</p>;
  return (
    <div className="disclosure-list-wrap">
      <table className="disclosure-list">
        <caption className="visually-hidden">政府信息公开目录</caption>
        <thead>
          <tr>
            <th scope="col" className="col-index">索引号</th>
            <th scope="col">标题</th>
            <th scope="col" className="col-doc">文号</th>
            <th scope="col" className="col-date">成文日期</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td className="col-index disclosure-code" data-label="索引号">{a.indexNumber || "—"}</td>
              <td data-label="标题">
                {a.pinned && <span className="item-pinned">置顶</span>}
                <SiteLink href={a.href} className="item-title">
                  {a.title}
                </SiteLink>
                {a.validity !== "valid" && <span className="disclosure-validity" data-validity={a.validity}>{VALIDITY_LABELS[a.validity]}</span>}
              </td>
              <td className="col-doc" data-label="文号">{a.docNumber || "—"}</td>
              <td className="col-date" data-label="成文日期">
                {a.writtenOn ? <time dateTime={a.writtenOn}>{a.writtenOn}</time> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
