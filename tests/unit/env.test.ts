import { afterEach, describe, expect, it } from "vitest";
import { env, EnvError } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["VIEW_IP_LIMIT", "DATABASE_URL", "SEED_DEMO", "PORT", "ADMIN_EMAIL"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("lib/env.ts", () => {
  it("gives defaults for unset variables", () => {
    delete process.env.VIEW_IP_LIMIT;
    delete process.env.PORT;
    expect(env().VIEW_IP_LIMIT).toBe(240);
    expect(env().PORT).toBe(3000);
  });

  it("parses numbers once and keeps 0 where 0 means off", () => {
    process.env.VIEW_IP_LIMIT = "0";
    expect(env().VIEW_IP_LIMIT).toBe(0);
  });

  it("stops on a wrong value, naming the variable and the expected form", () => {
    process.env.VIEW_IP_LIMIT = "abc";
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(/VIEW_IP_LIMIT="abc": VIEW_IP_LIMIT must be a whole number ≥ 0/);
  });

  it("accepts file: and postgres URLs only", () => {
    process.env.DATABASE_URL = "postgres://u@h:5432/db";
    expect(env().DATABASE_URL).toBe("postgres://u@h:5432/db");
    process.env.DATABASE_URL = "mysql://u@h/db";
    expect(() => env()).toThrow(/DATABASE_URL="mysql:\/\/u@h\/db": DATABASE_URL must be file:.*or postgresql:\/\//);
  });

  it("lists every wrong variable at once", () => {
    process.env.SEED_DEMO = "yes";
    process.env.ADMIN_EMAIL = "not-an-address";
    expect(() => env()).toThrow(/SEED_DEMO="yes": SEED_DEMO must be 0 or 1\n.*ADMIN_EMAIL="not-an-address": ADMIN_EMAIL must be an e-mail address|ADMIN_EMAIL[\s\S]*SEED_DEMO/);
  });
});
