import { z } from "../validation/zod";
import { beijingDateTime } from "../articles/schema";
import { PLACEMENT_KINDS } from "./kinds";

/** One flag as the 首页与置顶 fieldset sends it: on/off, order (blank = after the others), end date (blank = none). */
const flag = z
  .object({
    on: z.boolean(),
    position: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 999) {
          ctx.addIssue({ code: "custom", message: "顺序请填写 0–999 的整数" });
          return z.NEVER;
        }
        return n;
      })
      .prefault(""),
    until: beijingDateTime.prefault(""),
  })
  .refine((f) => !f.on || f.until === null || f.until.getTime() > Date.now(), { message: "截止时间须晚于现在", path: ["until"] });

export const placementInputSchema = z.object({
  articleId: z.number().int().positive(),
  headline: flag,
  pinned: flag,
  featured: flag,
});
export type PlacementInput = z.infer<typeof placementInputSchema>;

/** The 首页编排 page: the new order of one kind's articles (first = position 1). */
export const placementOrderSchema = z.object({
  kind: z.enum(PLACEMENT_KINDS),
  articleIds: z.array(z.number().int().positive()).min(1).max(200),
});

export const placementRemoveSchema = z.object({ kind: z.enum(PLACEMENT_KINDS), articleId: z.number().int().positive() });
