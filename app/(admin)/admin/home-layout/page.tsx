import type { Metadata } from "next";
import { PlacementBoard } from "@/components/admin/placement/PlacementBoard";
import { requirePage } from "@/lib/auth/guard";
import { placementBoard } from "@/lib/placement/manage";

export const metadata: Metadata = { title: "首页编排" };

/** 首页编排: the current 头条, 推荐 and 置顶 articles in their manual order. */
export default async function HomeLayoutPage() {
  await requirePage("article.place", "/admin/home-layout");
  const board = await placementBoard();
  return (
    <div>
      <h1>首页编排</h1>
      <p className="adm-hint">在文章编辑页的“首页与置顶”中设为头条、置顶或推荐；在这里调整顺序或取消。修改立即生效。</p>
      <PlacementBoard board={board} />
    </div>
  );
}
