"use client";

import { useRouter } from "next/navigation";
import { deletePageAction } from "@/lib/pages/actions";
import { ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import "@/components/admin/crud.css";

export function PageDeleteButton({ id, title }: { id: number; title: string }) {
  const router = useRouter();
  const { run, result, pending } = useAction(deletePageAction);

  function remove() {
    if (!window.confirm(`确定要删除页面“${title}”吗？删除后不可恢复。`)) return;
    run({ id }, () => router.refresh());
  }

  return (
    <>
      <button type="button" className="adm-btn adm-btn-danger" onClick={remove} disabled={pending} aria-label={`删除“${title}”`}>
        {pending ? "正在删除…" : "删除"}
      </button>
      {result && !result.ok && (
        <div className="crud-row-message">
          <ResultMessage result={result} />
        </div>
      )}
    </>
  );
}
