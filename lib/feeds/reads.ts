import { cachedRead } from "../cache/cached";
import { tags } from "../cache/tags";
import { subtreeIds } from "../sections/queries";
import type { SectionDto } from "../sections/types";
import { latestFeedItems } from "./queries";

/**
 * Feed contents through the data cache, tagged like the pages they mirror:
 * publishing, editing or unpublishing an article expires `home` and its
 * sections' tags (lib/cache/revalidate.ts), a moved section expires
 * `sections` — so a feed never lists an article its page no longer shows.
 */

export const readSiteFeedItems = () => cachedRead(["feed", "site"], [tags.home, tags.sections], () => latestFeedItems(null));

/** A section's feed rolls its sub-sections up, as its list page does. */
export function readSectionFeedItems(section: SectionDto, sections: SectionDto[]) {
  const ids = subtreeIds(section, sections);
  return cachedRead(["feed", "section", section.id], [tags.sections, ...ids.map(tags.section)], () => latestFeedItems(ids));
}
