/**
 * Client helper for the CMS upload endpoint (app/api/admin/media/route.ts).
 * Safe to import from client components: it only uses fetch and FormData.
 */

import type { MediaDto } from "@/lib/media/upload";

/** What the endpoint answers: the server's own DTO (a type-only import, nothing server-side reaches the browser). */
export type UploadedMedia = MediaDto;

const NETWORK_ERROR = "上传失败，请检查网络后重试";

/**
 * Uploads one file as multipart/form-data (fields: file, kind, alt, caption).
 * Resolves with the stored media; rejects with an Error whose message is the
 * server's Chinese explanation (or a generic Chinese network message).
 */
export async function uploadMedia(file: File, opts: { kind: "image" | "file"; alt?: string; caption?: string }): Promise<UploadedMedia> {
  const body = new FormData();
  body.append("file", file, file.name);
  body.append("kind", opts.kind);
  body.append("alt", opts.alt ?? "");
  body.append("caption", opts.caption ?? "");

  let res: Response;
  try {
    res = await fetch("/api/admin/media", { method: "POST", body, credentials: "same-origin" });
  } catch {
    throw new Error(NETWORK_ERROR);
  }

  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    // Proxies and crashed handlers answer with HTML or nothing at all.
  }

  if (!res.ok) {
    const message = data && typeof data === "object" && "error" in data && typeof data.error === "string" && data.error ? data.error : null;
    if (message) throw new Error(message);
    if (res.status === 413) throw new Error("文件过大，无法上传");
    if (res.status === 401) throw new Error("登录已过期，请重新登录后再上传");
    if (res.status === 403) throw new Error("您没有上传文件的权限");
    throw new Error(NETWORK_ERROR);
  }
  if (!data || typeof data !== "object" || typeof (data as { url?: unknown }).url !== "string") throw new Error(NETWORK_ERROR);
  return data as UploadedMedia;
}
