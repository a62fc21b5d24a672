"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addWordAction } from "@/lib/integrity/words/actions";
import type { WordCategory } from "@/lib/integrity/words/categories";
import { Field, ResultMessage } from "../Field";
import { useAction } from "../useAction";

/** 添加一个词: the typed word stays in the field when the server refuses it. */
export function WordAddForm({ category, categoryLabel }: { category: WordCategory; categoryLabel: string }) {
  const router = useRouter();
  const { run, result, pending, fieldError } = useAction(addWordAction);
  const [word, setWord] = useState("");
  const [suggestion, setSuggestion] = useState("");
  const wording = category === "wording";

  return (
    <form
      className="adm-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run({ word, category, suggestion }, () => {
          setWord("");
          setSuggestion("");
          router.refresh();
        });
      }}
    >
      <h2>添加到“{categoryLabel}”</h2>
      <ResultMessage result={result} />
      <Field id="word" label={wording ? "错误写法" : category === "domain" ? "域名" : "词语"} error={fieldError("word")} hint={category === "domain" ? "如 example.com，其下级域名一并拦截" : undefined}>
        {(a) => <input {...a} value={word} onChange={(e) => setWord(e.target.value)} maxLength={200} />}
      </Field>
      {wording && (
        <Field id="suggestion" label="正确写法" error={fieldError("suggestion")}>
          {(a) => <input {...a} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} maxLength={200} />}
        </Field>
      )}
      <div>
        <button type="submit" className="adm-btn adm-btn-primary" disabled={pending}>
          {pending ? "正在添加…" : "添加"}
        </button>
      </div>
    </form>
  );
}
