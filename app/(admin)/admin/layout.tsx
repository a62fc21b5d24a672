import type { Metadata } from "next";
import Link from "next/link";
import { HydrationGate } from "@/components/admin/HydrationGate";
import { SignOutButton } from "@/components/admin/SignOutButton";
import { ADMIN_NAV } from "@/components/admin/nav";
import { requirePage } from "@/lib/auth/guard";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import "@/components/admin/admin.css";

export const metadata: Metadata = { title: "网站管理系统", robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("admin.access");
  return (
    <div className="adm">
      <header className="adm-top">
        <Link href="/admin" className="adm-brand">
          网站管理系统
        </Link>
        <span className="adm-user">
          {actor.name}（{ROLE_LABELS[actor.role]}）
          <Link href="/" target="_blank" prefetch={false}>
            查看网站
          </Link>
          <SignOutButton />
        </span>
      </header>
      <div className="adm-body">
        <nav className="adm-nav" aria-label="管理菜单">
          <ul>
            {ADMIN_NAV.filter((n) => can(actor.role, n.permission)).map((n) => (
              <li key={n.href}>
                <Link href={n.href}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="adm-main" id="main">
          <HydrationGate>{children}</HydrationGate>
        </main>
      </div>
    </div>
  );
}
