import type { RevisionDiff } from "@/lib/articles/revisions";

/**
 * Two revisions compared field by field, and the body by characters (the
 * 版本记录 page and the review view). `labels` names the two sides when they
 * mean more than A and B (e.g. 线上版本 / 待审核版本).
 */
export function DiffView({ diff, labels = { a: "版本 A", b: "版本 B" } }: { diff: RevisionDiff; labels?: { a: string; b: string } }) {
  const changedCount = diff.fields.filter((f) => f.changed).length;
  return (
    <>
      <h2 id="diff-heading">
        第{diff.a}版 → 第{diff.b}版
      </h2>
      <p className="adm-hint" role="status">
        {diff.a === diff.b ? "两边是同一个版本。" : changedCount === 0 ? "两个版本内容相同。" : `共有 ${changedCount} 项不同（已高亮显示）。`}
      </p>
      <div className="adm-table-wrap">
        <table className="adm-table adm-diff-fields" aria-labelledby="diff-heading">
          <thead>
            <tr>
              <th scope="col">字段</th>
              <th scope="col">第{diff.a}版（{labels.a}）</th>
              <th scope="col">第{diff.b}版（{labels.b}）</th>
              <th scope="col">比较</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.key} className={f.changed ? "adm-diff-changed" : undefined}>
                <th scope="row">{f.label}</th>
                <td>{f.a || <span className="adm-diff-same">（空）</span>}</td>
                <td>{f.b || <span className="adm-diff-same">（空）</span>}</td>
                <td>{f.changed ? <span className="adm-diff-mark">有修改</span> : <span className="adm-diff-same">相同</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>正文对比</h2>
      <p className="adm-diff-legend">
        <span>
          <ins>绿色</ins> 为{labels.b}新增的文字
        </span>
        <span>
          <del>红色删除线</del> 为{labels.b}删除的文字
        </span>
        <span>较长的未修改内容以“……”省略</span>
        {diff.body.granularity === "lines" && <span>正文较长，按段落比较</span>}
      </p>
      {diff.body.changed && diff.body.parts.every((p) => p.kind === "same") && (
        <p className="adm-hint">正文文字相同，仅格式、图片或链接有变化。</p>
      )}
      <div className="adm-diff-body">
        {diff.body.parts.length === 0 ? (
          <span className="adm-diff-same">（正文为空）</span>
        ) : (
          diff.body.parts.map((p, i) =>
            p.kind === "added" ? (
              <ins key={i}>{p.text}</ins>
            ) : p.kind === "removed" ? (
              <del key={i}>{p.text}</del>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )
        )}
      </div>
    </>
  );
}
