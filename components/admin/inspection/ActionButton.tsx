"use client";

import { useRouter } from "next/navigation";
import { purgePageAction, baselineAction } from "@/lib/integrity/actions";
import { ResultMessage } from "@/components/admin/Field";
import { useAction } from "@/components/admin/useAction";

/** 清除缓存并重新生成 for one page whose served copy differs from the database. */
export function PurgeButton({ targetType, targetId }: { targetType: string; targetId: string }) {
  const router = useRouter();
  const { run, result, pending } = useAction(purgePageAction);
  return (
    <span className="insp-inline-action">
      <button type="button" className="adm-btn insp-small" disabled={pending} onClick={() => run({ targetType, targetId }, () => router.refresh())}>
        清除缓存并重新生成
      </button>
      <ResultMessage result={result} />
    </span>
  );
}

/** 确认当前内容为基准 (admins): asks first, because it also signs whatever an intruder changed. */
export function BaselineButton() {
  const router = useRouter();
  const { run, result, pending } = useAction(baselineAction);
  return (
    <div className="insp-baseline">
      <button
        type="button"
        className="adm-btn adm-btn-danger"
        disabled={pending}
        onClick={() => {
          if (window.confirm("将把当前所有公开内容（含页脚）作为新的基准重新签名。请先确认页面上没有被篡改的内容。继续吗？")) run({ confirm: true }, () => router.refresh());
        }}
      >
        确认当前内容为基准
      </button>
      <ResultMessage result={result} />
    </div>
  );
}
