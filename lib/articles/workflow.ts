import { db } from "../db";
import { audit } from "../audit/log";
import { can } from "../auth/permissions";
import { DomainError } from "../errors";
import { canEdit, mayUseMedia, publicWhere } from "./access";
import type { Actor } from "../auth/session";
import type { Prisma } from "../generated/prisma/client";
import { removeDoc, syncArticle } from "../search/index";
import { dropFingerprint, fingerprintArticle } from "../integrity/fingerprint/store";
import { assertPolicy, loadPolicyContext, PolicyRefusal, runPolicy, type PolicyContext } from "../integrity/policy/enforce";
import { articlePolicyInput } from "../integrity/policy/sources";
import type { ArticleInput } from "./schema";
import { parseSnapshot, snapshotFromInput, type ArticleSnapshot } from "./snapshot";
import { STATUS_LABELS, type WorkflowStatus } from "./workflow-labels";
import { formatDateTime } from "../format/date";
import { recordEvent } from "./events";
import { DISCLOSURE_KIND } from "../disclosure/fields";
import { publishDisclosure } from "../disclosure/publish";

export { STATUS_LABELS, type WorkflowStatus };

/**
 * The editorial workflow. draft → review (submit) → published (publish, or
 * scheduled until its time) → unpublished (with a reason); review → draft
 * (sent back with a comment). Every save is a revision; the public copy on
 * the Article row changes only when a revision is published.
 *
 * Each function returns what changed for the caller to revalidate after the
 * transaction has committed. Each workflow step is also written down as an
 * ArticleEvent (lib/articles/events.ts) in the same transaction.
 */

export interface Changed {
  articleId: number;
  /** Sections whose pages show (or showed) the article. */
  sectionIds: number[];
  /** Whether visitors' pages are affected at all. */
  public: boolean;
}

type Tx = Prisma.TransactionClient;


async function load(tx: Tx, id: number) {
  const a = await tx.article.findUnique({ where: { id } });
  if (!a) throw new DomainError("文章不存在或已被删除");
  return a;
}

function assertMayEdit(actor: Actor, a: { createdById: number | null }) {
  if (!canEdit(actor, a)) throw new DomainError("您只能修改自己撰写的文章");
}

async function assertSection(tx: Tx, sectionId: number) {
  if (!(await tx.section.findUnique({ where: { id: sectionId } }))) throw new DomainError("所选栏目不存在", "sectionId");
}

/** A 信息公开 section's article must carry its fields; any other section's stores none. */
async function fitDisclosure(tx: Tx, s: ArticleSnapshot): Promise<ArticleSnapshot> {
  const section = await tx.section.findUnique({ where: { id: s.sectionId }, select: { kind: true } });
  if (section?.kind !== DISCLOSURE_KIND) return { ...s, disclosure: null };
  if (!s.disclosure) throw new DomainError("信息公开栏目的文章请填写发文机关和主题分类", "disclosure.issuer");
  return s;
}

async function addRevision(tx: Tx, articleId: number, snapshot: ArticleSnapshot, actor: Actor, note: string) {
  const last = await tx.articleRevision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { number: true } });
  return tx.articleRevision.create({
    data: { articleId, number: (last?.number ?? 0) + 1, snapshot: JSON.stringify(snapshot), authorId: actor.id, note },
  });
}

/** The row's content fields from a snapshot (used for the public copy, and for never-published drafts). */
function contentFields(s: ArticleSnapshot) {
  return { title: s.title, sectionId: s.sectionId, summary: s.summary, keywords: s.keywords, bodyHtml: s.bodyHtml, source: s.source, author: s.author, coverId: s.coverId };
}

async function writeAttachments(tx: Tx, articleId: number, attachments: ArticleSnapshot["attachments"]) {
  await tx.articleAttachment.deleteMany({ where: { articleId } });
  const seen = new Set<number>();
  for (const [position, a] of attachments.entries()) {
    if (seen.has(a.mediaId)) continue;
    seen.add(a.mediaId);
    await tx.articleAttachment.create({ data: { articleId, mediaId: a.mediaId, position, title: a.title } });
  }
}

/** Every file the ids of an article's cover and attachments name in its revisions (the row's own copy included). */
async function mediaNamedBy(tx: Tx, articleId: number): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const r of await tx.articleRevision.findMany({ where: { articleId }, select: { snapshot: true } })) {
    const s = parseSnapshot(r.snapshot);
    if (s.coverId) ids.add(s.coverId);
    for (const a of s.attachments) ids.add(a.mediaId);
  }
  return ids;
}

