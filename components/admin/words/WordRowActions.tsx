"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteWordAction, updateWordAction } from "@/lib/integrity/words/actions";
import type { WordCategory } from "@/lib/integrity/words/categories";
import { ResultMessage } from "../Field";
import { useAction } from "../useAction";

/** 修改 / 删除 one entry, in its row. */
export function WordRowActions({ id, word, category, suggestion }: { id: number; word: string; category: WordCategory; suggestion: string }) {
  const router = useRouter();
  const update = useAction(updateWordAction);
  const remove = useAction(deleteWordAction);
  const [editing, setEditing] = useState(false);
  const [w, setW] = useState(word);
  const [s, setS] = useState(suggestion);
  const pending = update.pending || remove.pending;
  const failed = (update.result && !update.result.ok && update.result) || (remove.result && !remove.result.ok && remove.result) || null;

  return (
    <div>
      {editing ? (
        <form
          className="wl-inline"
          onSubmit={(e) => {
            e.preventDefault();
            update.run({ id, word: w, category, suggestion: s }, () => {
              setEditing(false);
              router.refresh();
            });
          }}
        >
          <input aria-label={`“${word}”改为`} value={w} onChange={(e) => setW(e.target.value)} maxLength={200} />
          {category === "wording" && <input aria-label="正确写法" value={s} onChange={(e) => setS(e.target.value)} maxLength={200} />}
          <button type="submit" className="adm-btn" disabled={pending}>
            保存
          </button>
          <button type="button" className="adm-btn" onClick={() => setEditing(false)} disabled={pending}>
            取消
          </button>
        </form>
      ) : (
        <div className="crud-row-actions">
          <button type="button" className="adm-btn" onClick={() => setEditing(true)} aria-label={`修改“${word}”`}>
            修改
          </button>
          <button
            type="button"
            className="adm-btn adm-btn-danger"
            disabled={pending}
            aria-label={`删除“${word}”`}
            onClick={() => window.confirm(`确定从词库中删除“${word}”吗？`) && remove.run({ id }, () => router.refresh())}
          >
            删除
          </button>
        </div>
      )}
      {failed && (
        <div className="crud-row-message">
          <ResultMessage result={failed} />
        </div>
      )}
    </div>
  );
}
