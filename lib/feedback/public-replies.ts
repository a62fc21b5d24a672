import { db } from "../db";
import { pageSlice } from "../pagination";

/** 留言选登: messages whose reply the office chose to publish. Never the name or contact. */
export interface PublicReply {
  id: number;
  category: string;
  subject: string;
  /** The citizen's question: a reply read without it answers nothing. */
  content: string;
  createdAt: Date;
  reply: string;
  repliedAt: Date;
}

export const PUBLIC_REPLIES_PAGE_SIZE = 10;

export async function listPublicReplies(page = 1): Promise<{ items: PublicReply[]; total: number; page: number; pages: number }> {
  const where = { replyPublic: true, repliedAt: { not: null }, reply: { not: "" } };
  const total = await db.suggestion.count({ where });
  const { page: current, pageCount: pages, skip } = pageSlice(page, total, PUBLIC_REPLIES_PAGE_SIZE);
  const rows = await db.suggestion.findMany({
    where,
    orderBy: { repliedAt: "desc" },
    skip,
    take: PUBLIC_REPLIES_PAGE_SIZE,
    select: { id: true, category: true, subject: true, content: true, createdAt: true, reply: true, repliedAt: true },
  });
  return {
    items: rows.map((r) => ({ ...r, repliedAt: r.repliedAt! })),
    total,
    page: current,
    pages,
  };
}
