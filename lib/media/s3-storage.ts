import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { Env } from "../env";
import { mimeForKey } from "./file-types";
import { isSafeKey, UPLOAD_CACHE_CONTROL, type MediaStorage } from "./storage-key";

export interface S3Options {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export function s3OptionsFromEnv(e: Env): S3Options | null {
  if (!e.S3_BUCKET) return null;
  return {
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === "1",
  };
}

export function s3Client(o: S3Options): S3Client {
  return new S3Client({
    region: o.region,
    endpoint: o.endpoint,
    forcePathStyle: o.forcePathStyle,
    // Without explicit keys the SDK's own chain applies (instance role, AWS_* variables).
    credentials: o.accessKeyId && o.secretAccessKey ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } : undefined,
    // Since 3.729 the SDK adds CRC32 checksums to every request and checks them on
    // responses; S3-compatible servers (MinIO, s3rver, Ceph, several clouds) reject or lack them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * Uploads as S3 objects. Each object carries its content type and the same
 * long cache header the /uploads route sends, so a bucket served directly
 * (or through a CDN) behaves like the route.
 */
export function s3Storage(o: S3Options, client: S3Client = s3Client(o)): MediaStorage {
  return {
    async put(key, bytes) {
      if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`);
      await client.send(
        new PutObjectCommand({
          Bucket: o.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: mimeForKey(key) ?? "application/octet-stream",
          CacheControl: UPLOAD_CACHE_CONTROL,
        }),
      );
    },
    async get(key) {
      if (!isSafeKey(key)) return null;
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: key }));
        if (!res.Body) return null;
        return Buffer.from(await res.Body.transformToByteArray());
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === "NoSuchKey") return null;
        throw err;
      }
    },
  };
}
