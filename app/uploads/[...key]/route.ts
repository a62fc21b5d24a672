import { mimeForKey } from "@/lib/media/file-types";
import { storage, UPLOAD_CACHE_CONTROL } from "@/lib/media/storage";

/** Serves uploads from the storage backend; keys are content-addressed, so they cache forever. */
export async function GET(_req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  const bytes = await storage.get(key);
  const type = mimeForKey(key);
  if (!bytes || !type) return new Response("文件不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type,
      "content-length": String(bytes.length),
      "cache-control": UPLOAD_CACHE_CONTROL,
      "x-content-type-options": "nosniff",
      ...(type.startsWith("image/") ? {} : { "content-disposition": "attachment" }),
    },
  });
}
