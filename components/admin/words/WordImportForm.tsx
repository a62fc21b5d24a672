"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { importWordsAction } from "@/lib/integrity/words/actions";
import type { WordCategory } from "@/lib/integrity/words/categories";
import { Field, ResultMessage } from "../Field";
import { useAction } from "../useAction";

/** 导入: one word per line; a wrong line stops the whole import and the text stays for fixing. */
export function WordImportForm({ category, categoryLabel }: { category: WordCategory; categoryLabel: string }) {
  const router = useRouter();
  const { run, result, pending, fieldError } = useAction(importWordsAction);
  const [text, setText] = useState("");
  const [mode, setMode] = useState<"add" | "replace">("add");

  async function readFile(file: File | undefined) {
    if (file) setText(await file.text());
  }

  return (
    <form
      className="adm-form wl-import"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (mode === "replace" && !window.confirm(`“${categoryLabel}”将只保留导入的词，其余的会被删除。确定吗？`)) return;
        run({ category, text, mode }, () => {
          setText("");
          router.refresh();
        });
      }}
    >
      <h2>导入到“{categoryLabel}”</h2>
      <ResultMessage result={result} />
      <Field
        id="import-text"
        label="词语（每行一个）"
        error={fieldError("text")}
        hint={category === "wording" ? "每行“错误写法 → 正确写法”，也可用 = 或 Tab 分隔；以 # 开头的行忽略" : "以 # 开头的行忽略；也可以选择一个文本文件"}
      >
        {(a) => <textarea {...a} value={text} onChange={(e) => setText(e.target.value)} rows={8} />}
      </Field>
      <div className="adm-field">
        <label htmlFor="import-file">从文本文件读取（UTF-8）</label>
        <input id="import-file" type="file" accept=".txt,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
      </div>
      <fieldset className="crud-fieldset">
        <legend>导入方式</legend>
        <div className="crud-check">
          <label>
            <input type="radio" name="mode" checked={mode === "add"} onChange={() => setMode("add")} /> 添加到现有词库
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === "replace"} onChange={() => setMode("replace")} /> 替换此类别的全部词语
          </label>
        </div>
      </fieldset>
      <div>
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending || !text.trim()}>
          {pending ? "正在导入…" : "导入"}
        </button>
      </div>
    </form>
  );
}