/**
 * The cover and attachments a snapshot names must be files `actor` may use (access.ts, mayUseMedia): the ids
 * come from the browser, and the editor's page shows the address of every file an article names.
 */
async function assertMediaUsable(tx: Tx, actor: Actor, articleId: number | null, s: ArticleSnapshot): Promise<void> {
  const ids = [...new Set([...(s.coverId ? [s.coverId] : []), ...s.attachments.map((x) => x.mediaId)])];
  if (!ids.length) return;
  const now = new Date();
  const files = await tx.media.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      uploaders: { select: { userId: true } },
      coverOf: { where: publicWhere(now), select: { id: true }, take: 1 },
      attachedTo: { where: { article: publicWhere(now) }, select: { articleId: true }, take: 1 },
    },
  });
  // The article's own revisions are read only when a file passes no cheaper test (most saves never need them).
  let named: Set<number> | undefined;
  const inThisArticle = async (id: number) => articleId !== null && (named ??= await mediaNamedBy(tx, articleId)).has(id);
  for (const id of ids) {
    const f = files.find((x) => x.id === id);
    const facts = f && { uploadedBy: f.uploaders.map((u) => u.userId), inThisArticle: false, inPublicArticle: f.coverOf.length > 0 || f.attachedTo.length > 0 };
    const allowed = !!facts && (mayUseMedia(actor, facts) || mayUseMedia(actor, { ...facts, inThisArticle: await inThisArticle(id) }));
    if (!allowed) throw new DomainError(`封面或附件中的文件（编号 ${id}）不存在或不是您上传的，请重新上传该文件`);
  }
}

export async function createArticle(input: ArticleInput, actor: Actor): Promise<{ id: number }> {
  let snapshot = snapshotFromInput(input);
  const id = await db.$transaction(async (tx) => {
    await assertSection(tx, snapshot.sectionId);
    await assertMediaUsable(tx, actor, null, snapshot);
    snapshot = await fitDisclosure(tx, snapshot);
    const a = await tx.article.create({ data: { ...contentFields(snapshot), status: "draft", isLive: false, createdById: actor.id } });
    const rev = await addRevision(tx, a.id, snapshot, actor, "新建");
    await tx.article.update({ where: { id: a.id }, data: { headRevisionId: rev.id } });
    await writeAttachments(tx, a.id, snapshot.attachments);
    return a.id;
  });
  await audit(actor, { action: "article.create", targetType: "article", targetId: id, summary: snapshot.title });
  return { id };
}

/** Saves a new revision. A live article keeps showing its published copy until this revision is published. */
export async function saveArticle(id: number, input: ArticleInput, actor: Actor, note: "保存" | "自动保存" = "保存"): Promise<{ revision: number }> {
  let snapshot = snapshotFromInput(input);
  const revision = await db.$transaction(async (tx) => {
    const a = await load(tx, id);
    assertMayEdit(actor, a);
    await assertSection(tx, snapshot.sectionId);
    await assertMediaUsable(tx, actor, id, snapshot);
    snapshot = await fitDisclosure(tx, snapshot);
    // Autosave never touches an article under review or scheduled: that would silently withdraw it.
    if (note === "自动保存" && (a.status === "review" || a.status === "scheduled")) throw new DomainError("待审核或定时发布的文章不自动保存，请手动保存");
    const rev = await addRevision(tx, id, snapshot, actor, note);
    // A reviewer polishing an article under review keeps it in review; any other save is a draft again.
    const status = a.status === "review" && can(actor.role, "article.review") ? "review" : "draft";
    await tx.article.update({
      where: { id },
      data: { headRevisionId: rev.id, status, scheduledAt: null, ...(a.isLive ? {} : contentFields(snapshot)) },
    });
    if (!a.isLive) await writeAttachments(tx, id, snapshot.attachments);
    return rev.number;
  });
  await audit(actor, { action: "article.save", targetType: "article", targetId: id, summary: `${snapshot.title}（第${revision}版${note === "自动保存" ? "，自动保存" : ""}）` });
  return { revision };
}

/** 提交审核 with an optional note for the reviewer; after a 退回 it is recorded as 重新提交审核. */
export async function submitArticle(id: number, actor: Actor, note = ""): Promise<void> {
  const title = await db.$transaction(async (tx) => {
    const a = await load(tx, id);
    assertMayEdit(actor, a);
    if (a.status !== "draft" && a.status !== "unpublished") throw new DomainError(`文章当前为“${STATUS_LABELS[a.status as WorkflowStatus] ?? a.status}”，不能提交审核`);
    await tx.article.update({ where: { id }, data: { status: "review", reviewComment: "" } });
    await recordEvent(tx, { articleId: id, kind: a.reviewComment ? "resubmit" : "submit", actorId: actor.id, comment: note });
    return a.title;
  });
  await audit(actor, { action: "article.submit", targetType: "article", targetId: id, summary: note ? `${title}（提交说明：${note}）` : title });
}

