import fs from "node:fs";
import path from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/uploads/[...key]/route";
import { s3Client, s3OptionsFromEnv } from "@/lib/media/s3-storage";
import { storage, uploadDir } from "@/lib/media/storage";
import { uploadFile, uploadImage } from "@/lib/media/upload";
import { env } from "@/lib/env";
import { startS3rver, type RunningS3 } from "../../scripts/local-s3";
import { makeActor } from "../support/actors";

const S3_NAMES = ["S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"];
let s3: RunningS3;

const serve = (key: string) => GET(new Request(`http://localhost/uploads/${key}`), { params: Promise.resolve({ key: key.split("/") }) });
const keyOf = (url: string) => url.replace("/uploads/", "");

beforeAll(async () => {
  s3 = await startS3rver();
  Object.assign(process.env, s3.env);
});

afterAll(async () => {
  for (const n of S3_NAMES) delete process.env[n];
  await s3?.close();
});

describe("uploads on S3-compatible storage (s3rver)", () => {
  it("stores every image width in the bucket, not on the local disk, with content type and a long cache header", async () => {
    const actor = await makeActor("editor");
    const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#225588" } }).png().toBuffer();
    const m = await uploadImage(png, "s3图.png", "存储测试", "", actor);
    const keys = m.srcset.split(", ").map((s) => keyOf(s.split(" ")[0]));
    expect(keys).toHaveLength(3); // 480, 960, 1200
    const client = s3Client(s3OptionsFromEnv(env())!);
    for (const key of keys) {
      expect(fs.existsSync(path.join(uploadDir(), key)), key).toBe(false);
      const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
      expect(head.ContentType).toBe("image/png");
      expect(head.CacheControl).toBe("public, max-age=31536000, immutable");
      const bytes = await storage.get(key);
      expect((await sharp(bytes!).metadata()).format).toBe("png");
    }
    const res = await serve(keyOf(m.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await res.arrayBuffer()).equals((await storage.get(keyOf(m.url)))!)).toBe(true);
  });

  it("serves an attachment byte for byte as a download, and answers 404 for a key the bucket lacks", async () => {
    const actor = await makeActor("editor");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n% s3 test\n");
    const m = await uploadFile(pdf, "通知.pdf", actor);
    const head = await s3Client(s3OptionsFromEnv(env())!).send(new HeadObjectCommand({ Bucket: s3.bucket, Key: keyOf(m.url) }));
    expect(head.ContentType).toBe("application/pdf");
    const res = await serve(keyOf(m.url));
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe("attachment");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
    expect(await storage.get("2026/does-not-exist.pdf")).toBeNull();
    expect((await serve("2026/does-not-exist.pdf")).status).toBe(404);
    expect(await storage.get("../etc/passwd")).toBeNull();
  });

  it("goes back to the local folder when S3_BUCKET is unset", async () => {
    const saved = process.env.S3_BUCKET;
    delete process.env.S3_BUCKET;
    try {
      await storage.put("local-check/a.pdf", Buffer.from("%PDF-1.4 local"));
      expect(fs.readFileSync(path.join(uploadDir(), "local-check/a.pdf"), "utf8")).toBe("%PDF-1.4 local");
    } finally {
      process.env.S3_BUCKET = saved;
    }
    expect(await storage.get("local-check/a.pdf")).toBeNull();
  });
});
