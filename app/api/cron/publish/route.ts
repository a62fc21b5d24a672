import { after } from "next/server";
import { isCronAuthorized, publishDueAndRevalidate } from "@/lib/articles/publish-due";
import { runDueInspection } from "@/lib/integrity/inspection/schedule";
import { revalidateLapsedPlacements } from "@/lib/placement/expiry";

export const dynamic = "force-dynamic";

/**
 * Publishes scheduled articles that are due and regenerates the pages of 头条/置顶/推荐 flags whose
 * end date has passed. Called by the in-process ticker or an external cron.
 * The same tick starts the site inspection when one is due (hourly quick, daily full); it runs
 * after the response, so publishing never waits for it.
 */
export async function POST(req: Request) {
  if (!isCronAuthorized(req.headers.get("authorization"))) return Response.json({ error: "forbidden" }, { status: 403 });
  const published = await publishDueAndRevalidate();
  const lapsedPlacements = await revalidateLapsedPlacements();
  after(() =>
    runDueInspection().catch((err) => {
      console.error("[inspection] scheduled run failed:", err);
    }),
  );
  return Response.json({ published, lapsedPlacements });
}

/** Vercel Cron calls GET, with `Authorization: Bearer $CRON_SECRET` (docs/deploy.md); same check, same work. */
export const GET = POST;
