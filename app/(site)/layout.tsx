import { SiteFooter } from "@/components/site/SiteFooter";
import { SiteHeader } from "@/components/site/SiteHeader";
import { ViewBeacon } from "@/components/site/ViewBeacon";
import { readSectionTree, readSettings } from "@/lib/site/reads";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, tree] = await Promise.all([readSettings(), readSectionTree()]);
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <SiteHeader siteName={settings.siteName} sections={tree} />
      <main id="main" className="container site-main">
        {children}
      </main>
      <SiteFooter settings={settings} />
      <ViewBeacon />
    </>
  );
}
