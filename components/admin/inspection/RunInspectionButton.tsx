"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { runInspectionAction } from "@/lib/integrity/actions";
import { ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";
import type { RunSummary } from "@/lib/integrity/inspection/queries";

const POLL_MS = 1000;

/**
 * 立即全面检查 and the progress bar of the run in progress (started here, by
 * the scheduler or by another user): polls the progress route once a second
 * and reloads the page's results when the run is over.
 */
export function RunInspectionButton({ running }: { running: RunSummary | null }) {
  const router = useRouter();
  const { run, result, pending } = useAction(runInspectionAction);
  const [progress, setProgress] = useState<RunSummary | null>(running);
  const [watchId, setWatchId] = useState<number | null>(running?.id ?? null);

  useEffect(() => {
    if (watchId === null) return;
    let stop = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/admin/inspection?id=${watchId}`, { cache: "no-store" }).catch(() => null);
      if (!res?.ok || stop) return;
      const { run: r } = (await res.json()) as { run: RunSummary | null };
      setProgress(r);
      if (!r || r.status !== "running") {
        stop = true;
        clearInterval(timer);
        setWatchId(null);
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [watchId, router]);

  const busy = pending || watchId !== null;
  const pct = progress && progress.progressTotal > 0 ? Math.round((progress.progressDone / progress.progressTotal) * 100) : null;
  return (
    <div className="insp-run">
      <button
        type="button"
        className="adm-btn adm-btn-primary"
        disabled={busy}
        onClick={() =>
          run({ scope: "full" }, (r) => {
            const id = (r.data as { runId: number } | undefined)?.runId ?? null;
            setProgress(null);
            setWatchId(id);
          })
        }
      >
        {busy ? "正在检查…" : "立即全面检查"}
      </button>
      {watchId !== null && (
        <div className="insp-progress" role="status">
          <progress max={100} value={pct ?? undefined} aria-label="链接扫描进度" />
          <span>{pct === null ? "正在核对内容和抓取页面…" : `链接扫描 ${progress!.progressDone} / ${progress!.progressTotal}（${pct}%）`}</span>
        </div>
      )}
      {!(result?.ok) && <ResultMessage result={result} />}
    </div>
  );
}
