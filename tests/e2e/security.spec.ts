import { expect, test, type APIRequestContext } from "@playwright/test";
import { restorePreferences } from "../../lib/site/preferences-script";
import { ADMIN, signIn } from "./admin-helpers";

/**
 * Headers, sessions and redirects as a browser (and an attacker) sees them.
 * The suite's server runs on E2E_PORT (not 3000) without NEXTAUTH_URL.
 */

const STRICT_PUBLIC = ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"];

test.describe("Content-Security-Policy and HSTS", () => {
  test("public pages: the cached page's policy, no nonce, and they stay cached", async ({ request }) => {
    const home = await request.get("/");
    const first = (await home.text()).match(/href="(\/[^"]+\/\d+)"/)?.[1];
    expect(first, "an article link on the home page").toBeTruthy();
    for (const path of ["/", first!, "/search?q=安庆", "/feedback"]) {
      const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
      for (const d of STRICT_PUBLIC) expect(csp, path).toContain(d);
      expect(csp, path).not.toContain("nonce-");
    }
    await request.get(first!);
    const again = await request.get(first!);
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(again.headers()["strict-transport-security"]).toBeUndefined(); // plain HTTP here
  });

  test("admin and sign-in: a fresh nonce per response, on Next's own scripts, and nothing blocked", async ({ page, request }) => {
    const a = (await request.get("/login")).headers()["content-security-policy"] ?? "";
    const b = (await request.get("/login")).headers()["content-security-policy"] ?? "";
    expect(a).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' ('sha256-[A-Za-z0-9+/=]+' )?'strict-dynamic'/);
    for (const d of STRICT_PUBLIC) expect(a).toContain(d);
    expect(a).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(a.match(/nonce-([^']+)/)![1]).not.toBe(b.match(/nonce-([^']+)/)![1]);

    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto("/login");
    const nonce = res!.headers()["content-security-policy"].match(/nonce-([^']+)/)![1];
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => ({ nonce: (e as HTMLScriptElement).nonce, text: e.textContent ?? "" })));
    expect(scripts.filter((s) => s.nonce === nonce).length).toBeGreaterThan(1);
    // The only script without the nonce is the layout's own, allowed by its hash.
    expect(scripts.filter((s) => s.nonce !== nonce).map((s) => s.text)).toEqual([restorePreferences]);
    await signIn(page, ADMIN.email, ADMIN.password);
    const admin = await page.goto("/admin/articles");
    expect(admin!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    await page.goto("/admin/articles/new");
    await expect(page.locator(".ProseMirror")).toBeVisible(); // the editor's scripts ran under the policy
    expect(violations).toEqual([]);
  });

  test("over HTTPS (as a proxy reports it): HSTS, and __Secure- cookies with Secure", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    expect((await request.get("/", { headers: https })).headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    expect((await request.get("/login", { headers: https })).headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    const cookies = await signInByApi(request, https);
    expect(cookies).toMatch(/__Secure-next-auth\.session-token=[^;]+;[^\n]*Secure/i);
    expect(cookies).toMatch(/__Secure-portal\.device=[^;]+;[^\n]*Secure/i);
    const plain = await signInByApi(request, {});
    expect(plain).toMatch(/(^|\n)next-auth\.session-token=/);
    expect(plain).not.toContain("__Secure-");
  });
});

/** Signs in through next-auth's endpoints; returns the Set-Cookie lines of the answer. */
async function signInByApi(request: APIRequestContext, headers: Record<string, string>): Promise<string> {
  const csrfRes = await request.get("/api/auth/csrf", { headers });
  const csrfCookie = csrfRes.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    headers: { ...headers, cookie: csrfCookie },
    form: { csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" },
    maxRedirects: 0,
  });
  return res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value).join("\n");
}

test.describe("sign-in and sign-out on this server's own origin", () => {
  test("an anonymous visitor of the admin is sent to this port's sign-in page", async ({ page, baseURL }) => {
    await page.goto("/admin/articles?status=draft");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    expect(new URL(page.url()).origin).toBe(baseURL);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin/articles?status=draft");
  });

  test("signing out lands on this port's sign-in page, and the saved session cookie stops working", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    expect(new URL(page.url()).origin).toBe(baseURL);
    const saved = (await context.cookies()).filter((c) => c.name.includes("session-token"));
    expect(saved.length).toBeGreaterThan(0);

    await expect(page.locator("fieldset[data-hydrated]")).toBeVisible(); // the sign-out button works once React runs
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(new URL(page.url()).origin).toBe(baseURL);

    // Someone who copied the cookie before the sign-out gets nothing with it.
    const thief = await browser.newContext();
    await thief.addCookies(saved);
    const stolen = await thief.newPage();
    await stolen.goto("/admin/articles");
    await expect(stolen).toHaveURL(/\/login/);
    expect(new URL(stolen.url()).origin).toBe(baseURL);
    const session = await stolen.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    await thief.close();
    await context.close();
  });

  for (const target of ["/\\evil.example", "/%09/evil.example", "/\\/evil.example", "//evil.example", "http://evil.example/", "http://localhost:3000.evil.example/"]) {
    test(`callbackUrl=${target} never leaves the site`, async ({ page, baseURL, request }) => {
      for (const path of [`/login?callbackUrl=${encodeURIComponent(target)}`, `/api/auth/signin?callbackUrl=${encodeURIComponent(target)}`]) {
        expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
      }
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByLabel("邮箱").fill(ADMIN.email);
      await page.getByLabel("密码").fill(ADMIN.password);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin).toBe(baseURL);
    });
  }
});
