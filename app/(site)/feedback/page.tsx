import type { Metadata } from "next";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { pageMetadata } from "@/lib/site/metadata";
import { readSettings } from "@/lib/site/reads";

export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata(await readSettings(), { title: "网站建议", column: "网站建议" });
}

/** The online form (with its anti-flood rules and reply tracking) is its own issue; meanwhile visitors get the real channels. */
export default async function FeedbackPage() {
  const s = await readSettings();
  return (
    <div className="static-page">
      <Breadcrumb items={[{ label: "网站建议", href: "/feedback" }]} />
      <div className="article-paper">
        <h1 className="article-title">网站建议</h1>
        <div className="article-body">
          <p>欢迎您对本网站的内容和服务提出意见和建议。在线留言功能正在建设中，目前请通过以下方式与我们联系：</p>
          <ul>
            {s.contactEmail && (
              <li>
                电子邮箱：<a href={`mailto:${s.contactEmail}?subject=${encodeURIComponent("网站建议")}`}>{s.contactEmail}</a>
              </li>
            )}
            {s.phone && <li>联系电话：{s.phone}</li>}
            {s.address && (
              <li>
                通信地址：{s.address}
                {s.postcode && `（邮编：${s.postcode}）`}
              </li>
            )}
          </ul>
        </div>
      </div>
    </div>
  );
}
