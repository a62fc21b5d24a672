import fs from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { s3OptionsFromEnv, s3Storage } from "./s3-storage";
import { isSafeKey, type MediaStorage } from "./storage-key";

export { isSafeKey, UPLOAD_CACHE_CONTROL, type MediaStorage } from "./storage-key";

export function localStorage(root: string): MediaStorage {
  const resolve = (key: string) => {
    if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, bytes);
    },
    async get(key) {
      if (!isSafeKey(key)) return null;
      try {
        return await fs.readFile(resolve(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
  };
}

export function uploadDir(): string {
  // turbopackIgnore: the upload folder is configuration, not a file the build must trace.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().UPLOAD_DIR);
}

let chosen: { key: string; backend: MediaStorage } | null = null;

/** Picked from the environment on first use (and again if it changes, as tests do). */
function backend(): MediaStorage {
  const e = env();
  const s3 = s3OptionsFromEnv(e);
  const key = JSON.stringify(s3 ?? uploadDir());
  if (chosen?.key !== key) chosen = { key, backend: s3 ? s3Storage(s3) : localStorage(uploadDir()) };
  return chosen.backend;
}

export const storage: MediaStorage = {
  put: (key, bytes) => backend().put(key, bytes),
  get: (key) => backend().get(key),
};
