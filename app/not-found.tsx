import Link from "next/link";

export default function GlobalNotFound() {
  return (
    <main className="container not-found article-paper">
      <h1 className="article-title">抱歉，您访问的页面不存在</h1>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </main>
  );
}
