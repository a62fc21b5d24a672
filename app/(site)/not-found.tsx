import Link from "next/link";

export default function NotFound() {
  return (
    <div className="not-found article-paper" data-not-found="">
      <h1 className="article-title">抱歉，您访问的页面不存在</h1>
      <p>该页面可能已被删除、更名或暂时不可用。</p>
      <ul>
        <li>
          <Link href="/">返回首页</Link>
        </li>
        <li>
          <Link href="/site-map">查看网站地图</Link>
        </li>
        <li>
          <Link href="/search">使用站内搜索</Link>
        </li>
      </ul>
    </div>
  );
}
