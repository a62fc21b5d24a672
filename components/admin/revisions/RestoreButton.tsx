"use client";

import { useRouter } from "next/navigation";
import { restoreRevisionAction } from "@/lib/articles/actions";
import { ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";

/** 恢复为此版本: asks first, then makes the old revision the working copy (a new revision) and reloads the list. */
export function RestoreButton({ articleId, number }: { articleId: number; number: number }) {
  const router = useRouter();
  const { run, result, pending } = useAction(restoreRevisionAction);
  function onClick() {
    if (!window.confirm(`确定要将文章恢复为第${number}版吗？\n恢复后将生成一个新的编辑版本，需重新发布才会在网站上生效。`)) return;
    run({ id: articleId, number }, () => router.refresh());
  }
  return (
    <div className="adm-actions">
      <button type="button" className="adm-btn" onClick={onClick} disabled={pending} aria-label={`恢复为第${number}版`}>
        {pending ? "正在恢复…" : "恢复为此版本"}
      </button>
      <ResultMessage result={result} />
    </div>
  );
}
