/** Chinese names of the workflow states, shared by server and client code. */
export const STATUS_LABELS = { draft: "草稿", review: "待审核", scheduled: "定时发布", published: "已发布", unpublished: "已撤稿" } as const;
export type WorkflowStatus = keyof typeof STATUS_LABELS;
