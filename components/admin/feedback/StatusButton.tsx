"use client";

import { useRouter } from "next/navigation";
import { changeSuggestionStatusAction } from "@/lib/feedback/actions";
import { ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";

/** 办结 for an open message, 重新打开 for a closed one. */
export function StatusButton({ id, closed }: { id: number; closed: boolean }) {
  const router = useRouter();
  const { run, result, pending } = useAction(changeSuggestionStatusAction);
  return (
    <div className="adm-form">
      <div className="adm-actions">
        <button type="button" className="adm-btn" disabled={pending} onClick={() => run({ id, action: closed ? "reopen" : "close" }, () => router.refresh())}>
          {closed ? "重新打开" : "办结"}
        </button>
        <span className="adm-hint">{closed ? "重新打开后可继续办理。" : "办结表示此留言已处理完毕，不再需要跟进。"}</span>
      </div>
      <ResultMessage result={result} />
    </div>
  );
}
