/**
 * Every limit of the public 网站建议 form in one place, with the Chinese
 * message a visitor sees when they hit it. The form (a client component)
 * imports this file: it must not import lib/env.ts, which would put zod
 * (~50 kB gzip, and its eval probe that the public CSP reports) into the page.
 * The one limit read from the environment, the minimum fill time, is in token.ts.
 */
export const FEEDBACK_LIMITS = {
  subjectMax: 100,
  contentMin: 5,
  contentMax: 2000,
  nameMax: 30,
  contactMax: 60,
  /** More links than this in the content is how most comment spam looks. */
  maxLinks: 2,
  /** Submissions per client IP: a short burst window and a daily cap. */
  submitBurst: { max: 3, windowMs: 10 * 60 * 1000 },
  submitDaily: { max: 10, windowMs: 24 * 60 * 60 * 1000 },
  /** Wrong codes per client IP on 留言查询 before lookups are refused for the window. */
  lookupMisses: { max: 10, windowMs: 15 * 60 * 1000 },
  /** A form token older than this is refused (the page was left open too long). */
  tokenMaxAgeMs: 12 * 60 * 60 * 1000,
} as const;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export const FEEDBACK_MESSAGES = {
  subjectRequired: "请填写主题",
  subjectTooLong: `主题不能超过 ${FEEDBACK_LIMITS.subjectMax} 个字`,
  contentTooShort: `内容至少 ${FEEDBACK_LIMITS.contentMin} 个字，请写清您的意见或问题`,
  contentTooLong: `内容不能超过 ${FEEDBACK_LIMITS.contentMax} 个字`,
  tooManyLinks: `内容中最多包含 ${FEEDBACK_LIMITS.maxLinks} 个网址链接`,
  nameTooLong: `姓名不能超过 ${FEEDBACK_LIMITS.nameMax} 个字`,
  contactRequired: "请填写联系方式（手机号码、固定电话或电子邮箱），以便我们答复您",
  contactInvalid: "联系方式格式不正确：请填写11位手机号码、带区号的固定电话（如 0556-5551234）或电子邮箱",
  categoryInvalid: "请选择留言类别",
  tooFast: "提交过快，请确认填写内容后稍候再提交",
  tokenInvalid: "表单已失效，请刷新页面后重新提交（您填写的内容仍保留在页面上）",
  tokenExpired: "页面打开时间过长，请再次点击提交",
  tokenUsed: "该表单已经提交成功，请勿重复提交；如需再次留言，请刷新页面后填写",
  rejected: "提交未被接受，请刷新页面后重试",
  tooFrequent: (retryMs: number) => `提交过于频繁，请 ${minutes(retryMs)} 分钟后再试`,
  lookupTooFrequent: (retryMs: number) => `查询次数过多，请 ${minutes(retryMs)} 分钟后再试`,
  codeInvalid: "查询码为 12 位字母和数字，请检查后重新输入",
  codeNotFound: "没有找到该查询码对应的留言，请检查查询码是否输入正确",
} as const;
