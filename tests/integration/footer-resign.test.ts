import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkTamper } from "@/lib/integrity/inspection/check-tamper";
import { fieldsJson, legacyFooterIdentity, settingsFields } from "@/lib/integrity/fingerprint/fields";
import { fingerprintEverything, resignLegacyFooter } from "@/lib/integrity/fingerprint/store";
import { signFingerprint } from "@/lib/integrity/secret";
import { getSiteSettings } from "@/lib/settings/queries";

// The footer moved 联系电话 away from 技术支持. A site upgraded from the old
// order holds a settings fingerprint signed over the old footer text: the
// start-up step re-signs it only when nothing was changed behind the CMS.

async function signLegacyFooter() {
  const s = await getSiteSettings();
  const json = fieldsJson({ ...settingsFields(s), footer: legacyFooterIdentity(s) });
  await db.contentFingerprint.update({
    where: { targetType_targetId: { targetType: "settings", targetId: "1" } },
    data: { fields: json, signature: signFingerprint("settings", "1", json) },
  });
}

const tamperFindings = async () => (await checkTamper({ baseUrl: "http://127.0.0.1:1", now: new Date(), fetchPages: false })).item.findings.map((f) => f.text);

describe("footer fingerprint after the footer reorder", () => {
  beforeEach(async () => {
    await fingerprintEverything();
    await signLegacyFooter();
  });

  it("differs from the new order whenever both 技术支持 and 联系电话 are set (the upgrade step is needed)", async () => {
    const s = await getSiteSettings();
    expect(s.techSupport && s.phone).toBeTruthy();
    expect(legacyFooterIdentity(s)).not.toBe(settingsFields(s).footer);
    expect((await tamperFindings()).join()).toMatch(/网站设置（页脚）/);
  });

  it("re-signs an old-order fingerprint that still matches the settings, once", async () => {
    expect(await resignLegacyFooter()).toBe(true);
    expect(await tamperFindings()).toEqual([]);
    expect(await resignLegacyFooter()).toBe(false);
  });

  it("keeps the alarm when the footer was changed in the database after signing", async () => {
    const before = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    await db.siteSettings.update({ where: { id: 1 }, data: { phone: "365赛事投注 0000" } });
    try {
      expect(await resignLegacyFooter()).toBe(false);
      expect((await tamperFindings()).join()).toMatch(/网站设置（页脚）.*365赛事投注/);
    } finally {
      await db.siteSettings.update({ where: { id: 1 }, data: { phone: before.phone } });
    }
  });
});
