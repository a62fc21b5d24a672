"use client";

import { parseBeijingDateTime } from "@/lib/format/date";
import { TextDialog, type TextDialogProps } from "../TextDialog";

/** The workflow steps that need words or a time from the user. */
export type WorkflowAsk = "submit" | "return" | "unpublish" | "schedule";

function scheduleProblem(v: string): string | undefined {
  const d = parseBeijingDateTime(v);
  if (!d) return "请输入有效的日期和时间";
  if (d.getTime() <= Date.now()) return "定时发布的时间必须晚于现在（北京时间）";
  return undefined;
}

// Limits match lib/articles/schema.ts (reasonSchema, submitSchema), which checks them again.
const TEXTS: Record<WorkflowAsk, Omit<TextDialogProps, "onConfirm" | "onClose">> = {
  submit: {
    title: "提交审核",
    intro: "提交后文章进入待审核，审核人员会看到这段说明。",
    label: "提交说明",
    hint: "如：修改了哪些内容、请重点核对的数字或时间。",
    maxLength: 500,
    confirmLabel: "提交审核",
  },
  return: {
    title: "退回修改",
    intro: "文章将退回给撰稿人修改，撰稿人在工作台和文章列表中会看到这条意见。",
    label: "退回意见",
    maxLength: 500,
    requiredMessage: "请填写退回意见，说明需要修改的地方",
    validate: (v) => (Array.from(v).length < 2 ? "退回意见至少2个字" : undefined),
    confirmLabel: "退回修改",
    danger: true,
  },
  unpublish: {
    title: "撤稿",
    intro: "撤稿后文章立即从网站上撤下，原因会记入文章的历史记录。",
    label: "撤稿原因",
    maxLength: 500,
    requiredMessage: "请填写撤稿原因",
    validate: (v) => (Array.from(v).length < 2 ? "撤稿原因至少2个字" : undefined),
    confirmLabel: "确定撤稿",
    danger: true,
  },
  schedule: {
    title: "定时发布",
    intro: "到时间后系统自动发布已保存的最新版本；在此之前可以退回或修改。",
    label: "发布时间（北京时间）",
    input: "datetime-local",
    requiredMessage: "请选择定时发布的时间",
    validate: scheduleProblem,
    confirmLabel: "设置定时发布",
  },
};

/** 提交审核 / 退回修改 / 撤稿 / 定时发布 in a dialog (the editor form and the review view share it). */
export function WorkflowDialog({ ask, onConfirm, onClose }: { ask: WorkflowAsk; onConfirm: TextDialogProps["onConfirm"]; onClose: () => void }) {
  return <TextDialog key={ask} {...TEXTS[ask]} onConfirm={onConfirm} onClose={onClose} />;
}
