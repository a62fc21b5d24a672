"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishArticleAction, returnArticleAction, scheduleArticleAction } from "@/lib/articles/actions";
import type { ActionResult } from "@/lib/auth/guard";
import { ResultMessage } from "../Field";
import { WorkflowDialog } from "../articles/WorkflowDialog";

type Ask = "return" | "schedule";

/**
 * 发布 / 定时发布 / 退回修改 on the review view; the comment and the time are
 * asked for in dialogs. Stays mounted after the step (actionable turns false)
 * so its outcome remains on screen.
 */
export function ReviewActions({ id, title, actionable }: { id: number; title: string; actionable: boolean }) {
  const router = useRouter();
  const [ask, setAsk] = useState<Ask | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);

  /** Runs a step; returns its refusal for the dialog to show (the text stays as typed). */
  async function step(call: () => Promise<ActionResult<unknown>>): Promise<string | undefined> {
    setBusy(true);
    try {
      const r = await call();
      setResult(r);
      if (r.ok) {
        router.refresh();
        return undefined;
      }
      return Object.values(r.fieldErrors ?? {})[0] ?? r.error;
    } catch {
      const error = "操作失败：网络或服务器出错，请稍后重试";
      setResult({ ok: false, error });
      return error;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="adm-review-actions" role="group" aria-label="审核操作">
      {actionable && (
      <div className="adm-actions">
        <button
          type="button"
          className="adm-btn adm-btn-primary"
          disabled={busy}
          onClick={() => window.confirm(`确定立即发布“${title}”到网站吗？`) && void step(() => publishArticleAction({ id }))}
        >
          发布
        </button>
        <button type="button" className="adm-btn" disabled={busy} aria-haspopup="dialog" onClick={() => setAsk("schedule")}>
          定时发布…
        </button>
        <button type="button" className="adm-btn adm-btn-danger" disabled={busy} aria-haspopup="dialog" onClick={() => setAsk("return")}>
          退回修改…
        </button>
      </div>
      )}
      <ResultMessage result={result} />
      {ask && (
        <WorkflowDialog
          ask={ask}
          onConfirm={(value) =>
            step(() => (ask === "return" ? returnArticleAction({ id, reason: value }) : scheduleArticleAction({ id, at: value })))
          }
          onClose={() => setAsk(null)}
        />
      )}
    </div>
  );
}
