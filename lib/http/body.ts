import { fileSize } from "../format/file-size";

/**
 * Request bodies read with a hard cap, counted while streaming: a chunked body has no
 * Content-Length to trust, and req.json()/req.formData() would buffer any size.
 */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`请求内容过大（不能超过 ${fileSize(limitBytes)}）`);
  }
}

/** Malformed multipart/JSON: the client's fault, answered 400. */
export class MalformedBodyError extends Error {}


export async function readBodyCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonCapped(req: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyCapped(req, maxBytes);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new MalformedBodyError("请求内容不是有效的 JSON");
  }
}

/** multipart/form-data parsed by the platform's own parser, from a body already read under the cap. */
export async function readFormDataCapped(req: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBodyCapped(req, maxBytes);
  try {
    return await new Response(new Blob([new Uint8Array(bytes)]), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new MalformedBodyError("上传内容格式不正确，请重新选择文件上传");
  }
}

/** The answer for either error, or null for anything else (rethrow it). */
export function bodyErrorResponse(err: unknown, headers?: HeadersInit): Response | null {
  if (err instanceof BodyTooLargeError) return Response.json({ error: err.message }, { status: 413, headers });
  if (err instanceof MalformedBodyError) return Response.json({ error: err.message }, { status: 400, headers });
  return null;
}