export async function returnArticle(id: number, comment: string, actor: Actor): Promise<void> {
  const title = await db.$transaction(async (tx) => {
    const a = await load(tx, id);
    if (a.status !== "review" && a.status !== "scheduled") throw new DomainError("只有待审核或定时发布的文章可以退回");
    await tx.article.update({ where: { id }, data: { status: "draft", reviewComment: comment, scheduledAt: null } });
    await recordEvent(tx, { articleId: id, kind: "return", actorId: actor.id, comment });
    return a.title;
  });
  await audit(actor, { action: "article.return", targetType: "article", targetId: id, summary: `${title}：${comment}` });
}

/**
 * Content policy (lib/integrity): a working copy with a blocking word or link
 * is not published; the refusal names the word and where it is.
 */
async function assertPublishable(tx: Tx, s: ArticleSnapshot, policy: PolicyContext, verb: string) {
  const mediaIds = [...s.attachments.map((x) => x.mediaId), ...(s.coverId ? [s.coverId] : [])];
  const media = mediaIds.length
    ? await tx.media.findMany({ where: { id: { in: mediaIds } }, select: { id: true, originalName: true, alt: true, caption: true } })
    : [];
  assertPolicy(runPolicy(articlePolicyInput(s, media), policy), verb);
}

async function headSnapshot(tx: Tx, a: { headRevisionId: number | null }): Promise<{ id: number; s: ArticleSnapshot }> {
  if (!a.headRevisionId) throw new DomainError("文章没有可发布的版本");
  const head = await tx.articleRevision.findUniqueOrThrow({ where: { id: a.headRevisionId } });
  return { id: head.id, s: parseSnapshot(head.snapshot) };
}

async function publishInTx(tx: Tx, id: number, now: Date, policy: PolicyContext): Promise<Changed> {
  const a = await load(tx, id);
  const { id: headId, s } = await headSnapshot(tx, a);
  await assertSection(tx, s.sectionId);
  await assertPublishable(tx, s, policy, "发布");
  const shownDate = s.publishedAt && new Date(s.publishedAt) <= now ? new Date(s.publishedAt) : now;
  await tx.article.update({
    where: { id },
    data: {
      ...contentFields(s),
      status: "published",
      isLive: true,
      publishedAt: shownDate,
      scheduledAt: null,
      liveRevisionId: headId,
      reviewComment: "",
      unpublishReason: "",
    },
  });
  await writeAttachments(tx, id, s.attachments);
  await publishDisclosure(tx, id, s.disclosure, s.sectionId, shownDate); // 索引号 on the first publish
  await syncArticle(tx, id); // searchable in the same transaction that makes it public
  await fingerprintArticle(tx, id); // what its public page must show, signed (tamper detection)
  return { articleId: id, sectionIds: [...new Set([a.sectionId, s.sectionId])], public: true };
}

/** Publishes the working copy now, or schedules it when `at` is in the future. */
export async function publishArticle(id: number, at: Date | null, actor: Actor, now = new Date()): Promise<Changed> {
  // Loaded outside the transaction: the lists come from their own (cached) query.
  const policy = await loadPolicyContext();
  if (at && at > now) {
    const title = await db.$transaction(async (tx) => {
      const a = await load(tx, id);
      await assertPublishable(tx, (await headSnapshot(tx, a)).s, policy, "定时发布");
      await tx.article.update({ where: { id }, data: { status: "scheduled", scheduledAt: at } });
      await recordEvent(tx, { articleId: id, kind: "schedule", actorId: actor.id, scheduledAt: at });
      return a.title;
    });
    await audit(actor, { action: "article.schedule", targetType: "article", targetId: id, summary: `${title}，定时于 ${formatDateTime(at)}（北京时间）` });
    return { articleId: id, sectionIds: [], public: false };
  }
  const changed = await db.$transaction(async (tx) => {
    const changed = await publishInTx(tx, id, now, policy);
    await recordEvent(tx, { articleId: id, kind: "publish", actorId: actor.id });
    return changed;
  });
  const a = await db.article.findUniqueOrThrow({ where: { id }, select: { title: true } });
  await audit(actor, { action: "article.publish", targetType: "article", targetId: id, summary: a.title });
  return changed;
}

