"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";

/**
 * Runs a guarded server action from a client form and keeps its result.
 * Forms hold their values in React state, so nothing the user typed is lost
 * when the server refuses the input.
 */
export function useAction<T>(action: (input: unknown) => Promise<ActionResult<T>>) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  function run(input: unknown, onOk?: (r: Extract<ActionResult<T>, { ok: true }>) => void) {
    startTransition(async () => {
      try {
        const r = await action(input);
        setResult(r);
        if (r.ok) onOk?.(r);
      } catch {
        setResult({ ok: false, error: "保存失败：网络或服务器出错，请稍后重试（您填写的内容仍保留在页面上）" });
      }
    });
  }
  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name] : undefined);
  return { run, result, pending, fieldError, reset: () => setResult(null) };
}
