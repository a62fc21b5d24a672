import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/** s3rver accepts any well-formed signature made with these keys. */
export const S3RVER_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface RunningS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver, offline, files in a temp folder) with
 * one bucket, for tests and `npm run cluster`. Port 0 picks a free port.
 */
export async function startS3rver(opts: { port?: number; bucket?: string; directory?: string } = {}): Promise<RunningS3> {
  const bucket = opts.bucket ?? "portal-uploads";
  const directory = opts.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: opts.port ?? 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
    },
    async close() {
      await server.close();
      if (!opts.directory) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
