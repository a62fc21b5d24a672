import Link from "next/link";

export default function ForbiddenPage() {
  return (
    <div className="adm-panel">
      <h1>没有权限</h1>
      <p>您的账号没有访问该页面的权限。如需开通，请联系网站管理员。</p>
      <p>
        <Link href="/admin">返回工作台</Link>
      </p>
    </div>
  );
}
