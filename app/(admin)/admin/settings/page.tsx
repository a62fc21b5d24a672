import type { Metadata } from "next";
import { SettingsForm } from "@/components/admin/settings/SettingsForm";
import { requirePage } from "@/lib/auth/guard";
import { getSiteSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "网站设置" };

export default async function SettingsPage() {
  await requirePage("settings.manage", "/admin/settings");
  const settings = await getSiteSettings();
  return (
    <>
      <h1>网站设置</h1>
      <p className="adm-hint" style={{ marginBottom: 16 }}>
        这些信息显示在网站每个页面的页头、页脚和政府网站标识中，保存后立即生效。
      </p>
      <SettingsForm initial={settings} />
    </>
  );
}
