/** Chinese names of the workflow states, shared by server and client code. */
export const STATUS_LABELS = { draft: "草稿", review: "待审核", scheduled: "定时发布", published: "已发布", unpublished: "已撤稿" } as const;
export type WorkflowStatus = keyof typeof STATUS_LABELS;

/** A draft sent back by a reviewer (or refused at its scheduled time) shows this with the comment until it is resubmitted. */
export const RETURNED_LABEL = "已退回";
export function isReturned(a: { status: string; reviewComment: string }): boolean {
  return a.status === "draft" && a.reviewComment !== "";
}
