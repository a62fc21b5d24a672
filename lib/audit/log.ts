import { db } from "../db";

export interface AuditActor {
  id: number | null;
  email: string;
  ip: string;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  summary?: string;
}

export async function audit(actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      ip: actor.ip,
      action: entry.action,
      targetType: entry.targetType ?? "",
      targetId: entry.targetId === undefined ? "" : String(entry.targetId),
      summary: (entry.summary ?? "").slice(0, 500),
    },
  });
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.signin": "登录",
  "auth.signin.failed": "登录失败",
  "auth.signout": "退出登录",
  "article.create": "新建文章",
  "article.save": "保存文章",
  "article.submit": "提交审核",
  "article.return": "退回修改",
  "article.publish": "发布文章",
  "article.schedule": "定时发布",
  "article.unpublish": "撤稿",
  "article.delete": "删除文章",
  "article.restore": "恢复版本",
  "article.place": "首页与置顶",
  "article.place.order": "调整首页编排顺序",
  "media.upload": "上传文件",
  "section.create": "新建栏目",
  "section.update": "修改栏目",
  "section.delete": "删除栏目",
  "page.create": "新建页面",
  "page.update": "修改页面",
  "page.delete": "删除页面",
  "settings.update": "修改网站设置",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "suggestion.reply": "答复留言",
  "words.add": "添加敏感词",
  "words.update": "修改敏感词",
  "words.delete": "删除敏感词",
  "words.import": "导入敏感词",
  "suggestion.close": "办结留言",
  "suggestion.reopen": "重新打开留言",
  "integrity.alert": "健康检查告警",
  "integrity.purge": "清除页面缓存",
  "integrity.baseline": "重新签名全部内容",
  "inspection.run": "运行健康检查",
};
