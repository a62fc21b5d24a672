"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateSettingsAction } from "@/lib/settings/actions";
import { Field, ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import type { SiteSettingsDto } from "@/lib/settings/queries";
import "@/components/admin/crud.css";

/** The text settings; the one number (feedbackOverdueDays) has its own field below. */
type Key = Exclude<keyof SiteSettingsDto, "feedbackOverdueDays">;

interface FieldSpec {
  key: Key;
  label: string;
  hint?: string;
  type?: "text" | "email" | "tel";
  inputMode?: "numeric" | "email" | "tel";
  maxLength: number;
  required?: boolean;
}

const GROUPS: { title: string; fields: FieldSpec[] }[] = [
  {
    title: "网站信息",
    fields: [
      { key: "siteName", label: "网站名称", maxLength: 60, required: true, hint: "显示在页头、浏览器标题和页脚" },
      { key: "siteDomain", label: "网站域名", maxLength: 100, hint: "如 www.example.gov.cn，不含 https://" },
      { key: "owner", label: "版权所有单位", maxLength: 100, required: true, hint: "页脚“主办单位/版权所有”" },
      { key: "techSupport", label: "技术支持", maxLength: 100, hint: "选填，显示在页脚" },
    ],
  },
  {
    title: "备案与标识",
    fields: [
      { key: "icpNumber", label: "ICP备案号", maxLength: 60, hint: "如 皖ICP备05012345号" },
      { key: "policeRecordNumber", label: "公安备案号", maxLength: 60, hint: "如 皖公网安备 34080302000053号" },
      { key: "policeRecordCode", label: "公安备案号代码", maxLength: 30, inputMode: "numeric", hint: "只填数字，如 34080302000053，用于生成备案查询链接" },
      { key: "siteIdCode", label: "网站标识码", maxLength: 20, hint: "政府网站标识码，字母和数字，如 3408000001" },
      {
        key: "indexNumberPattern",
        label: "信息公开索引号规则",
        maxLength: 60,
        required: true,
        hint: "可用 <网站标识码>、<年>、<月>、<序号>（按发布年份编号，5位），须含 <年> 和 <序号>，如 <网站标识码>/<年>-<序号>。只影响此后首次发布的文件，已生成的索引号不变",
      },
    ],
  },
  {
    title: "联系方式",
    fields: [
      { key: "contactEmail", label: "联系信箱", maxLength: 200, type: "email", inputMode: "email" },
      { key: "phone", label: "联系电话", maxLength: 60, type: "tel", inputMode: "tel", hint: "如 0556-1234567" },
      { key: "address", label: "地址", maxLength: 200 },
      { key: "postcode", label: "邮编", maxLength: 6, inputMode: "numeric", hint: "6位数字" },
    ],
  },
];

export function SettingsForm({ initial }: { initial: SiteSettingsDto }) {
  const router = useRouter();
  const [values, setValues] = useState<SiteSettingsDto>(initial);
  // Kept as typed (may be "" mid-edit); the server checks it is 1–60.
  const [overdueDays, setOverdueDays] = useState(String(initial.feedbackOverdueDays));
  const { run, result, pending, fieldError } = useAction(updateSettingsAction);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    run({ ...values, feedbackOverdueDays: overdueDays }, () => router.refresh());
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate aria-label="网站设置">
      {GROUPS.map((g) => (
        <fieldset key={g.title} className="adm-panel crud-fieldset">
          <legend className="adm-label">{g.title}</legend>
          <div className="adm-form-grid">
            {g.fields.map((f) => (
              <Field key={f.key} id={`settings-${f.key}`} label={f.label} error={fieldError(f.key)} hint={f.required ? `必填。${f.hint ?? ""}` : f.hint}>
                {(a) => (
                  <input
                    {...a}
                    type={f.type ?? "text"}
                    inputMode={f.inputMode}
                    value={values[f.key]}
                    maxLength={f.maxLength}
                    required={f.required}
                    onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="adm-panel crud-fieldset">
        <legend className="adm-label">网站建议</legend>
        {/* One short number: not stretched across the whole row. */}
        <div className="adm-form-grid" style={{ gridTemplateColumns: "minmax(0, 420px)" }}>
          <Field
            id="settings-feedbackOverdueDays"
            label="留言答复时限（工作日）"
            error={fieldError("feedbackOverdueDays")}
            hint="超过这么多个工作日仍未答复的留言，在留言管理中标红提示。按周一至周五计算，未计入法定节假日和调休。"
          >
            {(a) => (
              <input {...a} type="number" inputMode="numeric" min={1} max={60} step={1} value={overdueDays} onChange={(e) => setOverdueDays(e.target.value)} />
            )}
          </Field>
        </div>
      </fieldset>
      <ResultMessage result={result} />
      <div className="adm-actions">
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {pending ? "正在保存…" : "保存设置"}
        </button>
      </div>
    </form>
  );
}
