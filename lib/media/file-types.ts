/**
 * The one table of file types the site stores and serves: extension, MIME type, the label
 * visitors see, and whether it is an image. Uploads are sniffed from their bytes
 * (lib/media/upload.ts) and stored under these extensions; /uploads serves them with
 * these MIME types; the admin's file pickers and the article's attachment list read
 * the same rows. No Node imports: client components use it too.
 */
export const FILE_TYPES = [
  { ext: "jpg", mime: "image/jpeg", label: "JPG", image: true },
  { ext: "png", mime: "image/png", label: "PNG", image: true },
  { ext: "webp", mime: "image/webp", label: "WEBP", image: true },
  { ext: "gif", mime: "image/gif", label: "GIF", image: true },
  { ext: "pdf", mime: "application/pdf", label: "PDF", image: false },
  { ext: "doc", mime: "application/msword", label: "DOC", image: false },
  { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "DOCX", image: false },
  { ext: "xls", mime: "application/vnd.ms-excel", label: "XLS", image: false },
  { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "XLSX", image: false },
] as const;

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const FILE_MAX_BYTES = 20 * 1024 * 1024;
/** "只支持 JPG、PNG、WEBP、GIF 格式的图片" — the browser's check and the server's say the same. */
export const IMAGE_TYPE_MESSAGE = `只支持 ${FILE_TYPES.filter((t) => t.image).map((t) => t.label).join("、")} 格式的图片`;

export type FileType = (typeof FILE_TYPES)[number];
export type AttachmentExt = Extract<FileType, { image: false }>["ext"];

const IMAGES = FILE_TYPES.filter((t) => t.image);
const ATTACHMENTS = FILE_TYPES.filter((t) => !t.image);

/** For <input type="file" accept>: images by MIME type, attachments by extension. */
export const IMAGE_ACCEPT = IMAGES.map((t) => t.mime).join(",");
export const ATTACHMENT_ACCEPT = ATTACHMENTS.map((t) => `.${t.ext}`).join(",");
/** "PDF、DOC、DOCX、XLS、XLSX" for messages. */
export const ATTACHMENT_LABELS = ATTACHMENTS.map((t) => t.label).join("、");

export function isImageMime(mime: string): boolean {
  return IMAGES.some((t) => t.mime === mime);
}

/** The MIME type for a stored key's extension ("2026/ab12.pdf"), or undefined for anything we do not serve. */
export function mimeForKey(key: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase();
  return FILE_TYPES.find((t) => t.ext === ext)?.mime;
}

export function mimeForExt(ext: AttachmentExt): string {
  return FILE_TYPES.find((t) => t.ext === ext)!.mime;
}

/**
 * What a visitor needs before downloading: the kind of file. The stored MIME type decides
 * (uploads are sniffed from their bytes); the name's extension is only a fallback.
 */
export function fileKind(mimeType: string, fileName: string): string {
  const known = FILE_TYPES.find((t) => t.mime === mimeType.toLowerCase());
  if (known) return known.label;
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName.split(/[?#]/)[0])?.[1];
  return ext ? ext.toUpperCase() : "文件";
}
