"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/hooks/useHydrated";
import { submitFeedback } from "@/lib/feedback/public-actions";
import { CATEGORIES } from "@/lib/feedback/categories";
import { FEEDBACK_LIMITS as L } from "@/lib/feedback/limits";
import type { FormValues } from "@/lib/feedback/schema";
import { FeedbackSuccess } from "./FeedbackSuccess";
import type { FeedbackFormState } from "./form-state";
import "./feedback.css";

type Name = keyof FormValues;

/** Label, control, hint and error wired together: aria-invalid and aria-describedby point at the message. */
function Row({
  name,
  label,
  required,
  hint,
  error,
  children,
}: {
  name: Name;
  label: string;
  required?: boolean;
  hint?: React.ReactNode;
  error?: string;
  children: (a11y: { id: string; name: Name; "aria-invalid"?: true; "aria-describedby"?: string; required?: boolean }) => React.ReactNode;
}) {
  const id = `fb-${name}`;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`fb-row${error ? " fb-row-invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="fb-required">（必填）</span> : <span className="fb-optional">（选填）</span>}
      </label>
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, required })}
      {error && (
        <p id={`${id}-error`} className="fb-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="fb-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * The 网站建议 form. A server action with useActionState: without JavaScript
 * the browser posts it and the page comes back with the messages and every
 * value typed; with JavaScript the same happens in place.
 */
export function FeedbackForm({ initial }: { initial: FeedbackFormState }) {
  const [state, action, pending] = useActionState(submitFeedback, initial);
  if (state.status === "ok") return <FeedbackSuccess code={state.code} />;
  // A new key per answer remounts the fields with the values the server sent back.
  return <FormBody key={state.n} state={state} action={action} pending={pending} />;
}

function FormBody({ state, action, pending }: { state: FeedbackFormState; action: (f: FormData) => void; pending: boolean }) {
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.values;
  const [contentLength, setContentLength] = useState([...v.content].length);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Marks the form as hydrated (tests wait for it; before it, the form still works as a plain POST).
  const ready = useHydrated();

  // After a refusal, take keyboard and screen-reader users to the first field to fix (or the message).
  useEffect(() => {
    if (state.status !== "error") return;
    const first = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    (first ?? summaryRef.current)?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={action} className="fb-form" aria-labelledby="fb-form-title" noValidate data-ready={ready || undefined}>
      <h2 id="fb-form-title" className="fb-section-title">
        我要留言
      </h2>
      {state.status === "error" && (
        <div ref={summaryRef} tabIndex={-1} className="fb-alert" role="alert">
          {state.error}
        </div>
      )}
      <input type="hidden" name="token" value={state.token} />
      {/* Honeypot: invisible to people and screen readers, filled by form-spamming bots. */}
      <div className="fb-hp" aria-hidden="true">
        <label htmlFor="fb-website">网址（请勿填写）</label>
        <input id="fb-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <Row name="category" label="留言类别" required error={errors.category}>
        {(a) => (
          <select {...a} defaultValue={v.category}>
            {CATEGORIES.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Row>
      <Row name="subject" label="主题" required error={errors.subject} hint={`不超过 ${L.subjectMax} 个字`}>
        {(a) => <input {...a} type="text" defaultValue={v.subject} maxLength={L.subjectMax} autoComplete="off" />}
      </Row>
      <Row
        name="content"
        label="留言内容"
        required
        error={errors.content}
        hint={
          <>
            {L.contentMin}–{L.contentMax} 个字，最多包含 {L.maxLinks} 个网址。
            <span className="fb-counter">
              已输入 {contentLength} 字
            </span>
          </>
        }
      >
        {(a) => <textarea {...a} rows={8} defaultValue={v.content} maxLength={L.contentMax} onInput={(e) => setContentLength([...e.currentTarget.value].length)} />}
      </Row>
      <div className="fb-pair">
        <Row name="name" label="姓名" error={errors.name} hint="可以不填；不会公开">
          {(a) => <input {...a} type="text" defaultValue={v.name} maxLength={L.nameMax} autoComplete="name" />}
        </Row>
        <Row name="contact" label="联系方式" required error={errors.contact} hint="手机号码、固定电话（如 0556-5551234）或电子邮箱；仅用于答复，不会公开">
          {(a) => <input {...a} type="text" defaultValue={v.contact} maxLength={L.contactMax} autoComplete="tel" inputMode="text" />}
        </Row>
      </div>
      <div className="fb-actions">
        <button type="submit" className="fb-button" disabled={pending}>
          {pending ? "正在提交…" : "提交留言"}
        </button>
      </div>
    </form>
  );
}
