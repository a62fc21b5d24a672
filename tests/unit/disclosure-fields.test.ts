import { describe, expect, it } from "vitest";
import { disclosureInputSchema, docNumberSchema, normalizeDocNumber, readDisclosure } from "@/lib/disclosure/fields";
import { formatIndexNumber, indexPatternSchema } from "@/lib/disclosure/index-number";

describe("文号 normalisation", () => {
  it.each([
    ["安地税发〔2017〕12号", "安地税发〔2017〕12号"],
    ["安地税发【2017】12号", "安地税发〔2017〕12号"],
    ["安地税发[2017]12号", "安地税发〔2017〕12号"],
    ["安地税发［２０１７］１２号", "安地税发〔2017〕12号"],
    ["安地税发（2017）12号", "安地税发〔2017〕12号"],
    [" 安地税发 〖2017〗 12 号 ", "安地税发〔2017〕12号"],
  ])("%s → %s", (typed, stored) => {
    expect(normalizeDocNumber(typed)).toBe(stored);
    expect(docNumberSchema.parse(typed)).toBe(stored);
  });

  it("accepts the 公告 form and an empty 文号", () => {
    expect(docNumberSchema.parse("国家税务总局公告2018年第31号")).toBe("国家税务总局公告2018年第31号");
    expect(docNumberSchema.parse("")).toBe("");
  });

  it.each(["安地税发2017-12", "〔2017〕12号", "安地税发〔17〕12号", "安地税发〔2017〕号", "安地税发〔2017〕12"])("refuses %s with a Chinese message", (bad) => {
    const r = docNumberSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain("文号格式");
  });
});

describe("the 信息公开 fieldset", () => {
  const base = { issuer: "安庆市地方税务局", docNumber: "安地税发[2017]12号", writtenOn: "2017-11-14", topic: "税务", validity: "valid" };

  it("normalises the 文号 and defaults the rest", () => {
    const d = disclosureInputSchema.parse(base);
    expect(d).toEqual({ ...base, docNumber: "安地税发〔2017〕12号", repealedOn: "" });
  });

  it("requires 废止日期 when 废止, and not before 成文日期", () => {
    const missing = disclosureInputSchema.safeParse({ ...base, validity: "repealed" });
    expect(missing.error?.issues).toEqual([expect.objectContaining({ path: ["repealedOn"], message: "废止的文件请填写废止日期" })]);
    const early = disclosureInputSchema.safeParse({ ...base, validity: "repealed", repealedOn: "2017-01-01" });
    expect(early.error?.issues[0].message).toBe("废止日期不能早于成文日期");
    expect(disclosureInputSchema.parse({ ...base, validity: "repealed", repealedOn: "2018-06-30" }).repealedOn).toBe("2018-06-30");
    // 失效 may have a date or not.
    expect(disclosureInputSchema.safeParse({ ...base, validity: "expired" }).success).toBe(true);
  });

  it("requires 发文机关 and a listed 主题分类, and real dates", () => {
    const r = disclosureInputSchema.safeParse({ ...base, issuer: " ", topic: "随便", writtenOn: "2017-02-30" });
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({ issuer: "请填写发文机关", topic: "请选择主题分类", writtenOn: "请填写有效的成文日期（年-月-日）" });
  });

  it("reads snapshots without the fields as none", () => {
    expect(readDisclosure(undefined)).toBeNull();
    expect(readDisclosure({ issuer: "x", validity: "bogus" })).toMatchObject({ issuer: "x", validity: "valid", docNumber: "" });
  });
});

describe("索引号 pattern", () => {
  it("fills the tokens, the sequence padded to 5 digits", () => {
    expect(formatIndexNumber("<网站标识码>/<年>-<序号>", { siteIdCode: "3408000031", year: 2026, month: 3, sequence: 7 })).toBe("3408000031/2026-00007");
    expect(formatIndexNumber("AQDS-<年><月>-<序号>", { siteIdCode: "", year: 2017, month: 11, sequence: 123 })).toBe("AQDS-201711-00123");
  });

  it("must contain <年> and <序号> and only known tokens", () => {
    expect(indexPatternSchema.safeParse("<网站标识码>/<年>-<序号>").success).toBe(true);
    expect(indexPatternSchema.safeParse("<网站标识码>-<序号>").error?.issues[0].message).toContain("<年> 和 <序号>");
    expect(indexPatternSchema.safeParse("<年>-<序号>-<日>").error?.issues[0].message).toContain("只能使用");
    expect(indexPatternSchema.safeParse("<年> <序号>").success).toBe(false);
  });
});
