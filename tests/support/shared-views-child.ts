// Child process for the kill -9 test: counts views through Redis (REDIS_URL, REDIS_KEY_PREFIX
// from the parent) as fast as it can, one at a time, printing "counted" after each one
// Redis has taken, until it is killed. Its own flushes (VIEW_FLUSH_MS) run meanwhile.
import { handleBeacon } from "../../lib/views/beacon";

const articleId = Number(process.argv[2]);
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
async function main() {
  for (;;) {
    const r = await handleBeacon({ input: { articleId }, userAgent: UA, purpose: null, visitorCookie: null, ip: "203.0.113.50" });
    if (r.counted) process.stdout.write("counted\n");
  }
}
void main();
