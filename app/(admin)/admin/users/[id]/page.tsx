import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserForm } from "@/components/admin/users/UserForm";
import { updateUserAction } from "@/lib/users/actions";
import { requirePage } from "@/lib/auth/guard";
import { isRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { findUserForAdmin } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/crud.css";

export const metadata: Metadata = { title: "编辑用户" };

type Props = { params: Promise<{ id: string }> };

export default async function EditUserPage({ params }: Props) {
  await requirePage("user.manage", `/admin/users/${(await params).id}`);
  const { id: raw } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) notFound();
  const user = await findUserForAdmin(Number(raw));
  if (!user) notFound();
  // An unknown role string (hand-edited row) is shown as editor, the least privileged, until saved.
  const role = isRole(user.role) ? user.role : "editor";

  return (
    <>
      <div className="crud-head">
        <h1>编辑用户：{user.name}</h1>
        <Link href="/admin/users">返回用户列表</Link>
      </div>
      <section className="adm-panel" aria-label="账号信息">
        <p className="adm-hint">
          邮箱：{user.email}　当前角色：{isRole(user.role) ? ROLE_LABELS[user.role] : user.role}　最近登录：
          {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}
        </p>
      </section>
      <section className="adm-panel" aria-label="编辑用户">
        <UserForm key={user.id} mode="edit" action={updateUserAction} id={user.id} initial={{ name: user.name, role, active: user.active }} />
      </section>
    </>
  );
}
