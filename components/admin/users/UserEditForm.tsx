"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateUserAction } from "@/lib/users/actions";
import { Field, ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import "@/components/admin/crud.css";

interface Values {
  name: string;
  role: Role;
  active: boolean;
  password: string;
}

export function UserEditForm({ id, initial }: { id: number; initial: Omit<Values, "password"> }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>({ ...initial, password: "" });
  const { run, result, pending, fieldError } = useAction(updateUserAction);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const activeError = fieldError("active");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    run({ id, ...values }, () => {
      // The new password has been stored; never keep it on screen.
      setValues((v) => ({ ...v, password: "" }));
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate aria-label="编辑用户">
      <div className="adm-form-grid">
        <Field id={`user-${id}-name`} label="姓名" error={fieldError("name")}>
          {(a) => <input {...a} type="text" autoComplete="off" value={values.name} maxLength={50} onChange={(e) => set("name", e.target.value)} required />}
        </Field>
        <Field id={`user-${id}-role`} label="角色" error={fieldError("role")}>
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
        <Field id={`user-${id}-password`} label="重置密码" error={fieldError("password")} hint="留空则不修改；如需重置，请填写至少10位的新密码">
          {(a) => <input {...a} type="password" autoComplete="new-password" value={values.password} onChange={(e) => set("password", e.target.value)} />}
        </Field>
        <div className="crud-check-wrap">
          <div className="crud-check">
            <label htmlFor={`user-${id}-active`}>
              <input
                id={`user-${id}-active`}
                type="checkbox"
                checked={values.active}
                onChange={(e) => set("active", e.target.checked)}
                aria-invalid={!!activeError}
                aria-describedby={[activeError ? `user-${id}-active-error` : null, `user-${id}-active-hint`].filter(Boolean).join(" ")}
              />
              启用
            </label>
          </div>
          <p id={`user-${id}-active-hint`} className="adm-hint">
            停用后该账号立即无法登录和操作
          </p>
          {activeError && (
            <p id={`user-${id}-active-error`} className="adm-field-error">
              {activeError}
            </p>
          )}
        </div>
      </div>
      <ResultMessage result={result} />
      <div className="adm-actions">
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {pending ? "正在保存…" : "保存用户"}
        </button>
        <Link href="/admin/users" className="adm-btn">
          返回用户列表
        </Link>
      </div>
    </form>
  );
}
