/** The header box's input; the results page fills in the query (HeaderQuery). */
export const HEADER_SEARCH_ID = "site-search";

/** The header's search: a plain GET form, works without JavaScript. */
export function SearchBox() {
  return (
    <form className="search-box" action="/search" method="get" role="search" aria-label="站内搜索">
      <label htmlFor={HEADER_SEARCH_ID}>站内搜索：</label>
      <input id={HEADER_SEARCH_ID} name="q" type="search" maxLength={100} placeholder="请输入关键词" />
      <button type="submit">搜索</button>
    </form>
  );
}
