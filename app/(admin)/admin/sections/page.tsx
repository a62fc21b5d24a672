import type { Metadata } from "next";
import { SectionForm } from "@/components/admin/sections/SectionForm";
import { SectionRowActions } from "@/components/admin/sections/SectionRowActions";
import { flattenTree, sectionOptions } from "@/lib/sections/tree";
import { requirePage } from "@/lib/auth/guard";
import { articleCountsBySection, buildTree, listSections } from "@/lib/sections/queries";
import { SECTION_KIND_LABELS, sectionHref } from "@/lib/sections/types";
import "@/components/admin/crud.css";

export const metadata: Metadata = { title: "栏目管理" };

export default async function SectionsPage() {
  await requirePage("section.manage", "/admin/sections");
  const [sections, articleCount] = await Promise.all([listSections(), articleCountsBySection()]);
  const rows = flattenTree(buildTree(sections));

  return (
    <>
      <h1>栏目管理</h1>
      <section className="adm-panel" aria-labelledby="sections-list-title">
        <h2 id="sections-list-title">栏目列表</h2>
        {rows.length === 0 ? (
          <p className="crud-muted">还没有栏目，请在下方新建。</p>
        ) : (
          <div className="crud-table-wrap">
            <table className="adm-table">
              <thead>
                <tr>
                  <th scope="col">名称</th>
                  <th scope="col">网址</th>
                  <th scope="col">类型</th>
                  <th scope="col">首页显示</th>
                  <th scope="col">文章数</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <span className="crud-tree-name" style={{ paddingLeft: `${s.depth * 1.5}em` }}>
                        {s.depth > 0 && (
                          <span className="crud-tree-mark" aria-hidden="true">
                            └
                          </span>
                        )}
                        {s.name}
                      </span>
                    </td>
                    <td>
                      <a href={sectionHref(s.path)} target="_blank" rel="noopener noreferrer">
                        /{s.path}
                      </a>
                    </td>
                    <td>{SECTION_KIND_LABELS[s.kind]}</td>
                    <td>{s.showOnHome ? "是" : "否"}</td>
                    <td>{articleCount.get(s.id) ?? 0}</td>
                    <td>
                      <SectionRowActions id={s.id} name={s.name} first={s.first} last={s.last} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="adm-panel" aria-labelledby="sections-new-title">
        <h2 id="sections-new-title">新建栏目</h2>
        <SectionForm parents={sectionOptions(rows)} />
      </section>
    </>
  );
}
