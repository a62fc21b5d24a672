"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createUserAction } from "@/lib/users/actions";
import { Field, ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import "@/components/admin/crud.css";

interface Values {
  email: string;
  name: string;
  role: Role;
  password: string;
}

const EMPTY: Values = { email: "", name: "", role: "editor", password: "" };

export function UserCreateForm() {
  const router = useRouter();
  const [values, setValues] = useState<Values>(EMPTY);
  const { run, result, pending, fieldError } = useAction(createUserAction);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    run(values, () => {
      setValues(EMPTY);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate aria-label="新建用户">
      <div className="adm-form-grid">
        <Field id="user-new-email" label="邮箱" error={fieldError("email")} hint="用于登录">
          {(a) => <input {...a} type="email" autoComplete="off" value={values.email} onChange={(e) => set("email", e.target.value)} required />}
        </Field>
        <Field id="user-new-name" label="姓名" error={fieldError("name")}>
          {(a) => <input {...a} type="text" autoComplete="off" value={values.name} maxLength={50} onChange={(e) => set("name", e.target.value)} required />}
        </Field>
        <Field id="user-new-role" label="角色" error={fieldError("role")}>
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
        <Field id="user-new-password" label="初始密码" error={fieldError("password")} hint="至少10位，请通过安全渠道告知本人">
          {(a) => (
            <input {...a} type="password" autoComplete="new-password" value={values.password} onChange={(e) => set("password", e.target.value)} required minLength={10} />
          )}
        </Field>
      </div>
      <ResultMessage result={result} />
      <div className="adm-actions">
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {pending ? "正在创建…" : "新建用户"}
        </button>
      </div>
    </form>
  );
}
