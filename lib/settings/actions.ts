"use server";

import { guardedAction } from "@/lib/auth/guard";
import { revalidateSettings } from "@/lib/cache/revalidate";
import { settingsSchema, updateSettings } from "@/lib/settings/manage";

export const updateSettingsAction = guardedAction("settings.manage", settingsSchema, async (input, actor) => {
  const { warnings } = await updateSettings(input, actor);
  await revalidateSettings();
  return { ok: true, message: `网站设置已保存，所有页面将显示新的信息${warnings.length ? `。请注意：${warnings.join("；")}` : ""}` };
});
