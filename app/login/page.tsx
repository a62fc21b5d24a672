import type { Metadata } from "next";
import { headers } from "next/headers";
import { HydrationGate } from "@/components/admin/HydrationGate";
import { LoginForm } from "@/components/admin/LoginForm";
import "@/components/admin/admin.css";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { requestOriginFromHeaders } from "@/lib/site/origin";
import { readSettings } from "@/lib/site/reads";

export const metadata: Metadata = { title: "登录 - 网站管理系统", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  // Only this site's own pages: never bounce a signed-in editor to another site.
  const next = safeCallbackPath(callbackUrl, requestOriginFromHeaders(await headers()));
  const settings = await readSettings();
  return (
    <main className="login-page">
      <div className="login-card">
        <h1>
          {settings.siteName}
          <small>网站管理系统</small>
        </h1>
        <HydrationGate>
          <LoginForm next={next} />
        </HydrationGate>
      </div>
    </main>
  );
}
