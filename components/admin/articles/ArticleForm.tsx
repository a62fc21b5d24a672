"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  autosaveArticleAction,
  createArticleAction,
  deleteArticleAction,
  publishArticleAction,
  returnArticleAction,
  saveArticleAction,
  scheduleArticleAction,
  submitArticleAction,
  unpublishArticleAction,
} from "@/lib/articles/actions";
import type { ArticleForEdit } from "@/lib/articles/admin-queries";
import { RETURNED_LABEL, STATUS_LABELS, type WorkflowStatus } from "@/lib/articles/workflow-labels";
import { formatDateTime, formatTimeOfDay, toBeijingInput } from "@/lib/format/date";
import type { ActionResult } from "@/lib/auth/guard";
import { RichTextEditor } from "../editor/RichTextEditor";
import { PolicyPanel } from "../words/PolicyPanel";
import { checkContentAction } from "@/lib/integrity/words/actions";
import type { ContentCheckResult } from "@/lib/integrity/policy/content-check";
import { Field, ResultMessage } from "../Field";
import { MediaFields, type MediaState } from "./MediaFields";
import { useLeaveGuard } from "./useLeaveGuard";
import { WorkflowDialog, type WorkflowAsk } from "./WorkflowDialog";
import { DisclosureFields } from "./DisclosureFields";
import { EMPTY_DISCLOSURE, type DisclosureFields as DisclosureState } from "@/lib/disclosure/fields";

export interface ArticlePermissions {
  edit: boolean;
  submit: boolean;
  publish: boolean;
  review: boolean;
  unpublish: boolean;
  remove: boolean;
}

interface FormState {
  title: string;
  sectionId: string;
  summary: string;
  keywords: string;
  bodyHtml: string;
  source: string;
  author: string;
  publishedAt: string;
}

type AnyResult = ActionResult<unknown>;

