// An editor over plain HTTP, as a browser signs in and calls the admin's
// server actions (lib/<domain>/actions.ts), without starting a browser: the
// cluster benchmark publishes this way on instance A.
import fs from "node:fs";
import path from "node:path";

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
}

/** The id Next gave a server action in this build (server-reference-manifest.json). */
export function actionIdOf(distDir: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName);
  if (ids.length !== 1) throw new Error(`server action ${exportedName}: ${ids.length} entries in the build's manifest`);
  return ids[0][0];
}

/** name=value pairs of a response's Set-Cookie headers, merged into `jar`. */
function keepCookies(res: Response, jar: Map<string, string>): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** next-auth's credentials sign-in (what the /login form posts); resolves to the Cookie header of the session. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keepCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/admin`, json: "true" }),
    redirect: "manual",
  });
  keepCookies(res, jar);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return cookieHeader(jar);
}

export interface ActionAnswer<T> {
  ok: boolean;
  data?: T;
  message?: string;
  error?: string;
}

/** An action's answer, with when its result row arrived and when the response ended (performance.now()). */
export interface TimedAnswer<T> {
  answer: ActionAnswer<T>;
  /** The result row arrived: the editor's page shows the message from here. */
  resultAt: number;
  /**
   * The response ended. An action that revalidated renders the page in the same
   * response after its result; Next runs `after()` callbacks (the proxy purge) only then.
   */
  endAt: number;
}

/**
 * POSTs a server action the way React's client does for one plain-object
 * argument (a JSON array of the arguments, `Next-Action: <id>`, same origin)
 * and reads the action's result row out of the streamed RSC answer.
 */
export async function callAction<T = undefined>(
  base: string,
  pagePath: string,
  actionId: string,
  cookie: string,
  input: unknown,
  /** Called as soon as the result row arrives, while the rest of the response is still coming. */
  onResult?: (answer: ActionAnswer<T>, at: number) => void,
): Promise<TimedAnswer<T>> {
  const res = await fetch(base + pagePath, {
    method: "POST",
    headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base, cookie },
    body: JSON.stringify([input]),
    redirect: "manual",
  });
  if (res.status !== 200 || !res.body) throw new Error(`server action on ${pagePath}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  let text = "";
  let answer: ActionAnswer<T> | null = null;
  let resultAt = 0;
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    text += decoder.decode(r.value, { stream: true });
    if (answer) continue;
    const m = /^[0-9a-f]+:(\{"ok":.*\})$/m.exec(text);
    if (m) {
      answer = JSON.parse(m[1]) as ActionAnswer<T>;
      resultAt = performance.now();
      onResult?.(answer, resultAt);
    }
  }
  const endAt = performance.now();
  if (!answer) throw new Error(`server action on ${pagePath}: no result in the answer ${text.slice(0, 300)}`);
  if (!answer.ok) throw new Error(`server action on ${pagePath}: ${answer.error}`);
  return { answer, resultAt, endAt };
}
