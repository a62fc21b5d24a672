import { unstable_cache } from "next/cache";
import { BACKSTOP_REVALIDATE_SECONDS } from "./tags";

/**
 * Wraps a read so its result lands in Next's data cache under `tags`; an
 * ISR page that calls it inherits the tags, so revalidateTag() regenerates
 * the page. Results must be JSON-plain (dates as ISO strings): the cache
 * serialises them.
 */
export function cachedRead<T>(keyParts: (string | number)[], cacheTags: string[], read: () => Promise<T>): Promise<T> {
  return unstable_cache(read, keyParts.map(String), {
    tags: cacheTags,
    revalidate: BACKSTOP_REVALIDATE_SECONDS,
  })();
}
