import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SectionForm } from "@/components/admin/sections/SectionForm";
import { flattenTree, sectionOptions } from "@/lib/sections/tree";
import { requirePage } from "@/lib/auth/guard";
import { buildTree, listSections } from "@/lib/sections/queries";
import { sectionRuleSettings } from "@/lib/sections/rule-settings";
import { sectionHref } from "@/lib/sections/types";
import "@/components/admin/crud.css";

export const metadata: Metadata = { title: "编辑栏目" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSectionPage({ params }: Props) {
  await requirePage("section.manage", `/admin/sections/${(await params).id}`);
  const { id: raw } = await params;
  const id = /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
  if (id === null) notFound();
  const sections = await listSections();
  const section = sections.find((s) => s.id === id);
  if (!section) notFound();
  const rows = flattenTree(buildTree(sections));
  const rule = await sectionRuleSettings(section.id);

  return (
    <>
      <div className="crud-head">
        <h1>编辑栏目：{section.name}</h1>
        <Link href="/admin/sections">返回栏目列表</Link>
      </div>
      <section className="adm-panel" aria-label="栏目信息">
        <p className="adm-hint">
          当前网址：
          <a href={sectionHref(section.path)} target="_blank" rel="noopener noreferrer">
            /{section.path}
          </a>
          。修改网址标识或上级栏目后，原网址（包括下级栏目和文章的网址）会自动跳转到新网址。
        </p>
      </section>
      <section className="adm-panel" aria-label="编辑栏目">
        <SectionForm
          id={section.id}
          parents={sectionOptions(rows)}
          initial={{
            name: section.name,
            slug: section.slug,
            kind: section.kind,
            parentId: section.parentId,
            description: section.description,
            showOnHome: section.showOnHome,
            ...rule,
          }}
        />
      </section>
    </>
  );
}
