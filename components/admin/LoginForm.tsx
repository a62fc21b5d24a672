"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export function LoginForm({ next }: { next: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false });
    setBusy(false);
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "邮箱或密码错误");
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate>
      <div className="adm-field">
        <label htmlFor="email">邮箱</label>
        <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required aria-describedby={error ? "login-error" : undefined} />
      </div>
      <div className="adm-field">
        <label htmlFor="password">密码</label>
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      {error && (
        <p id="login-error" className="adm-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="adm-btn adm-btn-primary" disabled={busy}>
        {busy ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
