import type { Metadata } from "next";
import Link from "next/link";
import { WordAddForm } from "@/components/admin/words/WordAddForm";
import { WordImportForm } from "@/components/admin/words/WordImportForm";
import { WordRowActions } from "@/components/admin/words/WordRowActions";
import { WordTester } from "@/components/admin/words/WordTester";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format/date";
import { CATEGORY_LABELS, isBlockingCategory, isWordCategory, WORD_CATEGORIES, type WordCategory } from "@/lib/integrity/words/categories";
import { listWordsPage, wordCounts } from "@/lib/integrity/words/manage";
import "@/components/admin/crud.css";
import "@/components/admin/words/words.css";

export const metadata: Metadata = { title: "敏感词库" };

const PAGE_SIZE = 200;

export default async function WordsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePage("words.read", "/admin/words");
  const sp = await searchParams;
  const category: WordCategory = isWordCategory(sp.category) ? sp.category : "gambling";
  const q = (sp.q ?? "").trim().slice(0, 60);
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const [counts, list] = await Promise.all([wordCounts(), listWordsPage(category, q, page, PAGE_SIZE)]);
  const editable = can(actor.role, "words.manage");
  const label = CATEGORY_LABELS[category];
  const href = (over: Record<string, string | number>) => {
    const p = new URLSearchParams({ category, ...(q ? { q } : {}), ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, String(v)])) });
    return `/admin/words?${p}`;
  };

  return (
    <>
      <div className="crud-head">
        <h1>敏感词库</h1>
        <a href={`/api/admin/words/export?category=${category}`} className="adm-btn" download>
          导出“{label}”（文本）
        </a>
      </div>
      <p className="adm-hint" style={{ marginBottom: 12 }}>
        标题、摘要、正文（含链接文字、图片说明、附件名）、单页、栏目名称、网站设置（页脚）和留言答复都按此词库检查。
        博彩/赌博、色情、诈骗、违规广告和违规网址<strong>禁止发布</strong>；错误表述只提示并给出正确写法。
        {!editable && " 您可以查看和导出词库，修改需要管理员。"}
      </p>
      <nav className="wl-tabs" aria-label="按类别查看">
        {WORD_CATEGORIES.map((c) => (
          <Link key={c} href={`/admin/words?category=${c}`} aria-current={c === category ? "page" : undefined}>
            {CATEGORY_LABELS[c]}（{counts[c]}）
          </Link>
        ))}
      </nav>

      <div className="wl-grid">
        <section className="adm-panel" aria-labelledby="list-title">
          <h2 id="list-title" style={{ marginTop: 0 }}>
            {label}
            <span className={isBlockingCategory(category) ? "wl-blocking" : "wl-warning"}>{isBlockingCategory(category) ? "禁止发布" : "提示"}</span>
          </h2>
          <form className="adm-toolbar" action="/admin/words" role="search">
            <input type="hidden" name="category" value={category} />
            <label htmlFor="q" className="visually-hidden">
              查找词语
            </label>
            <input id="q" name="q" defaultValue={q} placeholder="查找词语" />
            <button type="submit" className="adm-btn">
              查找
            </button>
          </form>
          {list.rows.length === 0 ? (
            <p className="crud-muted">{q ? `没有包含“${q}”的词语。` : "此类别还没有词语。"}</p>
          ) : (
            <div className="crud-table-wrap">
              <table className="adm-table">
                <thead>
                  <tr>
                    <th scope="col">{category === "wording" ? "错误写法" : category === "domain" ? "域名" : "词语"}</th>
                    {category === "wording" && <th scope="col">正确写法</th>}
                    <th scope="col">更新时间</th>
                    {editable && <th scope="col">操作</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r) => (
                    <tr key={r.id}>
                      <td className="wl-word">{r.word}</td>
                      {category === "wording" && <td>{r.suggestion}</td>}
                      <td>{formatDateTime(r.updatedAt)}</td>
                      {editable && (
                        <td>
                          <WordRowActions id={r.id} word={r.word} category={category} suggestion={r.suggestion} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.pages > 1 && (
            <nav className="adm-pager" aria-label="分页">
              {list.page > 1 ? <Link href={href({ page: list.page - 1 })}>上一页</Link> : <span aria-disabled="true">上一页</span>}
              <span>
                第 {list.page} / {list.pages} 页，共 {list.total} 个
              </span>
              {list.page < list.pages ? <Link href={href({ page: list.page + 1 })}>下一页</Link> : <span aria-disabled="true">下一页</span>}
            </nav>
          )}
        </section>
        <div>
          {editable && (
            <>
              <section className="adm-panel">
                <WordAddForm key={category} category={category} categoryLabel={label} />
              </section>
              <section className="adm-panel">
                <WordImportForm key={category} category={category} categoryLabel={label} />
              </section>
            </>
          )}
          <section className="adm-panel">
            <WordTester />
          </section>
        </div>
      </div>
    </>
  );
}
