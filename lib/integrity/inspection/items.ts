/**
 * The inspection items of 政府网站与政务新媒体检查指标 this portal checks
 * itself against. `singleVeto`: failing it fails the whole site (单项否决);
 * `npm run check:site` exits non-zero when any of these is 不合格.
 */
export interface InspectionItem {
  key: ItemKey;
  label: string;
  rule: string;
  singleVeto: boolean;
  /** full: only checked by the (slow) full run, e.g. the daily link scan */
  fullOnly?: boolean;
}

export const ITEM_KEYS = [
  "reachable",
  "homeFresh",
  "sectionFresh",
  "emptySections",
  "deadLinks",
  "imageAlt",
  "articleMeta",
  "feedback",
  "words",
  "tamper",
] as const;
export type ItemKey = (typeof ITEM_KEYS)[number];

export const ITEMS: Record<ItemKey, InspectionItem> = {
  reachable: { key: "reachable", label: "站点可访问", rule: "首页能在10秒内正常打开（HTTP 200），失败后重试一次。", singleVeto: true },
  homeFresh: { key: "homeFresh", label: "首页更新", rule: "首页最新信息的发布日期不早于2周前。", singleVeto: true },
  sectionFresh: {
    key: "sectionFresh",
    label: "栏目更新",
    rule: "动态、要闻类栏目2周内有更新；通知公告、政策文件类栏目6个月内有更新；其他栏目1年内有更新；已结束的专题不检查。各栏目可在栏目管理中单独设置。",
    singleVeto: true,
  },
  emptySections: { key: "emptySections", label: "空白栏目", rule: "每个栏目（含其下级栏目）至少有一条已发布的信息。", singleVeto: true },
  deadLinks: {
    key: "deadLinks",
    label: "链接可用性",
    rule: "正文、页面和附件中的站内、站外链接均能打开（先HEAD后GET，超时10秒，失败重试一次后仍不可用视为错链）。",
    singleVeto: true,
    fullOnly: true,
  },
  imageAlt: { key: "imageAlt", label: "图片替代文本", rule: "正文图片和封面图片都有替代文本（alt），便于读屏软件朗读。", singleVeto: false },
  articleMeta: { key: "articleMeta", label: "发布日期与来源", rule: "每篇已发布文章都有发布日期和来源。", singleVeto: false },
  feedback: { key: "feedback", label: "留言办理", rule: "网站建议在“网站设置”规定的工作日内答复。", singleVeto: true },
  words: {
    key: "words",
    label: "违规内容与错误表述",
    rule: "已发布内容（含页脚、栏目名、公开答复）和访客实际看到的页面中没有博彩、色情、诈骗等违规词；错误表述给出预警。",
    singleVeto: true,
  },
  tamper: {
    key: "tamper",
    label: "防篡改",
    rule: "数据库中的公开内容与发布时的签名指纹一致；访客实际看到的页面（近期更新的页面、轮换抽样和每页页脚）与指纹一致，且没有注入的脚本或隐藏链接。",
    singleVeto: true,
  },
};

export const ITEM_LIST: InspectionItem[] = ITEM_KEYS.map((k) => ITEMS[k]);