export function ArticleForm({
  article,
  sections,
  disclosureSectionIds,
  perms,
  autosaveMs,
}: {
  article: ArticleForEdit | null;
  sections: { id: number; label: string }[];
  /** 信息公开 sections: choosing one shows the 政府信息公开 fieldset. */
  disclosureSectionIds: number[];
  perms: ArticlePermissions;
  /** Idle time after a change before the draft saves itself (AUTOSAVE_IDLE_MS). */
  autosaveMs: number;
}) {
  const router = useRouter();
  const s = article?.snapshot;
  const [form, setForm] = useState<FormState>({
    title: s?.title ?? "",
    sectionId: s ? String(s.sectionId) : "",
    summary: s?.summary ?? "",
    keywords: s?.keywords ?? "",
    bodyHtml: s?.bodyHtml ?? "",
    source: s?.source ?? "",
    author: s?.author ?? "",
    publishedAt: toBeijingInput(s?.publishedAt ?? null),
  });
  const [media, setMedia] = useState<MediaState>(() => ({
    cover: article?.media.find((m) => m.id === s?.coverId) ?? null,
    attachments: (s?.attachments ?? []).flatMap((a) => {
      const m = article?.media.find((x) => x.id === a.mediaId);
      return m ? [{ media: m, title: a.title }] : [];
    }),
  }));
  const [disclosure, setDisclosure] = useState<DisclosureState>(s?.disclosure ?? EMPTY_DISCLOSURE);
  const disclosed = disclosureSectionIds.includes(Number(form.sectionId));
  const [dirty, setDirty] = useState(false);
  const [ask, setAsk] = useState<WorkflowAsk | null>(null);
  const [result, setResult] = useState<AnyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<ContentCheckResult | null>(null);
  // A new article saved by a step that was then refused (e.g. 立即发布 blocked by the
  // content policy) stays on this form: later clicks save it instead of creating another.
  const [createdId, setCreatedId] = useState<number | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  // Separate from busy: an autosave must not disable the fields under the user's hands.
  const [autosaving, setAutosaving] = useState(false);
  const working = busy || autosaving;
  // Counts changes, so a save that was in flight while the user kept typing leaves the form dirty.
  const changes = useRef(0);
  useLeaveGuard(dirty);

  const touch = () => {
    changes.current++;
    setDirty(true);
  };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    touch();
  };
  // Content policy (lib/integrity): a blocking match marks its field like a validation error.
  const policyError = (name: string) => {
    const h = check?.hits.find((x) => x.blocking && x.field === name);
    return h ? `${h.where}含有${h.categoryLabel === "违规链接" ? `违规链接：${h.excerpt}` : `“${h.matched}”（${h.categoryLabel}）`}` : undefined;
  };
  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name] : undefined) ?? policyError(name);
  const bodyHighlights = useMemo(
    () => (check?.hits ?? []).filter((h) => h.field === "bodyHtml" && h.matched).map((h) => ({ text: h.matched, blocking: h.blocking, label: `${h.categoryLabel}：${h.word}` })),
    [check],
  );

  const payload = () => ({
    ...form,
    sectionId: form.sectionId ? Number(form.sectionId) : 0,
    coverId: media.cover?.id ?? null,
    attachments: media.attachments.map((a) => ({ mediaId: a.media.id, title: a.title })),
    disclosure: disclosed ? disclosure : null,
  });
  /** What the content policy finds in the fields as they are now; never blocks the form. */
  const recheck = () =>
    checkContentAction({ kind: "article", ...payload() })
      .then((r) => {
        if (r.ok && r.data) setCheck(r.data as ContentCheckResult);
      })
      // The check is advice; saving and publishing enforce the policy on the server anyway.
      .catch(() => undefined);
  // An opened article shows its matches at once (also right after "保存草稿" created it).
  useEffect(() => {
    if (article) void recheck();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article?.id]);

  /**
   * Saves when needed, then runs the workflow step; stops at the first refusal and keeps every field as typed.
   * Returns the step's own refusal (for the dialog that asked for its reason to show, text kept).
   */
  async function run(step?: (id: number) => Promise<AnyResult>): Promise<string | undefined> {
    setBusy(true);
    const seen = changes.current;
    try {
      let id = article?.id ?? createdId;
      let last: AnyResult | null = null;
      if (id === null) {
        last = await createArticleAction(payload());
        if (!last.ok) {
          setResult(last);
          return undefined; // the form shows what to fix; the dialog closes
        }
        id = (last.data as { id: number }).id;
        setCreatedId(id);
      } else if (dirty && perms.edit) {
        last = await saveArticleAction({ id, ...payload() });
        if (!last.ok) {
          setResult(last);
          return undefined;
        }
      }
      if (changes.current === seen) setDirty(false);
      if (last) setSavedAt(new Date());
      if (step) {
        last = await step(id);
        if (!last.ok) {
          setResult(last);
          return Object.values(last.fieldErrors ?? {})[0] ?? last.error;
        }
      }
      setResult(last ?? { ok: true, message: "没有需要保存的修改" });
      if (!article) router.replace(`/admin/articles/${id}`);
      else router.refresh();
    } catch {
      setResult({ ok: false, error: "操作失败：网络或服务器出错，请稍后重试（您填写的内容仍保留在页面上）" });
      return "操作失败：网络或服务器出错，请稍后重试";
    } finally {
      setBusy(false);
      void recheck();
    }
  }

  const status = (article?.status ?? "draft") as WorkflowStatus;
  // Only a working copy saves itself: saving one under review or scheduled would withdraw it.
  const autosaves = !!article && perms.edit && (status === "draft" || status === "published" || status === "unpublished");
  useEffect(() => {
    if (!autosaves || !dirty || working || !article) return;
    const timer = window.setTimeout(async () => {
      const seen = changes.current;
      setAutosaving(true);
      try {
        const r = await autosaveArticleAction({ id: article.id, ...payload() });
        setResult(r);
        if (r.ok) {
          if (changes.current === seen) setDirty(false);
          setSavedAt(new Date());
          router.refresh();
        }
      } catch {
        setResult({ ok: false, error: "自动保存失败：网络或服务器出错，请手动保存（您填写的内容仍保留在页面上）" });
      } finally {
        setAutosaving(false);
      }
    }, autosaveMs);
    return () => window.clearTimeout(timer);
    // payload() reads form and media, which are dependencies; restarting on each change is the idle timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, media, disclosure, dirty, working, autosaves, autosaveMs]);

  /** The dialog's value → the step it asked for. */
  const confirmAsk = (value: string) => {
    switch (ask) {
      case "submit": return run((id) => submitArticleAction({ id, note: value }));
      case "return": return run((id) => returnArticleAction({ id, reason: value }));
      case "unpublish": return run((id) => unpublishArticleAction({ id, reason: value }));
      case "schedule": return run((id) => scheduleArticleAction({ id, at: value }));
      default: return undefined;
    }
  };

  return (
    <form
      className="adm-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
      noValidate
    >
      <div className="adm-actions" style={{ justifyContent: "space-between" }}>
        <h1>{article ? "编辑文章" : "写文章"}</h1>
        {article && (
          <span className="adm-actions">
            <span className="adm-badge" data-status={status}>
              {STATUS_LABELS[status] ?? status}
            </span>
            {article.isLive && <span className="adm-badge" data-status="published">网站上可见</span>}
            {article.hasUnpublishedChanges && <span className="adm-badge">有修改尚未发布</span>}
            <span className="adm-hint">第 {article.headRevision} 版</span>
            <Link href={`/admin/articles/${article.id}/revisions`}>历史版本</Link>
            <Link href={`/preview/articles/${article.id}`} target="_blank" prefetch={false} title="在新窗口按网站样式查看已保存的最新版本">
              预览
            </Link>
            {article.publicHref && (
              <Link href={article.publicHref} target="_blank" prefetch={false}>
                查看网页
              </Link>
            )}
          </span>
        )}
      </div>
      {article?.reviewComment && status === "draft" && (
        <p className="adm-error">
          <span className="adm-badge" data-status="returned">{RETURNED_LABEL}</span> 审核意见：{article.reviewComment}
        </p>
      )}
      {perms.review && article && status === "review" && (
        <p className="adm-hint">
          这篇文章正在等待审核。<Link href={`/admin/articles/${article.id}/review`}>打开审核页</Link>（预览、与线上版本的对比、提交说明）
        </p>
      )}
      {article?.unpublishReason && status === "unpublished" && <p className="adm-hint">撤稿原因：{article.unpublishReason}</p>}
      {status === "scheduled" && article?.scheduledAt && <p className="adm-hint">将于 {formatDateTime(article.scheduledAt)} 自动发布</p>}
      <PolicyPanel check={check} />

      <fieldset className="adm-panel adm-form" disabled={!perms.edit || busy}>
        <legend className="visually-hidden">文章内容</legend>
        <Field id="title" label="标题（必填）" error={fieldError("title")}>
          {(a) => <input {...a} value={form.title} onChange={(e) => set("title", e.target.value)} maxLength={200} />}
        </Field>
        <div className="adm-form-grid">
          <Field id="sectionId" label="栏目（必填）" error={fieldError("sectionId")}>
            {(a) => (
              <select {...a} value={form.sectionId} onChange={(e) => set("sectionId", e.target.value)}>
                <option value="">请选择栏目</option>
                {sections.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="source" label="来源" error={fieldError("source")} hint="如：安庆新闻网">
            {(a) => <input {...a} value={form.source} onChange={(e) => set("source", e.target.value)} maxLength={100} />}
          </Field>
          <Field id="author" label="作者" error={fieldError("author")}>
            {(a) => <input {...a} value={form.author} onChange={(e) => set("author", e.target.value)} maxLength={100} />}
          </Field>
          <Field id="publishedAt" label="发布日期" error={fieldError("publishedAt")} hint="留空则为实际发布时间（北京时间）">
            {(a) => <input {...a} type="datetime-local" value={form.publishedAt} onChange={(e) => set("publishedAt", e.target.value)} />}
          </Field>
        </div>
        <Field id="summary" label="摘要" error={fieldError("summary")}>
          {(a) => <textarea {...a} value={form.summary} onChange={(e) => set("summary", e.target.value)} maxLength={500} rows={2} />}
        </Field>
        <Field id="keywords" label="关键词" error={fieldError("keywords")} hint="多个关键词用逗号或空格分隔，最多10个；留空则根据标题和摘要自动提取">
          {(a) => <input {...a} value={form.keywords} onChange={(e) => set("keywords", e.target.value)} maxLength={300} />}
        </Field>
        <div className="adm-field">
          <span className="adm-label" id="body-label">
            正文（必填）
          </span>
          <RichTextEditor
            id="bodyHtml"
            label="正文"
            value={form.bodyHtml}
            onChange={(html) => set("bodyHtml", html)}
            invalid={!!fieldError("bodyHtml")}
            describedBy={fieldError("bodyHtml") ? "bodyHtml-error" : undefined}
            highlights={bodyHighlights}
          />
          {fieldError("bodyHtml") && (
            <p id="bodyHtml-error" className="adm-field-error">
              {fieldError("bodyHtml")}
            </p>
          )}
        </div>
        <MediaFields
          value={media}
          onChange={(m) => {
            setMedia(m);
            touch();
          }}
          error={fieldError("attachments") ?? fieldError("coverId")}
        />
        {disclosed && (
          <DisclosureFields
            value={disclosure}
            onChange={(update) => {
              setDisclosure(update);
              touch();
            }}
            fieldError={fieldError}
            indexNumber={article?.indexNumber ?? null}
          />
        )}
      </fieldset>

      <div className="adm-panel adm-savebar" role="group" aria-label="保存与审核">
        <div className="adm-savebar-status">
          <span className="adm-badge" data-status={status}>
            {article ? (STATUS_LABELS[status] ?? status) : "新文章"}
          </span>
          {working ? (
            <span className="adm-hint" role="status">{autosaving ? "正在自动保存…" : "正在处理…"}</span>
          ) : result && !result.ok ? (
            <ResultMessage result={result} />
          ) : result?.message ? (
            <span className="adm-saved" role="status">
              {result.message}
              {savedAt && ` · ${formatTimeOfDay(savedAt)}`}
            </span>
          ) : null}
          {dirty && <span className="adm-unsaved">有未保存的修改</span>}
        </div>
        <div className="adm-actions">
        {perms.edit && (
          <button type="submit" className="adm-btn" disabled={working}>
            {article ? "保存" : "保存草稿"}
          </button>
        )}
        {perms.submit && (status === "draft" || status === "unpublished") && (
          <button type="button" className="adm-btn adm-btn-primary" disabled={working} aria-haspopup="dialog" onClick={() => setAsk("submit")}>
            提交审核
          </button>
        )}
        {perms.publish && (
          <button
            type="button"
            className="adm-btn adm-btn-primary"
            disabled={working}
            onClick={() => window.confirm("确定立即发布到网站吗？") && run((id) => publishArticleAction({ id }))}
          >
            {article?.isLive ? "发布修改" : "立即发布"}
          </button>
        )}
        {perms.review && article && (status === "review" || status === "scheduled") && (
          <button
            type="button"
            className="adm-btn"
            disabled={working}
            aria-haspopup="dialog"
            onClick={() => setAsk("return")}
          >
            退回修改
          </button>
        )}
        {perms.publish && (
          <button type="button" className="adm-btn" disabled={working} aria-haspopup="dialog" onClick={() => setAsk("schedule")}>
            定时发布…
          </button>
        )}
        {perms.unpublish && article?.isLive && (
          <button
            type="button"
            className="adm-btn adm-btn-danger"
            disabled={working}
            aria-haspopup="dialog"
            onClick={() => setAsk("unpublish")}
          >
            撤稿
          </button>
        )}
        {perms.remove && article && (
          <button
            type="button"
            className="adm-btn adm-btn-danger"
            disabled={working}
            onClick={async () => {
              if (!window.confirm("删除后无法恢复，确定删除这篇文章及其全部历史版本吗？")) return;
              setBusy(true);
              const r = await deleteArticleAction({ id: article.id });
              setBusy(false);
              if (r.ok) router.replace("/admin/articles");
              else setResult(r);
            }}
          >
            删除
          </button>
        )}
        </div>
      </div>
      {ask && <WorkflowDialog ask={ask} onConfirm={confirmAsk} onClose={() => setAsk(null)} />}
    </form>
  );
}
