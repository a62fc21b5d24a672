import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { authOptions, SESSION_ENDED } from "@/lib/auth/options";
import { makeActor } from "../support/actors";

/** Sign-out ends the session on the server: a token saved before it no longer opens a session. */
describe("server-side sign-out", () => {
  const jwt = (token: JWT) => authOptions.callbacks!.jwt!({ token } as Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0]);

  it("a token from before the sign-out is refused; a new sign-in works again", async () => {
    const actor = await makeActor("editor");
    const row = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    const saved: JWT = { uid: actor.id, role: "editor", epoch: row.sessionEpoch, email: actor.email };
    await expect(jwt(saved)).resolves.toMatchObject({ uid: actor.id });

    await authOptions.events!.signOut!({ token: saved, session: undefined as never });
    await expect(jwt(saved)).rejects.toThrow(SESSION_ENDED);

    const fresh = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(fresh.sessionEpoch).toBe(row.sessionEpoch + 1);
    await expect(jwt({ ...saved, epoch: fresh.sessionEpoch })).resolves.toMatchObject({ uid: actor.id });
  });

  it("a deactivated account's token is refused at once", async () => {
    const actor = await makeActor("editor");
    const token: JWT = { uid: actor.id, role: "editor", epoch: 0 };
    await db.user.update({ where: { id: actor.id }, data: { active: false } });
    await expect(jwt(token)).rejects.toThrow(SESSION_ENDED);
  });
});
