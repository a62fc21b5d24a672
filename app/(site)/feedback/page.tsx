import type { Metadata } from "next";
import { SiteLink } from "@/components/site/SiteLink";
import { connection } from "next/server";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { ContactChannels } from "@/components/site/feedback/ContactChannels";
import { FeedbackForm } from "@/components/site/feedback/FeedbackForm";
import { INITIAL_VALUES } from "@/components/site/feedback/form-state";
import { PublicReplies } from "@/components/site/feedback/PublicReplies";
import { listPublicReplies } from "@/lib/feedback/public-replies";
import { issueFormToken } from "@/lib/feedback/token";
import { pageMetadata } from "@/lib/site/metadata";
import { readSettings } from "@/lib/site/reads";
import { firstParam } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata(await readSettings(), { title: "网站建议", column: "网站建议", description: "在线提交网站建议、政策咨询和投诉举报，凭查询码查看答复。" });
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Rendered per request, never cached: the form carries a token signed with
 * the time it was shown, and a submission's answer is one visitor's data.
 */
export default async function FeedbackPage({ searchParams }: Props) {
  await connection();
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(1000, Number.parseInt(firstParam(raw) ?? "1", 10) || 1));
  const [settings, replies] = await Promise.all([readSettings(), listPublicReplies(page)]);
  return (
    <div className="static-page fb-page">
      <Breadcrumb items={[{ label: "网站建议", href: "/feedback" }]} />
      <div className="article-paper">
        <h1 className="article-title">网站建议</h1>
        <p className="fb-intro">
          欢迎您对本网站的内容和服务提出意见和建议，或进行政策咨询、投诉举报。提交后您会得到一个查询码，凭查询码可在
          <SiteLink href="/feedback/query">留言查询</SiteLink>中查看办理状态和答复。
        </p>
        <div className="fb-layout">
          <div className="fb-main">
            <FeedbackForm initial={{ n: 0, status: "idle", values: INITIAL_VALUES, token: issueFormToken() }} />
          </div>
          {/* A div, not <aside>: a complementary landmark may not sit inside <main>. */}
          <div className="fb-aside">
            <section className="fb-aside-box" aria-labelledby="fb-notes-title">
              <h2 id="fb-notes-title" className="fb-aside-title">
                留言须知
              </h2>
              <ul className="fb-notes">
                <li>我们一般在 {settings.feedbackOverdueDays} 个工作日内答复。</li>
                <li>您的姓名和联系方式只用于答复，不会公开。</li>
                <li>具有代表性的留言和答复可能在本页“留言选登”中公开。</li>
                <li>请勿在留言中填写身份证号、银行账号等敏感信息。</li>
                <li>
                  已经留言？请到<SiteLink href="/feedback/query">留言查询</SiteLink>查看办理情况。
                </li>
              </ul>
            </section>
            <ContactChannels settings={settings} />
          </div>
        </div>
        <PublicReplies items={replies.items} page={replies.page} pages={replies.pages} office={settings.owner} />
      </div>
    </div>
  );
}
