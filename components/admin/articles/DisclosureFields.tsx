"use client";

import { normalizeDocNumber, TOPICS, VALIDITIES, VALIDITY_LABELS, type DisclosureFields as Fields, type Validity } from "@/lib/disclosure/fields";
import { Field } from "../Field";

/** The 政府信息公开 fieldset of the article editor, shown when the chosen section is a 信息公开 one. */
export function DisclosureFields({
  value,
  onChange,
  fieldError,
  indexNumber,
}: {
  value: Fields;
  /** Functional update: a blur (文号 normalised) and the next field's change may land in one render. */
  onChange: (update: (v: Fields) => Fields) => void;
  fieldError: (name: string) => string | undefined;
  /** Assigned on the first publish; null before. */
  indexNumber: string | null;
}) {
  const set = <K extends keyof Fields>(key: K, v: Fields[K]) => onChange((current) => ({ ...current, [key]: v }));
  const err = (k: keyof Fields) => fieldError(`disclosure.${k}`);
  return (
    <fieldset className="adm-panel adm-form">
      <legend className="adm-label">政府信息公开</legend>
      <p className="adm-hint">
        索引号：{indexNumber ? <strong>{indexNumber}</strong> : "首次发布时按网站设置中的规则自动生成"}（生成后不再改变）
      </p>
      <div className="adm-form-grid">
        <Field id="disclosure.issuer" label="发文机关（必填）" error={err("issuer")} hint="如：安庆市地方税务局">
          {(a) => <input {...a} value={value.issuer} onChange={(e) => set("issuer", e.target.value)} maxLength={100} />}
        </Field>
        <Field id="disclosure.docNumber" label="文号" error={err("docNumber")} hint="如：安地税发〔2017〕12号；输入的【】或 [] 会自动改为〔〕；无文号可留空">
          {(a) => (
            <input
              {...a}
              value={value.docNumber}
              onChange={(e) => set("docNumber", e.target.value)}
              onBlur={(e) => {
                const normalized = normalizeDocNumber(e.target.value);
                if (normalized !== e.target.value) set("docNumber", normalized);
              }}
              maxLength={60}
            />
          )}
        </Field>
        <Field id="disclosure.writtenOn" label="成文日期" error={err("writtenOn")}>
          {(a) => <input {...a} type="date" value={value.writtenOn} onChange={(e) => set("writtenOn", e.target.value)} />}
        </Field>
        <Field id="disclosure.topic" label="主题分类（必填）" error={err("topic")}>
          {(a) => (
            <select {...a} value={value.topic} onChange={(e) => set("topic", e.target.value)}>
              <option value="">请选择主题分类</option>
              {TOPICS.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="disclosure.validity" label="有效性" error={err("validity")}>
          {(a) => (
            <select {...a} value={value.validity} onChange={(e) => set("validity", e.target.value as Validity)}>
              {VALIDITIES.map((v) => (
                <option key={v} value={v}>
                  {VALIDITY_LABELS[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {value.validity !== "valid" && (
          <Field
            id="disclosure.repealedOn"
            label={value.validity === "repealed" ? "废止日期（必填）" : "失效日期"}
            error={err("repealedOn")}
          >
            {(a) => <input {...a} type="date" value={value.repealedOn} onChange={(e) => set("repealedOn", e.target.value)} />}
          </Field>
        )}
      </div>
    </fieldset>
  );
}
