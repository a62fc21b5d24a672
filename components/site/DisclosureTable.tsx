import { VALIDITY_LABELS, type DisclosureView } from "@/lib/disclosure/fields";
import { formatDate } from "@/lib/format/date";
import "./disclosure.css";

/**
 * The standard 政府信息公开 header above a document's text: 索引号, 主题分类,
 * 发文机关, 成文日期, 标题, 文号, 发布日期, 有效性. A repealed or expired
 * document says so in the table and in a note above the text.
 */
export function DisclosureTable({ d, title, publishedAt }: { d: DisclosureView; title: string; publishedAt: string }) {
  const ended = d.validity !== "valid";
  return (
    <>
      <table className="disclosure-table">
        <caption className="visually-hidden">政府信息公开信息</caption>
        <tbody>
          <tr>
            <th scope="row">索引号</th>
            <td className="disclosure-code">{d.indexNumber ?? "发布时生成"}</td>
            <th scope="row">主题分类</th>
            <td>{d.topic || "—"}</td>
          </tr>
          <tr>
            <th scope="row">发文机关</th>
            <td>{d.issuer || "—"}</td>
            <th scope="row">成文日期</th>
            <td>{d.writtenOn ? <time dateTime={d.writtenOn}>{d.writtenOn}</time> : "—"}</td>
          </tr>
          <tr>
            <th scope="row">标　　题</th>
            <td colSpan={3}>{title}</td>
          </tr>
          <tr>
            <th scope="row">文　　号</th>
            <td>{d.docNumber || "—"}</td>
            <th scope="row">发布日期</th>
            <td>
              <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>
            </td>
          </tr>
          <tr>
            <th scope="row">有&ensp;效&ensp;性</th>
            <td colSpan={3}>
              <span className="disclosure-validity" data-validity={d.validity}>
                {VALIDITY_LABELS[d.validity]}
              </span>
              {d.repealedOn && (
                <span className="disclosure-repealed-on">
                  {VALIDITY_LABELS[d.validity]}日期：<time dateTime={d.repealedOn}>{d.repealedOn}</time>
                </span>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      {ended && (
        <p className="disclosure-ended" role="note">
          本文件已{VALIDITY_LABELS[d.validity]}
          {d.repealedOn ? `（${d.repealedOn}起）` : ""}，内容仅供查阅参考，不再作为执行依据。
        </p>
      )}
    </>
  );
}
