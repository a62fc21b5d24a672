import type { WordEntry } from "./matcher";

/**
 * The list a fresh site starts with (the seed writes it into WordListEntry;
 * admins edit it from there). Terms are the spam phrases that turn up on
 * defaced or hijacked government pages — gambling site names and their
 * lures, porn and fraud adverts — chosen so a real news item ABOUT fighting
 * gambling or fraud (打击网络赌博, 警惕电信诈骗) does not trip them.
 * 错误表述: names of institutions renamed in the 2018 reform and politically
 * wrong forms, each with the right form.
 */
const GAMBLING = [
  "365赛事投注", "赛事投注", "体育投注", "足球投注", "篮球投注", "在线投注", "投注平台", "网投平台",
  "bet365", "188bet", "金宝博", "威廉希尔", "皇冠体育", "皇冠足球", "亚博体育", "开云体育", "乐鱼体育",
  "澳门新葡京", "新葡京", "葡京娱乐", "金沙娱乐", "威尼斯人娱乐", "太阳城娱乐", "银河娱乐城", "永利娱乐",
  "在线赌场", "网上赌场", "真人荷官", "真人娱乐", "百家乐", "龙虎斗", "老虎机", "时时彩", "北京赛车pk10",
  "幸运飞艇", "六合彩开奖", "六合彩资料", "开元棋牌", "棋牌娱乐", "电子游艺", "首存送", "注册送彩金",
  "彩金", "博彩公司", "博彩网站", "博彩平台", "线上博彩", "外围买球", "买球网站", "百家乐平台",
];
const PORN = [
  "色情视频", "色情网站", "黄色网站", "成人视频", "成人电影", "成人影院", "午夜影院", "激情视频",
  "激情图片", "av女优", "日本av", "无码视频", "三级片", "毛片", "裸聊", "约炮", "一夜情", "援交",
  "同城约会", "小姐上门", "上门按摩", "特殊服务", "性爱视频", "黄色小说", "情色电影", "福利视频",
];
const FRAUD = [
  "刷单返利", "刷单兼职", "日赚千元", "日入过千", "兼职打字员", "代办信用卡", "信用卡套现", "花呗套现",
  "无抵押贷款", "黑户贷款", "秒批贷款", "网贷秒下", "办理假证", "办证刻章", "代开发票", "出售发票",
  "高仿证件", "代办学历", "出售银行卡", "收购银行卡", "跑分平台", "资金盘", "杀猪盘", "虚拟币返利",
];
const ADS = [
  "包治百病", "根治糖尿病", "祖传秘方", "无效退款", "壮阳药", "增大增粗", "代孕", "私家侦探", "迷药",
  "窃听器", "出售枪支", "气枪出售", "出售公民信息", "黑客接单", "删帖服务", "刷粉丝",
];

/** Blocked link targets (a link to the domain or any subdomain of it). */
const DOMAINS = [
  "bet365.com", "365bet.com", "188bet.com", "sbobet.com", "pinnacle.com", "williamhill.com", "dafabet.com",
  "pornhub.com", "xvideos.com", "xnxx.com", "xhamster.com", "91porn.com",
];

const WORDING: [string, string][] = [
  ["国家卫生和计划生育委员会", "国家卫生健康委员会"],
  ["国家卫计委", "国家卫生健康委员会"],
  ["卫计委", "卫生健康委员会"],
  ["国家工商行政管理总局", "国家市场监督管理总局"],
  ["国家质量监督检验检疫总局", "国家市场监督管理总局"],
  ["国家食品药品监督管理总局", "国家市场监督管理总局"],
  ["国土资源部", "自然资源部"],
  ["国土资源局", "自然资源和规划局"],
  ["环境保护部", "生态环境部"],
  ["环境保护局", "生态环境局"],
  ["国家旅游局", "文化和旅游部"],
  ["国家安全生产监督管理总局", "应急管理部"],
  ["安全生产监督管理局", "应急管理局"],
  ["国家新闻出版广电总局", "国家广播电视总局"],
  ["国家发展改革委员会", "国家发展和改革委员会"],
  ["人力资源与社会保障", "人力资源和社会保障"],
  ["城乡建设委员会", "住房和城乡建设局"],
  ["台湾政府", "台湾当局"],
  ["台湾总统", "台湾地区领导人"],
  ["中华民国", "台湾地区"],
  ["香港政府", "香港特别行政区政府"],
  ["澳门政府", "澳门特别行政区政府"],
  ["大陆和台湾两国", "海峡两岸"],
];

export const DEFAULT_WORD_LIST: readonly WordEntry[] = [
  ...GAMBLING.map((word) => ({ word, category: "gambling" as const })),
  ...PORN.map((word) => ({ word, category: "porn" as const })),
  ...FRAUD.map((word) => ({ word, category: "fraud" as const })),
  ...ADS.map((word) => ({ word, category: "ads" as const })),
  ...DOMAINS.map((word) => ({ word, category: "domain" as const })),
  ...WORDING.map(([word, suggestion]) => ({ word, category: "wording" as const, suggestion })),
];
