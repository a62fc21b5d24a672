import { SiteLink } from "@/components/site/SiteLink";

export default function NotFound() {
  return (
    <div className="not-found article-paper" data-not-found="">
      <h1 className="article-title">抱歉，您访问的页面不存在</h1>
      <p>该页面可能已被删除、更名或暂时不可用。</p>
      <ul>
        <li>
          <SiteLink href="/">返回首页</SiteLink>
        </li>
        <li>
          <SiteLink href="/site-map">查看网站地图</SiteLink>
        </li>
        <li>
          <SiteLink href="/search">使用站内搜索</SiteLink>
        </li>
      </ul>
    </div>
  );
}
