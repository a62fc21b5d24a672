import { guardedRoute } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";
import { bodyErrorResponse, readFormDataCapped } from "@/lib/http/body";
import { FILE_MAX_BYTES, uploadFile, uploadImage } from "@/lib/media/upload";

export const dynamic = "force-dynamic";

/** Multipart upload: file, kind (image | file), alt, caption → the stored media. */
export const POST = guardedRoute("media.upload", async (req, actor) => {
  let form: FormData;
  try {
    // The cap counts streamed bytes (a chunked upload has no Content-Length to trust); 64 KB for the form's other fields.
    form = await readFormDataCapped(req, FILE_MAX_BYTES + 64 * 1024);
  } catch (err) {
    const answer = bodyErrorResponse(err);
    if (!answer) throw err;
    return answer;
  }
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
