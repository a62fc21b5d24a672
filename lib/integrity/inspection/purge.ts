import { db } from "../../db";
import { DomainError } from "../../errors";
import { revalidateArticle, revalidatePage, revalidateSections, revalidateSettings } from "../../cache/revalidate";
import type { TargetType } from "../fingerprint/fields";

/** Drops the cached copies of one item's pages (lib/cache tags) so the next request renders from the database. Returns its label. */
export async function purgeTarget(type: TargetType, id: number): Promise<string> {
  switch (type) {
    case "article": {
      const a = await db.article.findUnique({ where: { id }, select: { title: true, sectionId: true } });
      if (!a) throw new DomainError("文章不存在");
      await revalidateArticle({ articleId: id, sectionIds: [a.sectionId], public: true });
      return a.title;
    }
    case "page": {
      const p = await db.page.findUnique({ where: { id }, select: { slug: true, title: true } });
      if (!p) throw new DomainError("页面不存在");
      await revalidatePage(p.slug);
      return p.title;
    }
    case "section": {
      const s = await db.section.findUnique({ where: { id }, select: { name: true } });
      if (!s) throw new DomainError("栏目不存在");
      await revalidateSections([id]);
      return s.name;
    }
    case "settings":
      await revalidateSettings();
      return "网站设置（所有页面的页脚）";
  }
}
