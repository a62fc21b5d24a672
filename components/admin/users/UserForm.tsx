"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import type { ActionResult } from "@/lib/auth/guard";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import "@/components/admin/crud.css";

interface Values {
  email: string;
  name: string;
  role: Role;
  active: boolean;
  password: string;
}

type UserAction = (input: unknown) => Promise<ActionResult<unknown>>;

/** Create a user (email and an initial password) or edit one (name, role, active, optional new password). */
export type UserFormProps =
  | { mode: "create"; action: UserAction }
  | { mode: "edit"; action: UserAction; id: number; initial: { name: string; role: Role; active: boolean } };

const NEW_USER: Values = { email: "", name: "", role: "editor", active: true, password: "" };

/**
 * The one user form. The server action comes from the page (a server component may pass
 * one to a client component), so this component imports nothing from app/.
 */
export function UserForm(props: UserFormProps) {
  const router = useRouter();
  const editing = props.mode === "edit";
  const prefix = editing ? `user-${props.id}` : "user-new";
  const [values, setValues] = useState<Values>(editing ? { ...NEW_USER, ...props.initial } : NEW_USER);
  const { run, result, pending, fieldError } = useAction(props.action);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const activeError = fieldError("active");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = editing
      ? { id: props.id, name: values.name, role: values.role, active: values.active, password: values.password }
      : { email: values.email, name: values.name, role: values.role, password: values.password };
    run(input, () => {
      // A stored password never stays on screen; a created user leaves an empty form for the next one.
      setValues((v) => (editing ? { ...v, password: "" } : NEW_USER));
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate aria-label={editing ? "编辑用户" : "新建用户"}>
      <div className="adm-form-grid">
        {!editing && (
          <Field id={`${prefix}-email`} label="邮箱" error={fieldError("email")} hint="用于登录">
            {(a) => <input {...a} type="email" autoComplete="off" value={values.email} onChange={(e) => set("email", e.target.value)} required />}
          </Field>
        )}
        <Field id={`${prefix}-name`} label="姓名" error={fieldError("name")}>
          {(a) => <input {...a} type="text" autoComplete="off" value={values.name} maxLength={50} onChange={(e) => set("name", e.target.value)} required />}
        </Field>
        <Field id={`${prefix}-role`} label="角色" error={fieldError("role")}>
          {(a) => (
            <select {...a} value={values.role} onChange={(e) => set("role", e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${prefix}-password`}
          label={editing ? "重置密码" : "初始密码"}
          error={fieldError("password")}
          hint={editing ? "留空则不修改；如需重置，请填写至少10位的新密码" : "至少10位，请通过安全渠道告知本人"}
        >
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => set("password", e.target.value)}
              required={!editing}
              minLength={editing ? undefined : 10}
            />
          )}
        </Field>
        {editing && (
          <div className="crud-check-wrap">
            <div className="crud-check">
              <label htmlFor={`${prefix}-active`}>
                <input
                  id={`${prefix}-active`}
                  type="checkbox"
                  checked={values.active}
                  onChange={(e) => set("active", e.target.checked)}
                  aria-invalid={!!activeError}
                  aria-describedby={[activeError ? `${prefix}-active-error` : null, `${prefix}-active-hint`].filter(Boolean).join(" ")}
                />
                启用
              </label>
            </div>
            <p id={`${prefix}-active-hint`} className="adm-hint">
              停用后该账号立即无法登录和操作
            </p>
            {activeError && (
              <p id={`${prefix}-active-error`} className="adm-field-error">
                {activeError}
              </p>
            )}
          </div>
        )}
      </div>
      <ResultMessage result={result} />
      <div className="adm-actions">
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {editing ? (pending ? "正在保存…" : "保存用户") : pending ? "正在创建…" : "新建用户"}
        </button>
        {editing && (
          <Link href="/admin/users" className="adm-btn">
            返回用户列表
          </Link>
        )}
      </div>
    </form>
  );
}
