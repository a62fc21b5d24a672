import { isCronAuthorized, publishDueAndRevalidate } from "@/lib/articles/publish-due";

export const dynamic = "force-dynamic";

/** Publishes scheduled articles that are due. Called by the in-process ticker or an external cron. */
export async function POST(req: Request) {
  if (!isCronAuthorized(req.headers.get("authorization"))) return Response.json({ error: "forbidden" }, { status: 403 });
  return Response.json({ published: await publishDueAndRevalidate() });
}
