import type { Metadata } from "next";
import { HydrationGate } from "@/components/admin/HydrationGate";
import { LoginForm } from "@/components/admin/LoginForm";
import "@/components/admin/admin.css";
import { readSettings } from "@/lib/site/reads";

export const metadata: Metadata = { title: "登录 - 网站管理系统", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never bounce a signed-in editor to another site.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/admin";
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
