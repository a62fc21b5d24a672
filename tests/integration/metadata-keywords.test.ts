import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import { parseSnapshot } from "@/lib/articles/snapshot";
import * as wf from "@/lib/articles/workflow";
import { articleKeywords } from "@/lib/site/keywords";
import { makeActor } from "../support/actors";

const created: number[] = [];
afterAll(async () => {
  await db.article.deleteMany({ where: { id: { in: created } } });
});

describe("article keywords through the workflow", () => {
  it("are kept in each revision and reach the public copy only when published", async () => {
    const admin = await makeActor("admin");
    const news = await db.section.findFirstOrThrow({ where: { path: "news" } });
    const input = (keywords: string) => articleInputSchema.parse({ title: "关键词测试", sectionId: news.id, bodyHtml: "<p>正文</p>", keywords });
    const { id } = await wf.createArticle(input("增值税、发票"), admin);
    created.push(id);
    await wf.publishArticle(id, null, admin);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).keywords).toBe("增值税,发票");

    await wf.saveArticle(id, input("个人所得税"), admin);
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.keywords).toBe("增值税,发票"); // the live copy waits for publishing
    const head = await db.articleRevision.findUniqueOrThrow({ where: { id: row.headRevisionId! } });
    expect(parseSnapshot(head.snapshot).keywords).toBe("个人所得税");

    await wf.publishArticle(id, null, admin);
    const published = await db.article.findUniqueOrThrow({ where: { id } });
    expect(articleKeywords(published)).toEqual(["个人所得税"]);

    await wf.restoreRevision(id, 1, admin);
    await wf.publishArticle(id, null, admin);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).keywords).toBe("增值税,发票");
  });
});
