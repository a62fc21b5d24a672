import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata, type Sharp } from "sharp";
import { db } from "../db";
import { audit } from "../audit/log";
import { DomainError } from "../errors";
import type { Actor } from "../auth/session";
import { storage } from "./storage";
import { mediaUrl, variantSrcset } from "./url";
import { fileSize } from "../format/file-size";
import { ATTACHMENT_LABELS, FILE_MAX_BYTES, IMAGE_MAX_BYTES, IMAGE_TYPE_MESSAGE, isImageMime, mimeForExt, type AttachmentExt } from "./file-types";

export { FILE_MAX_BYTES, IMAGE_MAX_BYTES } from "./file-types";
/** Widths served to browsers through srcset; never wider than the original. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;

/** Sniffed type (from the bytes, never the file name or the browser's claim) → the stored extension. */
const SNIFFED_ATTACHMENTS: Record<string, AttachmentExt | "zip-office"> = {
  "application/pdf": "pdf",
  "application/x-cfb": "doc", // legacy .doc/.xls are OLE compound files
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/zip": "zip-office",
};

export interface MediaDto {
  id: number;
  kind: "image" | "file";
  url: string;
  srcset: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  originalName: string;
  mimeType: string;
  size: number;
}

const hashKey = (bytes: Buffer, ext: string) => `${new Date().getFullYear()}/${createHash("sha256").update(bytes).digest("hex").slice(0, 24)}.${ext}`;

export function toMediaDto(m: { id: number; kind: string; storageKey: string; width: number | null; height: number | null; alt: string; caption: string; originalName: string; mimeType: string; size: number; variants: string }): MediaDto {
  return {
    id: m.id,
    kind: m.kind === "image" ? "image" : "file",
    url: mediaUrl(m.storageKey),
    srcset: variantSrcset(m.variants),
    width: m.width,
    height: m.height,
    alt: m.alt,
    caption: m.caption,
    originalName: m.originalName,
    mimeType: m.mimeType,
    size: m.size,
  };
}

/**
 * Every upload, new or reused: the actor becomes one of the file's uploaders (who may put it into
 * their articles: lib/articles/access.ts, mayUseMedia) and the audit log says so.
 */
async function recordUpload(mediaId: number, actor: Actor, summary: string): Promise<void> {
  await db.mediaUploader.upsert({ where: { mediaId_userId: { mediaId, userId: actor.id } }, create: { mediaId, userId: actor.id }, update: {} });
  await audit(actor, { action: "media.upload", targetType: "media", targetId: mediaId, summary });
}

/**
 * Keys are content hashes, so the same bytes uploaded again land on a stored row: that
 * file (and its resized copies) is reused instead of tripping the unique key. The caller
 * gets this upload's own alt text / name; the stored row keeps the first one's.
 */
async function reuseStored(key: string, actor: Actor): Promise<MediaDto | null> {
  const m = await db.media.findUnique({ where: { storageKey: key } });
  if (!m) return null;
  await recordUpload(m.id, actor, `${m.originalName}（与此前上传的文件相同，已复用）`);
  return toMediaDto(m);
}

function safeName(name: string): string {
  return name.replace(/[\\/\u0000-\u001f]/g, "_").slice(-120) || "file";
}

export async function uploadImage(bytes: Buffer, originalName: string, alt: string, caption: string, actor: Actor): Promise<MediaDto> {
  if (bytes.length > IMAGE_MAX_BYTES) throw new DomainError(`图片不能超过 ${fileSize(IMAGE_MAX_BYTES)}`);
  if (!alt.trim()) throw new DomainError("请填写图片的替代文字（供视障用户和图片无法显示时使用）");
  const type = await fileTypeFromBuffer(bytes);
  // SVG can carry script: it is refused rather than sanitised.
  if (!type || !isImageMime(type.mime)) throw new DomainError(IMAGE_TYPE_MESSAGE);
  let image: Sharp;
  let meta: Metadata;
  try {
    image = sharp(bytes, { animated: false }).rotate(); // apply EXIF orientation, then drop EXIF (GPS etc.)
    meta = await image.metadata();
  } catch {
    throw new DomainError("图片文件已损坏，无法读取");
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height || width * height > 60_000_000) throw new DomainError("图片尺寸无效或过大");
  const ext = type.mime === "image/png" ? "png" : "jpg";
  const encode = (s: Sharp) => (ext === "png" ? s.png({ compressionLevel: 9 }) : s.jpeg({ quality: 84, mozjpeg: true }));
  const original = await encode(image.clone().resize({ width: Math.min(width, 2400), withoutEnlargement: true })).toBuffer();
  const key = hashKey(original, ext);
  const same = await reuseStored(key, actor);
  if (same) return { ...same, alt: alt.trim().slice(0, 200), caption: caption.trim().slice(0, 200) };
  await storage.put(key, original);
  const variants: { width: number; key: string }[] = [];
  for (const w of IMAGE_WIDTHS.filter((w) => w < width)) {
    const v = await encode(image.clone().resize({ width: w })).toBuffer();
    const vKey = key.replace(`.${ext}`, `-${w}.${ext}`);
    await storage.put(vKey, v);
    variants.push({ width: w, key: vKey });
  }
  variants.push({ width: Math.min(width, 2400), key });
  const outHeight = Math.round((height * Math.min(width, 2400)) / width);
  const m = await db.media.create({
    data: {
      kind: "image",
      storageKey: key,
      originalName: safeName(originalName),
      mimeType: ext === "png" ? "image/png" : "image/jpeg",
      size: original.length,
      width: Math.min(width, 2400),
      height: outHeight,
      alt: alt.trim().slice(0, 200),
      caption: caption.trim().slice(0, 200),
      variants: JSON.stringify(variants),
    },
  });
  await recordUpload(m.id, actor, m.originalName);
  return toMediaDto(m);
}

export async function uploadFile(bytes: Buffer, originalName: string, actor: Actor): Promise<MediaDto> {
  if (bytes.length > FILE_MAX_BYTES) throw new DomainError(`附件不能超过 ${fileSize(FILE_MAX_BYTES)}`);
  const type = await fileTypeFromBuffer(bytes);
  const lower = originalName.toLowerCase();
  let ext = type ? SNIFFED_ATTACHMENTS[type.mime] : undefined;
  // .doc and .xls share one container format; .docx/.xlsx may sniff as plain zip. The name picks between equals only.
  if (ext === "doc" && lower.endsWith(".xls")) ext = "xls";
  if (ext === "zip-office") ext = lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".docx") ? "docx" : undefined;
  if (!ext) throw new DomainError(`附件只支持 ${ATTACHMENT_LABELS} 格式`);
  const key = hashKey(bytes, ext);
  const same = await reuseStored(key, actor);
  if (same) return { ...same, originalName: safeName(originalName) };
  await storage.put(key, bytes);
  const m = await db.media.create({
    data: { kind: "file", storageKey: key, originalName: safeName(originalName), mimeType: mimeForExt(ext), size: bytes.length },
  });
  await recordUpload(m.id, actor, m.originalName);
  return toMediaDto(m);
}