/** Publishes every scheduled article whose time has come; safe to call from many instances at once. */
export async function publishDue(now = new Date()): Promise<Changed[]> {
  const due = await db.article.findMany({ where: { status: "scheduled", scheduledAt: { lte: now } }, select: { id: true, title: true } });
  const out: Changed[] = [];
  const policy = due.length ? await loadPolicyContext() : null;
  for (const a of due) {
    let changed: Changed | null;
    try {
      changed = await db.$transaction(async (tx) => {
        // Claim it: only one instance flips scheduled → published.
        const claimed = await tx.article.updateMany({ where: { id: a.id, status: "scheduled" }, data: { status: "publishing" } });
        if (!claimed.count) return null;
        const changed = await publishInTx(tx, a.id, now, policy!);
        await recordEvent(tx, { articleId: a.id, kind: "publish", actorId: null, comment: "定时发布时间已到，自动发布" });
        return changed;
      });
    } catch (err) {
      if (!(err instanceof PolicyRefusal)) throw err;
      // The word list changed since it was scheduled: back to the editors with the reason, never retried blindly.
      const message = err.message;
      await db.$transaction(async (tx) => {
        const back = await tx.article.updateMany({ where: { id: a.id, status: "scheduled" }, data: { status: "draft", scheduledAt: null, reviewComment: message } });
        if (back.count) await recordEvent(tx, { articleId: a.id, kind: "return", actorId: null, comment: `定时发布被拦截：${message}` });
      });
      await audit({ id: null, email: "system", ip: "" }, { action: "article.return", targetType: "article", targetId: a.id, summary: `${a.title}（定时发布被拦截）：${err.message}` });
      continue;
    }
    if (changed) {
      out.push(changed);
      await audit({ id: null, email: "system", ip: "" }, { action: "article.publish", targetType: "article", targetId: a.id, summary: `${a.title}（定时发布）` });
    }
  }
  return out;
}

export async function unpublishArticle(id: number, reason: string, actor: Actor): Promise<Changed> {
  const a = await db.$transaction(async (tx) => {
    const a = await load(tx, id);
    if (!a.isLive) throw new DomainError("文章未发布，无需撤稿");
    await tx.article.update({ where: { id }, data: { isLive: false, status: "unpublished", unpublishReason: reason, scheduledAt: null } });
    await recordEvent(tx, { articleId: id, kind: "unpublish", actorId: actor.id, comment: reason });
    await removeDoc(tx, "article", id);
    await dropFingerprint(tx, "article", id);
    return a;
  });
  await audit(actor, { action: "article.unpublish", targetType: "article", targetId: id, summary: `${a.title}：${reason}` });
  return { articleId: id, sectionIds: [a.sectionId], public: true };
}

export async function deleteArticle(id: number, actor: Actor): Promise<Changed> {
  const a = await db.$transaction(async (tx) => {
    const a = await load(tx, id);
    await removeDoc(tx, "article", id);
    await dropFingerprint(tx, "article", id);
    await tx.article.delete({ where: { id } });
    return a;
  });
  await audit(actor, { action: "article.delete", targetType: "article", targetId: id, summary: a.title });
  return { articleId: id, sectionIds: [a.sectionId], public: a.isLive };
}

/** Makes an old revision the working copy again (as a new revision); it goes live only when published. */
export async function restoreRevision(id: number, number: number, actor: Actor): Promise<{ revision: number }> {
  const revision = await db.$transaction(async (tx) => {
    const a = await load(tx, id);
    assertMayEdit(actor, a);
    const old = await tx.articleRevision.findUnique({ where: { articleId_number: { articleId: id, number } } });
    if (!old) throw new DomainError("版本不存在");
    // The files of this article's own revision pass mayUseMedia's "already in this article" by definition.
    const s = parseSnapshot(old.snapshot);
    const rev = await addRevision(tx, id, s, actor, `恢复自第${number}版`);
    await tx.article.update({ where: { id }, data: { headRevisionId: rev.id, status: "draft", scheduledAt: null, ...(a.isLive ? {} : contentFields(s)) } });
    if (!a.isLive) await writeAttachments(tx, id, s.attachments);
    await recordEvent(tx, { articleId: id, kind: "restore", actorId: actor.id, comment: `恢复自第${number}版，生成第${rev.number}版` });
    return rev.number;
  });
  await audit(actor, { action: "article.restore", targetType: "article", targetId: id, summary: `第${number}版 → 第${revision}版` });
  return { revision };
}
