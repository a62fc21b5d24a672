"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { deleteSectionAction, moveSectionAction } from "@/lib/sections/actions";
import { ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import "@/components/admin/crud.css";

/** 上移 / 下移 / 编辑 / 删除 for one row of the section table; a refusal is shown in the row. */
export function SectionRowActions({ id, name, first, last }: { id: number; name: string; first: boolean; last: boolean }) {
  const router = useRouter();
  const move = useAction(moveSectionAction);
  const remove = useAction(deleteSectionAction);
  const pending = move.pending || remove.pending;

  function doMove(direction: "up" | "down") {
    remove.reset();
    move.run({ id, direction }, () => router.refresh());
  }

  function doDelete() {
    if (!window.confirm(`确定要删除栏目“${name}”吗？删除后不可恢复。`)) return;
    move.reset();
    remove.run({ id }, () => router.refresh());
  }

  return (
    <div>
      <div className="crud-row-actions">
        <button type="button" className="adm-btn" onClick={() => doMove("up")} disabled={pending || first} aria-label={`上移“${name}”`}>
          上移
        </button>
        <button type="button" className="adm-btn" onClick={() => doMove("down")} disabled={pending || last} aria-label={`下移“${name}”`}>
          下移
        </button>
        <Link href={`/admin/sections/${id}`} className="adm-btn" aria-label={`编辑“${name}”`}>
          编辑
        </Link>
        <button type="button" className="adm-btn adm-btn-danger" onClick={doDelete} disabled={pending} aria-label={`删除“${name}”`}>
          删除
        </button>
      </div>
      {(move.result || remove.result) && (
        <div className="crud-row-message">
          <ResultMessage result={move.result && !move.result.ok ? move.result : remove.result} />
        </div>
      )}
    </div>
  );
}
