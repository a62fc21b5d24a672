/** Plain GET form: works without JavaScript. */
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form className="search-box" action="/search" method="get" role="search" aria-label="站内搜索">
      <label htmlFor="site-search">站内搜索：</label>
      <input id="site-search" name="q" type="search" defaultValue={defaultValue} maxLength={100} placeholder="请输入关键词" />
      <button type="submit">搜索</button>
    </form>
  );
}
