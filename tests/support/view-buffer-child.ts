// Child process for the shutdown test: buffers views, reports, waits for a signal.
import { handleBeacon } from "../../lib/views/beacon";

const [articleId, count] = process.argv.slice(2).map(Number);
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
void (async () => {
  for (let i = 0; i < count; i++) await handleBeacon({ input: { articleId }, userAgent: UA, purpose: null, visitorCookie: null });
  console.log("buffered");
  setInterval(() => undefined, 1000); // stay alive until signalled
})();
