"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { savePlacementAction } from "@/lib/placement/actions";
import { PLACEMENT_HINTS, PLACEMENT_KINDS, PLACEMENT_LABELS, type PlacementKind } from "@/lib/placement/kinds";
import type { ArticlePlacements } from "@/lib/placement/manage";
import { toBeijingInput } from "@/lib/format/date";
import { Field, ResultMessage } from "../Field";
import { useAction } from "../useAction";

type Flag = { on: boolean; position: string; until: string };

/**
 * 首页与置顶 in the article editor: its own form and button, because a
 * placement takes effect at once and does not go through review like the
 * article's text (the permission is `article.place`).
 */
export function PlacementFieldset({ articleId, initial, canPlace, isPublic }: { articleId: number; initial: ArticlePlacements; canPlace: boolean; isPublic: boolean }) {
  const router = useRouter();
  const [flags, setFlags] = useState<Record<PlacementKind, Flag>>(() => {
    const f = (k: PlacementKind): Flag => ({ on: initial[k].on, position: initial[k].position === null ? "" : String(initial[k].position), until: toBeijingInput(initial[k].until) });
    return { headline: f("headline"), pinned: f("pinned"), featured: f("featured") };
  });
  const { run, result, pending, fieldError } = useAction(savePlacementAction);
  const set = (k: PlacementKind, patch: Partial<Flag>) => setFlags((all) => ({ ...all, [k]: { ...all[k], ...patch } }));

  return (
    <form
      className="adm-panel adm-form"
      aria-labelledby="placement-legend"
      onSubmit={(e) => {
        e.preventDefault();
        run({ articleId, ...flags }, () => router.refresh());
      }}
      noValidate
    >
      <fieldset className="adm-placement" disabled={!canPlace || pending}>
        <legend id="placement-legend">首页与置顶</legend>
        <p className="adm-hint">
          {canPlace ? "保存后立即生效，无需重新发布" : "由审核员或管理员设置"}
          {!isPublic && "；文章尚未在网站上发布，发布后才会显示"}。截止时间（北京时间）过后自动失效，留空则一直有效。
        </p>
        {PLACEMENT_KINDS.map((k) => (
          <div key={k} className="adm-placement-row">
            <div className="adm-field">
              <label className="adm-check">
                <input type="checkbox" checked={flags[k].on} onChange={(e) => set(k, { on: e.target.checked })} aria-describedby={`place-${k}-hint`} />
                设为{PLACEMENT_LABELS[k]}
              </label>
              <p id={`place-${k}-hint`} className="adm-hint">
                {PLACEMENT_HINTS[k]}
                {initial[k].lapsed && <strong>（已过截止时间，目前不显示）</strong>}
              </p>
            </div>
            <Field id={`place-${k}-position`} label={`${PLACEMENT_LABELS[k]}顺序`} hint="数字小的在前；留空排在最后" error={fieldError(`${k}.position`)}>
              {(a) => <input {...a} inputMode="numeric" value={flags[k].position} disabled={!flags[k].on} onChange={(e) => set(k, { position: e.target.value })} />}
            </Field>
            <Field id={`place-${k}-until`} label={`${PLACEMENT_LABELS[k]}截止时间`} error={fieldError(`${k}.until`)}>
              {(a) => <input {...a} type="datetime-local" value={flags[k].until} disabled={!flags[k].on} onChange={(e) => set(k, { until: e.target.value })} />}
            </Field>
          </div>
        ))}
        {canPlace && (
          <div className="adm-actions">
            <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
              保存首页与置顶设置
            </button>
            {pending ? <span className="adm-hint" role="status">正在保存…</span> : <ResultMessage result={result} />}
          </div>
        )}
      </fieldset>
    </form>
  );
}
