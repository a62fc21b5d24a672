import fs from "node:fs";
import path from "node:path";

/** Where Debian's libnginx-mod-http-cache-purge puts the module. */
export const PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so";
export const RECIPE = path.join(process.cwd(), "deploy", "nginx", "portal.conf.template");

/** envsubst's job, for the recipe's ${PORTAL_*} placeholders only (nginx's own $variables stay). */
export function renderRecipe(values: Record<string, string>, template = fs.readFileSync(RECIPE, "utf8")): string {
  return template.replace(/\$\{(PORTAL_[A-Z_]+)\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`deploy/nginx recipe: no value for ${name}`);
    return values[name];
  });
}

/**
 * A self-contained nginx (no system service, no /etc/nginx): the recipe plus
 * a main config with every path inside `dir`, running in the foreground.
 */
export function writeNginxConfig(dir: string, listen: number, upstreams: number[], extra = ""): string {
  for (const sub of ["cache", "temp"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  // Workers of a root master run as nobody: let them write the cache and temp files.
  if (process.getuid?.() === 0) for (const sub of ["", "cache", "temp"]) fs.chmodSync(path.join(dir, sub), 0o777);
  const site = renderRecipe({
    PORTAL_LISTEN: `127.0.0.1:${listen}`,
    PORTAL_UPSTREAMS: upstreams.map((p) => `server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`).join(" "),
    PORTAL_CACHE_DIR: path.join(dir, "cache"),
    PORTAL_PURGE_ALLOW: "allow 127.0.0.1; allow ::1;",
  });
  fs.writeFileSync(path.join(dir, "portal.conf"), site);
  const temp = path.join(dir, "temp");
  const main = `${fs.existsSync(PURGE_MODULE) ? `load_module ${PURGE_MODULE};` : "# cache purge module missing: apt-get install libnginx-mod-http-cache-purge"}
daemon off;
worker_processes auto;
pid ${path.join(dir, "nginx.pid")};
error_log stderr warn;
events { worker_connections 1024; }
http {
    access_log off;
    # As Debian's nginx.conf: cached pages and files go out with sendfile.
    sendfile on;
    tcp_nopush on;
    default_type application/octet-stream;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
    include ${path.join(dir, "portal.conf")};
${extra}
}
`;
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(file, main);
  return file;
}
