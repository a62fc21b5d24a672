"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createSectionAction, updateSectionAction } from "@/lib/sections/actions";
import { Field, ResultMessage } from "@/components/admin/Field";
import { SlugInput } from "@/components/admin/SlugInput";
import { useAction } from "@/components/admin/useAction";
import { SECTION_KINDS, SECTION_KIND_LABELS, type SectionKind } from "@/lib/sections/types";
import { UPDATE_RULES, UPDATE_RULE_LABELS, type UpdateRule } from "@/lib/sections/update-rules";
import type { SectionOption as ParentOption } from "@/lib/sections/tree";
import "@/components/admin/crud.css";

export interface SectionFormValues {
  name: string;
  slug: string;
  kind: SectionKind;
  parentId: number | null;
  description: string;
  showOnHome: boolean;
  updateRule: UpdateRule;
  staleDays: number | null;
  closed: boolean;
}

const EMPTY: SectionFormValues = {
  name: "",
  slug: "",
  kind: "channel",
  parentId: null,
  description: "",
  showOnHome: true,
  updateRule: "auto",
  staleDays: null,
  closed: false,
};

export const SLUG_HINT = "小写字母、数字和连字符，如 news；修改后原网址会自动跳转";

/**
 * 新建栏目 (no `id`) or 编辑栏目 (with `id`). When editing, the section
 * itself and its descendants cannot be chosen as the new parent (the server
 * refuses that too).
 */
export function SectionForm({ id, initial, parents }: { id?: number; initial?: SectionFormValues; parents: ParentOption[] }) {
  const router = useRouter();
  const editing = id !== undefined;
  const [values, setValues] = useState<SectionFormValues>(initial ?? EMPTY);
  const { run, result, pending, fieldError } = useAction(editing ? updateSectionAction : createSectionAction);
  const prefix = editing ? `section-${id}` : "section-new";

  const self = editing ? parents.find((p) => p.id === id) : undefined;
  const blocked = (p: ParentOption) => !!self && (p.id === self.id || p.path.startsWith(self.path + "/"));
  const parentPath = values.parentId === null ? null : (parents.find((p) => p.id === values.parentId)?.path ?? null);
  const preview = `/${parentPath ? parentPath + "/" : ""}${values.slug.trim().toLowerCase() || "…"}`;

  function set<K extends keyof SectionFormValues>(key: K, value: SectionFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    run(editing ? { id, ...values } : values, () => {
      if (!editing) setValues(EMPTY);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate aria-label={editing ? "编辑栏目" : "新建栏目"}>
      <div className="adm-form-grid">
        <Field id={`${prefix}-name`} label="名称" error={fieldError("name")}>
          {(a) => <input {...a} type="text" value={values.name} maxLength={60} onChange={(e) => set("name", e.target.value)} required />}
        </Field>
        <Field id={`${prefix}-slug`} label="网址标识" error={fieldError("slug")} hint={`${SLUG_HINT}。网址：${preview}`}>
          {(a) => <SlugInput {...a} value={values.slug} onChange={(v) => set("slug", v)} />}
        </Field>
        <Field id={`${prefix}-kind`} label="类型" error={fieldError("kind")} hint="信息公开：政策文件、通知公告等，文章带索引号、文号等政府信息公开信息">
          {(a) => (
            <select {...a} value={values.kind} onChange={(e) => set("kind", e.target.value as SectionKind)}>
              {SECTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SECTION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-parent`} label="上级栏目" error={fieldError("parentId")}>
          {(a) => (
            <select {...a} value={values.parentId === null ? "" : String(values.parentId)} onChange={(e) => set("parentId", e.target.value === "" ? null : Number(e.target.value))}>
              <option value="">（无，作为一级栏目）</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id} disabled={blocked(p)}>
                  {"\u3000".repeat(p.depth)}
                  {p.depth > 0 ? "└ " : ""}
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${prefix}-description`} label="说明" error={fieldError("description")} hint="选填，最多300字">
        {(a) => <textarea {...a} value={values.description} maxLength={300} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      <div className="adm-form-grid">
        <Field id={`${prefix}-rule`} label="更新检查" error={fieldError("updateRule")} hint="网站健康检查按此规则判断栏目是否长期未更新">
          {(a) => (
            <select {...a} value={values.updateRule} onChange={(e) => set("updateRule", e.target.value as UpdateRule)}>
              {UPDATE_RULES.map((r) => (
                <option key={r} value={r}>
                  {UPDATE_RULE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-stale`} label="更新期限（天）" error={fieldError("staleDays")} hint="选填；留空按所选规则">
          {(a) => (
            <input
              {...a}
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              value={values.staleDays ?? ""}
              onChange={(e) => set("staleDays", e.target.value === "" ? null : Number(e.target.value))}
            />
          )}
        </Field>
      </div>
      {values.kind === "topic" && (
        <div className="crud-check-wrap">
          <div className="crud-check">
            <label htmlFor={`${prefix}-closed`}>
              <input id={`${prefix}-closed`} type="checkbox" checked={values.closed} onChange={(e) => set("closed", e.target.checked)} />
              专题已结束（不再检查更新）
            </label>
          </div>
        </div>
      )}
      <div className="crud-check-wrap">
        <div className="crud-check">
          <label htmlFor={`${prefix}-home`}>
            <input
              id={`${prefix}-home`}
              type="checkbox"
              checked={values.showOnHome}
              onChange={(e) => set("showOnHome", e.target.checked)}
              aria-invalid={!!fieldError("showOnHome")}
              aria-describedby={fieldError("showOnHome") ? `${prefix}-home-error` : undefined}
            />
            在首页显示
          </label>
        </div>
        {fieldError("showOnHome") && (
          <p id={`${prefix}-home-error`} className="adm-field-error">
            {fieldError("showOnHome")}
          </p>
        )}
      </div>
      <ResultMessage result={result} />
      <div className="adm-actions">
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {pending ? "正在保存…" : editing ? "保存栏目" : "新建栏目"}
        </button>
        {editing && (
          <Link href="/admin/sections" className="adm-btn">
            返回栏目列表
          </Link>
        )}
      </div>
    </form>
  );
}
