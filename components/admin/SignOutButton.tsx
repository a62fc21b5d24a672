"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="adm-link-button" onClick={() => signOut({ callbackUrl: "/login" })}>
      退出登录
    </button>
  );
}
