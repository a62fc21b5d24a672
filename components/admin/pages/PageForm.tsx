"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { savePageAction } from "@/lib/pages/actions";
import { RichTextEditor } from "@/components/admin/editor/RichTextEditor";
import { Field, ResultMessage } from "@/components/admin/Field";
import { SlugInput } from "@/components/admin/SlugInput";
import { useAction } from "@/components/admin/useAction";
import { PolicyPanel } from "@/components/admin/words/PolicyPanel";
import { checkContentAction } from "@/lib/integrity/words/actions";
import type { ContentCheckResult } from "@/lib/integrity/policy/content-check";
import "@/components/admin/crud.css";

export interface PageFormValues {
  title: string;
  slug: string;
  bodyHtml: string;
}

/** 新建 / 编辑 a static page (免责声明, 联系我们 …). `id` null = new page. */
export function PageForm({ id, initial }: { id: number | null; initial: PageFormValues }) {
  const router = useRouter();
  const [values, setValues] = useState<PageFormValues>(initial);
  const { run, result, pending, fieldError } = useAction(savePageAction);
  const set = <K extends keyof PageFormValues>(key: K, value: PageFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const bodyError = fieldError("bodyHtml");
  // A save refused by the content policy: mark what it found (lib/integrity) in the text.
  const [check, setCheck] = useState<ContentCheckResult | null>(null);
  useEffect(() => {
    // A successful save hides the marks (below); only a refusal asks what the policy found.
    if (!result || result.ok) return;
    void checkContentAction({ kind: "page", title: values.title, bodyHtml: values.bodyHtml })
      .then((r) => setCheck(r.ok && r.data ? (r.data as ContentCheckResult) : null))
      .catch(() => setCheck(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  const highlights = useMemo(
    () => (result?.ok ? [] : (check?.hits ?? [])).filter((h) => h.field === "bodyHtml" && h.matched).map((h) => ({ text: h.matched, blocking: h.blocking, label: `${h.categoryLabel}：${h.word}` })),
    [check, result],
  );

  function submit(e: React.FormEvent) {
    e.preventDefault();
    run({ id, ...values }, (r) => {
      // A new page gets its own address, so a second save updates it instead of creating another.
      if (id === null && r.data) router.replace(`/admin/pages/${r.data.id}?saved=1`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate aria-label={id === null ? "新建页面" : "编辑页面"}>
      <div className="adm-form-grid">
        <Field id="page-title" label="标题" error={fieldError("title")}>
          {(a) => <input {...a} type="text" value={values.title} maxLength={100} onChange={(e) => set("title", e.target.value)} required />}
        </Field>
        <Field
          id="page-slug"
          label="网址标识"
          error={fieldError("slug")}
          hint={`小写字母、数字和连字符，如 contact。网址：/pages/${values.slug.trim().toLowerCase() || "…"}`}
        >
          {(a) => <SlugInput {...a} value={values.slug} onChange={(v) => set("slug", v)} />}
        </Field>
      </div>
      <div className="adm-field crud-editor">
        <label htmlFor="page-body" id="page-body-label">
          内容
        </label>
        <RichTextEditor
          id="page-body"
          label="内容"
          value={values.bodyHtml}
          onChange={(html: string) => set("bodyHtml", html)}
          invalid={!!bodyError}
          describedBy={bodyError ? "page-body-error" : undefined}
          highlights={highlights}
        />
        {bodyError && (
          <p id="page-body-error" className="adm-field-error">
            {bodyError}
          </p>
        )}
      </div>
      <ResultMessage result={result} />
      <PolicyPanel check={result?.ok ? null : check} />
      <div className="adm-actions">
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {pending ? "正在保存…" : "保存页面"}
        </button>
        <Link href="/admin/pages" className="adm-btn">
          返回页面列表
        </Link>
      </div>
    </form>
  );
}
