import { guardedRoute } from "@/lib/auth/guard";
import { getRun, runningRun } from "@/lib/integrity/inspection/queries";

export const dynamic = "force-dynamic";

/** Progress of an inspection run (?id=…, else the one running now) for the health page's progress bar. */
export const GET = guardedRoute("inspection.read", async (req) => {
  const raw = new URL(req.url).searchParams.get("id");
  const run = raw && /^\d{1,9}$/.test(raw) ? await getRun(Number(raw)) : await runningRun();
  return Response.json({ run });
});
