"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { replySuggestionAction } from "@/lib/feedback/actions";
import { Field, ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import "@/components/admin/crud.css";

export function ReplyForm({ id, initial }: { id: number; initial: { reply: string; replyPublic: boolean } }) {
  const router = useRouter();
  const [reply, setReply] = useState(initial.reply);
  const [replyPublic, setReplyPublic] = useState(initial.replyPublic);
  const { run, result, pending, fieldError } = useAction(replySuggestionAction);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    run({ id, reply, replyPublic }, () => router.refresh());
  }

  return (
    <form onSubmit={submit} className="adm-form" noValidate aria-label="答复留言">
      <Field id="fb-reply" label="答复内容" error={fieldError("reply")} hint="留言人凭查询码可看到答复；勾选“公开答复”后，主题和答复（不含姓名、联系方式）同时显示在网站“留言选登”中。">
        {(a) => <textarea {...a} rows={8} value={reply} maxLength={4000} onChange={(e) => setReply(e.target.value)} />}
      </Field>
      <div className="crud-check">
        <label htmlFor="fb-reply-public">
          <input id="fb-reply-public" type="checkbox" checked={replyPublic} onChange={(e) => setReplyPublic(e.target.checked)} />
          公开答复
        </label>
      </div>
      <ResultMessage result={result} />
      <div className="adm-actions">
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {pending ? "正在保存…" : initial.reply ? "保存修改" : "提交答复"}
        </button>
      </div>
    </form>
  );
}
