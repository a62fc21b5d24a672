"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { removePlacementAction, reorderPlacementAction } from "@/lib/placement/actions";
import { PLACEMENT_HINTS, PLACEMENT_LABELS, type PlacementKind } from "@/lib/placement/kinds";
import type { BoardItem } from "@/lib/placement/manage";
import { formatDateTime } from "@/lib/format/date";
import { ResultMessage } from "../Field";
import { useAction } from "../useAction";

/** 置顶 orders within a section list: its rows are grouped by section and move within their group. */
function groupsOf(kind: PlacementKind, items: BoardItem[]): { key: string; title: string | null; items: BoardItem[] }[] {
  if (kind !== "pinned") return [{ key: kind, title: null, items }];
  const bySection = new Map<number, BoardItem[]>();
  for (const it of items) bySection.set(it.sectionId, [...(bySection.get(it.sectionId) ?? []), it]);
  return [...bySection.entries()].map(([id, list]) => ({ key: `s${id}`, title: list[0].sectionName, items: list }));
}

export function PlacementBoard({ board }: { board: Record<PlacementKind, BoardItem[]> }) {
  const router = useRouter();
  const reorder = useAction(reorderPlacementAction);
  const remove = useAction(removePlacementAction);
  const pending = reorder.pending || remove.pending;

  const move = (kind: PlacementKind, list: BoardItem[], i: number, delta: -1 | 1) => {
    const ids = list.map((x) => x.articleId);
    [ids[i], ids[i + delta]] = [ids[i + delta], ids[i]];
    reorder.run({ kind, articleIds: ids }, () => router.refresh());
  };

  return (
    <>
      <div aria-live="polite">
        <ResultMessage result={reorder.result ?? remove.result} />
      </div>
      {(["headline", "featured", "pinned"] as const).map((kind) => (
        <section key={kind} className="adm-panel" aria-labelledby={`board-${kind}`}>
          <h2 id={`board-${kind}`}>{PLACEMENT_LABELS[kind]}</h2>
          <p className="adm-hint">{PLACEMENT_HINTS[kind]}</p>
          {board[kind].length === 0 && <p>暂无</p>}
          {groupsOf(kind, board[kind]).map((g) => (
            <div key={g.key}>
              {g.title && <h3>{g.title}</h3>}
              <ol className="adm-board-list" aria-label={`${PLACEMENT_LABELS[kind]}${g.title ? `（${g.title}）` : ""}顺序`}>
                {g.items.map((it, i) => (
                  <li key={it.articleId}>
                    <span className="adm-board-title">
                      {i + 1}. <Link href={`/admin/articles/${it.articleId}`}>{it.title}</Link>
                    </span>
                    <span className={it.showing ? "adm-badge" : "adm-badge adm-badge-muted"} data-status={it.showing ? "published" : undefined}>
                      {it.showing ? "显示中" : it.note}
                    </span>
                    <span className="adm-hint">{it.until ? `截止 ${formatDateTime(it.until)}` : "长期"}</span>
                    <span className="adm-actions">
                      <button type="button" className="adm-btn" disabled={pending || i === 0} onClick={() => move(kind, g.items, i, -1)} aria-label={`上移“${it.title}”`}>
                        上移
                      </button>
                      <button type="button" className="adm-btn" disabled={pending || i === g.items.length - 1} onClick={() => move(kind, g.items, i, 1)} aria-label={`下移“${it.title}”`}>
                        下移
                      </button>
                      <button
                        type="button"
                        className="adm-btn adm-btn-danger"
                        disabled={pending}
                        onClick={() => window.confirm(`确定取消“${it.title}”的${PLACEMENT_LABELS[kind]}吗？`) && remove.run({ kind, articleId: it.articleId }, () => router.refresh())}
                        aria-label={`取消“${it.title}”的${PLACEMENT_LABELS[kind]}`}
                      >
                        取消{PLACEMENT_LABELS[kind]}
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
