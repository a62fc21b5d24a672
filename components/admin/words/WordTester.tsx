"use client";

import { useState } from "react";
import { tryWordsAction } from "@/lib/integrity/words/actions";
import { Field, ResultMessage } from "../Field";
import { useAction } from "../useAction";

type Hit = { index: number; end: number; word: string; categoryLabel: string; blocking: boolean; suggestion: string | null };

/** 试一试: paste any text, see what the lists catch (spaced-out, full-width and traditional forms included). */
export function WordTester() {
  const { run, result, pending, fieldError } = useAction<Hit[]>(tryWordsAction);
  const [text, setText] = useState("");
  const [checked, setChecked] = useState("");
  const hits = result?.ok ? (result.data ?? []) : null;

  const pieces: React.ReactNode[] = [];
  if (hits) {
    let at = 0;
    hits.forEach((h, i) => {
      if (h.index > at) pieces.push(checked.slice(at, h.index));
      pieces.push(
        <mark key={i} className={`policy-hit${h.blocking ? "" : " policy-warn"}`} title={`${h.categoryLabel}：${h.word}`}>
          {checked.slice(h.index, h.end)}
        </mark>,
      );
      at = h.end;
    });
    pieces.push(checked.slice(at));
  }

  return (
    <form
      className="adm-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(text);
        run({ text });
      }}
    >
      <h2>试一试</h2>
      <Field id="try-text" label="要检查的文字" error={fieldError("text")} hint="检查时忽略字间的空格、标点和不可见字符，全角、大小写和繁体字按同一字处理">
        {(a) => <textarea {...a} value={text} onChange={(e) => setText(e.target.value)} rows={3} />}
      </Field>
      <div>
        <button type="submit" className="adm-btn" disabled={pending || !text.trim()}>
          {pending ? "正在检查…" : "检查"}
        </button>
      </div>
      {result && !result.ok && <ResultMessage result={result} />}
      {hits && (
        <div className="policy-panel" role="status">
          {hits.length === 0 ? (
            <p className="adm-hint">未发现词库中的词语。</p>
          ) : (
            <>
              <p style={{ margin: "0 0 6px", whiteSpace: "pre-wrap" }}>{pieces}</p>
              <ul>
                {hits.map((h, i) => (
                  <li key={i}>
                    “{checked.slice(h.index, h.end)}”：{h.word}
                    <span className={h.blocking ? "wl-blocking" : "wl-warning"}>{h.categoryLabel}</span>
                    {h.suggestion && <> 应为“{h.suggestion}”</>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
