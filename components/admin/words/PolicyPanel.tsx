import type { ContentCheckHit, ContentCheckResult } from "@/lib/integrity/policy/content-check";
import "./words.css";

function Excerpt({ hit }: { hit: ContentCheckHit }) {
  const i = hit.matched ? hit.excerpt.indexOf(hit.matched.replace(/\s+/g, " ")) : -1;
  if (i < 0) return <>{hit.excerpt}</>;
  const len = hit.matched.replace(/\s+/g, " ").length;
  return (
    <>
      {hit.excerpt.slice(0, i)}
      <mark className={hit.blocking ? undefined : "policy-warn"}>{hit.excerpt.slice(i, i + len)}</mark>
      {hit.excerpt.slice(i + len)}
    </>
  );
}

/**
 * 内容检查 under the editor's messages: every match with where it is, its
 * category, and for 错误表述 the right form. Blocking matches come first.
 */
export function PolicyPanel({ check }: { check: ContentCheckResult | null }) {
  if (!check || check.hits.length === 0) return null;
  const hits = [...check.hits].sort((a, b) => Number(b.blocking) - Number(a.blocking));
  const blocking = hits.filter((h) => h.blocking).length;
  return (
    <section className={`policy-panel${blocking ? "" : " policy-warn-only"}`} aria-labelledby="policy-title" data-testid="policy-panel">
      <h2 id="policy-title">
        内容检查：{blocking ? `${blocking} 处禁止发布的内容` : ""}
        {blocking && hits.length > blocking ? "，" : ""}
        {hits.length > blocking ? `${hits.length - blocking} 处错误表述` : ""}
      </h2>
      {blocking > 0 && <p className="adm-hint" style={{ marginBottom: 6 }}>修改或删除标出的内容后才能发布。正文中的位置已用底纹标出。</p>}
      <ul>
        {hits.map((h, i) => (
          <li key={i}>
            <strong>{h.where}</strong>：
            {h.categoryLabel === "违规链接" ? (
              h.excerpt
            ) : (
              <>
                “<Excerpt hit={h} />”{h.matched.replace(/\s+/g, "") !== h.word ? `（即“${h.word}”）` : ""}
              </>
            )}
            <span className={h.blocking ? "wl-blocking" : "wl-warning"}>{h.categoryLabel}</span>
            {h.suggestion && <> 建议改为“{h.suggestion}”</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
