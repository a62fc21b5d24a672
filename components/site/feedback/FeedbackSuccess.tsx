"use client";

import { SiteLink } from "@/components/site/SiteLink";
import { useEffect, useRef } from "react";
import { formatCode } from "@/lib/feedback/code-format";
import { CopyCodeButton } from "./CopyCodeButton";

/** Shown instead of the form once the message is stored: the query code is all the visitor needs to keep. */
export function FeedbackSuccess({ code }: { code: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="fb-success" aria-labelledby="fb-success-title">
      <h2 id="fb-success-title" ref={headingRef} tabIndex={-1} className="fb-section-title">
        留言已提交，感谢您的意见和建议
      </h2>
      <p>请记下您的查询码。我们答复后，您可以凭查询码查看办理状态和答复内容。</p>
      <div className="fb-code-box">
        <span className="fb-code-label">查询码</span>
        <strong className="fb-code" data-code={code}>
          {formatCode(code)}
        </strong>
        <CopyCodeButton code={code} />
      </div>
      <p className="fb-success-links">
        <SiteLink className="fb-button" href={`/feedback/query?code=${code}`}>
          查看办理情况
        </SiteLink>
        <SiteLink href="/feedback/query">留言查询</SiteLink>
        {/* A full page load on purpose: it brings a fresh form (and form token); a client navigation to this same URL would keep the answer shown. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/feedback">继续留言</a>
      </p>
    </section>
  );
}
