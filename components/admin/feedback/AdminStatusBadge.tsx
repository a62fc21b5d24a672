import { statusLabel } from "@/lib/feedback/categories";

export function AdminStatusBadge({ status }: { status: string }) {
  return (
    <span className="adm-badge fb-adm-badge" data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
