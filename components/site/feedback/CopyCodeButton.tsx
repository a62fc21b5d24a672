"use client";

import { useState } from "react";
import { useBrowserValue } from "@/components/hooks/useHydrated";

/** Copies the query code; rendered only where the clipboard API is available (never a dead button). */
export function CopyCodeButton({ code }: { code: string }) {
  const supported = useBrowserValue(() => !!navigator.clipboard, false);
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!supported) return null;
  return (
    <>
      <button
        type="button"
        className="fb-copy"
        onClick={() =>
          navigator.clipboard.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        复制查询码
      </button>
      <span role="status" className="fb-copy-status">
        {copied === true ? "已复制" : copied === false ? "复制失败，请手动记下" : ""}
      </span>
    </>
  );
}
