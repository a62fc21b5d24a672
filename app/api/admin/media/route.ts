import { guardedRoute } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";
import { FILE_MAX_BYTES, uploadFile, uploadImage } from "@/lib/media/upload";

export const dynamic = "force-dynamic";

/** Multipart upload: file, kind (image | file), alt, caption → the stored media. */
export const POST = guardedRoute("media.upload", async (req, actor) => {
  if (Number(req.headers.get("content-length") ?? 0) > FILE_MAX_BYTES + 64 * 1024) throw new DomainError("文件过大");
  const form = await req.formData();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("请选择要上传的文件");
  const bytes = Buffer.from(await file.arrayBuffer());
  const kind = form.get("kind") === "file" ? "file" : "image";
  const media =
    kind === "image"
      ? await uploadImage(bytes, file.name, String(form.get("alt") ?? ""), String(form.get("caption") ?? ""), actor)
      : await uploadFile(bytes, file.name, actor);
  return Response.json(media, { status: 201 });
});
