import { statusLabel } from "@/lib/feedback/categories";

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className="fb-status" data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
