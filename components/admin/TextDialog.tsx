"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import "./dialog.css";

export interface TextDialogProps {
  title: string;
  /** One sentence under the title: what happens on confirm. */
  intro?: ReactNode;
  label: string;
  hint?: string;
  /** textarea for notes and reasons, text for a link, datetime-local for a time (Beijing time). */
  input?: "textarea" | "text" | "datetime-local";
  initial?: string;
  maxLength?: number;
  /** The Chinese message when the field is left empty; absent = optional. */
  requiredMessage?: string;
  /** More checks on the trimmed value; returns the message, or undefined when fine. */
  validate?: (value: string) => string | undefined;
  confirmLabel: string;
  danger?: boolean;
  /**
   * Runs the step. A returned string is the server's refusal: shown in the
   * dialog, which stays open with the text as typed. Anything else closes it.
   */
  onConfirm: (value: string) => Promise<string | null | undefined | void> | string | null | undefined | void;
  onClose: () => void;
}

/**
 * A modal dialog asking for one value: a 退回 comment, a 撤稿 reason, a
 * submission note, a scheduled time, a link address. Native <dialog> opened
 * with showModal(), so the rest of the page is inert (focus stays inside) and
 * Esc closes it; labelled by its title; errors in Chinese next to the field;
 * the text typed is kept whatever the server answers. Rendered into <body>:
 * callers usually sit inside a <form>, and forms must not nest.
 * Focus goes back to the button that opened it.
 */
export function TextDialog(props: TextDialogProps) {
  const uid = useId();
  const ids = { title: `${uid}-title`, intro: `${uid}-intro`, field: `${uid}-field`, hint: `${uid}-hint`, error: `${uid}-error` };
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const mounted = useRef(true);
  const [value, setValue] = useState(props.initial ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = props.input ?? "textarea";

  useEffect(() => {
    mounted.current = true;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    fieldRef.current?.focus();
    return () => {
      mounted.current = false;
      if (dialog?.open) dialog.close();
      if (opener?.isConnected && !opener.matches(":disabled")) opener.focus();
    };
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The <form> is inside a portal, but React still bubbles its events to the caller's form.
    e.stopPropagation();
    if (busy) return;
    const v = value.trim();
    const problem = v === "" ? props.requiredMessage : props.validate?.(v);
    if (problem) {
      setError(problem);
      fieldRef.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const refusal = await props.onConfirm(v);
      if (!mounted.current) return;
      if (typeof refusal === "string") {
        setError(refusal);
        fieldRef.current?.focus();
      } else props.onClose();
    } catch {
      if (mounted.current) setError("操作失败：网络或服务器出错，请稍后重试（您填写的内容仍保留在这里）");
    } finally {
      if (mounted.current) setBusy(false);
    }
  }

  const describedBy = [error ? ids.error : null, props.hint ? ids.hint : null].filter(Boolean).join(" ") || undefined;
  const fieldProps = {
    id: ids.field,
    value,
    maxLength: props.maxLength,
    readOnly: busy,
    "aria-invalid": !!error,
    "aria-describedby": describedBy,
    "aria-required": props.requiredMessage ? true : undefined,
    onChange: (e: { target: { value: string } }) => {
      setValue(e.target.value);
      if (error) setError(null);
    },
  };

  const dialog = (
    <dialog
      ref={dialogRef}
      className="adm-dialog"
      aria-labelledby={ids.title}
      aria-describedby={props.intro ? ids.intro : undefined}
      onCancel={(e) => {
        // Esc: let React unmount us rather than the browser closing the element behind our back.
        e.preventDefault();
        if (!busy) props.onClose();
      }}
      onClose={() => {
        if (mounted.current) props.onClose();
      }}
      // Keys typed here are not the editor's shortcuts.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form className="adm-dialog-body" onSubmit={submit} noValidate>
        <h2 id={ids.title} className="adm-dialog-title">
          {props.title}
        </h2>
        {props.intro && (
          <p id={ids.intro} className="adm-hint">
            {props.intro}
          </p>
        )}
        <div className="adm-field">
          <label htmlFor={ids.field}>
            {props.label}
            {props.requiredMessage ? "（必填）" : "（可选）"}
          </label>
          {input === "textarea" ? (
            <textarea ref={fieldRef} rows={4} {...fieldProps} />
          ) : (
            <input ref={fieldRef} type={input} {...fieldProps} />
          )}
          {props.hint && (
            <p id={ids.hint} className="adm-hint">
              {props.hint}
            </p>
          )}
          {error && (
            <p id={ids.error} className="adm-field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        {busy && (
          <p className="adm-hint" role="status">
            正在处理…
          </p>
        )}
        <div className="adm-dialog-actions">
          <button type="button" className="adm-btn" onClick={props.onClose} disabled={busy}>
            取消
          </button>
          <button type="submit" className={`adm-btn ${props.danger ? "adm-btn-danger" : "adm-btn-primary"}`} aria-disabled={busy || undefined}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );

  return typeof document === "undefined" ? null : createPortal(dialog, document.body);
}
