import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureFirstAdmin } from "@/lib/auth/bootstrap";
import { verifyPassword } from "@/lib/auth/password";

describe("first admin account", () => {
  it("is created once, with a generated password printed when none is configured", async () => {
    const existing = await db.user.findMany();
    // Simulate a fresh database: no users.
    const saved = existing.map((u) => u.id);
    await db.auditLog.updateMany({ where: { actorId: { in: saved } }, data: { actorId: null } });
    await db.article.updateMany({ where: { createdById: { in: saved } }, data: { createdById: null } });
    await db.articleRevision.updateMany({ where: { authorId: { in: saved } }, data: { authorId: null } });
    await db.user.deleteMany();
    const lines: string[] = [];
    delete process.env.ADMIN_PASSWORD;
    process.env.ADMIN_EMAIL = "Chief@Bureau.gov.cn";
    await ensureFirstAdmin((l) => lines.push(l));
    const admin = await db.user.findUniqueOrThrow({ where: { email: "chief@bureau.gov.cn" } });
    expect(admin.role).toBe("admin");
    const password = lines.join("\n").match(/password: (\S+)/)?.[1];
    expect(password && password.length).toBeGreaterThanOrEqual(16);
    expect(await verifyPassword(admin.passwordHash, password!)).toBe(true);
    await ensureFirstAdmin((l) => lines.push(l));
    expect(await db.user.count()).toBe(1);
    delete process.env.ADMIN_EMAIL;
    for (const u of existing) await db.user.create({ data: u });
  });
});
