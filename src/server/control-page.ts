/**
 * Serves the control page (built by Vite from `ui/` into `dist/ui/`) from the management server: `GET /` (and
 * `/index.html`) answers the page, `GET /assets/<file>` its hashed assets. Framework-neutral: takes a method and a
 * URL path, returns a web `Response` or `undefined` when the path is not the page's.
 *
 * The page holds no secret, so it is served without the bearer token (the browser must load it to ask for one);
 * the server's Host and Origin checks still run before it. Files are read once and kept in memory (≈ 50 KB).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Options of {@link createControlPageHandler}. */
export interface ControlPageOptions {
  /** The built page's folder (default: `dist/ui` of the `openclaw` package this module belongs to). */
  uiDir?: string;
}

/** Answers a request for the control page, or `undefined` when the path is not one of the page's. */
export type ControlPageHandler = (method: string, pathname: string) => Response | undefined;

/**
 * The response headers of the page: a strict Content-Security-Policy (only same-origin scripts, styles and
 * requests; no inline script), no framing, no referrer, no MIME sniffing.
 */
export const CONTROL_PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Asset file names Vite writes: letters, digits, `-`, `_`, `.`; no path separators, no leading dot. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;

/**
 * Finds the built page: `dist/ui` beside the nearest `package.json` named `openclaw` above this module (the
 * built CLI lives in `dist/cli/`, the sources in `src/server/`; both find the same folder).
 */
export function defaultControlPageDir(from: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
        if (name === "openclaw") return join(dir, "dist", "ui");
      } catch {
        // not a readable package.json: keep looking upwards
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Creates the handler. A page that was not built answers 503 with the command that builds it.
 *
 * @example
 * ```ts
 * const page = createControlPageHandler();
 * app.get("*", (c, next) => page(c.req.method, new URL(c.req.url).pathname) ?? next());
 * ```
 */
export function createControlPageHandler(options: ControlPageOptions = {}): ControlPageHandler {
  const uiDir = options.uiDir ?? defaultControlPageDir();
  const cache = new Map<string, { body: Uint8Array; type: string } | null>();

  function load(relative: string): { body: Uint8Array; type: string } | null {
    const cached = cache.get(relative);
    if (cached !== undefined) return cached;
    let entry: { body: Uint8Array; type: string } | null = null;
    if (uiDir) {
      const file = join(uiDir, relative);
      try {
        const extension = relative.slice(relative.lastIndexOf("."));
        entry = { body: new Uint8Array(readFileSync(file)), type: CONTENT_TYPES[extension] ?? "application/octet-stream" };
      } catch {
        entry = null;
      }
    }
    if (entry || relative === "index.html") cache.set(relative, entry);
    return entry;
  }

  return (method, pathname) => {
    if (method !== "GET" && method !== "HEAD") return undefined;
    const head = method === "HEAD";
    if (pathname === "/" || pathname === "/index.html") {
      const page = load("index.html");
      if (!page) {
        return new Response(
          `The control page is not built (looked for ${uiDir ? join(uiDir, "index.html") : "dist/ui/index.html"}). ` +
            "Build it with `pnpm build` (or `pnpm build:ui`); the API under /api/ works without it.\n",
          { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } },
        );
      }
      return new Response(head ? null : page.body, {
        status: 200,
        headers: { ...CONTROL_PAGE_SECURITY_HEADERS, "content-type": page.type, "cache-control": "no-cache", "content-length": String(page.body.byteLength) },
      });
    }
    if (pathname.startsWith("/assets/")) {
      const name = pathname.slice("/assets/".length);
      const asset = ASSET_NAME.test(name) ? load(`assets/${name}`) : null;
      if (!asset) {
        return new Response(JSON.stringify({ error: `No control-page asset ${JSON.stringify(name)}.` }), {
          status: 404,
          headers: { "content-type": "application/json; charset=utf-8" },
        });
      }
      return new Response(head ? null : asset.body, {
        status: 200,
        headers: {
          "content-type": asset.type,
          // Vite puts a content hash in every asset name: a name never changes meaning.
          "cache-control": "public, max-age=31536000, immutable",
          "x-content-type-options": "nosniff",
          "content-length": String(asset.body.byteLength),
        },
      });
    }
    return undefined;
  };
}
