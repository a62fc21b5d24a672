import type { Metadata } from "next";
import Link from "next/link";
import { UserForm } from "@/components/admin/users/UserForm";
import { createUserAction } from "@/lib/users/actions";
import { requirePage } from "@/lib/auth/guard";
import { isRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { listUsersForAdmin } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/crud.css";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const actor = await requirePage("user.manage", "/admin/users");
  const users = await listUsersForAdmin();

  return (
    <>
      <h1>用户管理</h1>
      <section className="adm-panel" aria-labelledby="users-list-title">
        <h2 id="users-list-title">用户列表</h2>
        <div className="crud-table-wrap">
          <table className="adm-table">
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">邮箱</th>
                <th scope="col">角色</th>
                <th scope="col">状态</th>
                <th scope="col">最近登录</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.name}
                    {u.id === actor.id && <span className="crud-muted">（我）</span>}
                  </td>
                  <td>{u.email}</td>
                  <td>{isRole(u.role) ? ROLE_LABELS[u.role] : u.role}</td>
                  <td>
                    <span className="adm-badge" data-status={u.active ? "published" : "unpublished"}>
                      {u.active ? "启用" : "停用"}
                    </span>
                  </td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span className="crud-muted">从未登录</span>}</td>
                  <td>
                    <Link href={`/admin/users/${u.id}`} className="adm-btn" aria-label={`修改“${u.name}”的账号`}>
                      {/* 修改, not 编辑: 编辑 is also a role name in the next column */}
                      修改
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="adm-panel" aria-labelledby="users-new-title">
        <h2 id="users-new-title">新建用户</h2>
        <UserForm mode="create" action={createUserAction} />
      </section>
    </>
  );
}
