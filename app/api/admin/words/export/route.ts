import { guardedRoute } from "@/lib/auth/guard";
import { isWordCategory } from "@/lib/integrity/words/categories";
import { exportWords } from "@/lib/integrity/words/manage";

export const dynamic = "force-dynamic";

/** 导出: one word per line (错误表述 as “错误 → 正确”), the format 导入 reads. */
export const GET = guardedRoute("words.read", async (req) => {
  const category = new URL(req.url).searchParams.get("category");
  if (!isWordCategory(category)) return Response.json({ error: "请选择要导出的类别" }, { status: 400 });
  return new Response(await exportWords(category), {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="words-${category}.txt"`,
      "cache-control": "no-store",
    },
  });
});
