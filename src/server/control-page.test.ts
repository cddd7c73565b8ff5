import { afterAll, describe, expect, it } from "vitest";
import { createTempDir } from "../testing/temp-dir.js";
import { createControlPageHandler, defaultControlPageDir } from "./control-page.js";

const dir = createTempDir("control-page-");
dir.write({
  "ui/index.html": '<!doctype html><script type="module" src="./assets/index-abc.js"></script>',
  "ui/assets/index-abc.js": "console.log(1)",
  "ui/assets/index-abc.css": "body{}",
  "secret.txt": "do not serve",
});
afterAll(() => dir.remove());

describe("createControlPageHandler", () => {
  const page = createControlPageHandler({ uiDir: dir.resolve("ui") });

  it("serves the page at / and /index.html with a strict CSP and no caching", async () => {
    for (const path of ["/", "/index.html"]) {
      const response = page("GET", path)!;
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(await response.text()).toContain("index-abc.js");
    }
  });

  it("serves hashed assets with their type and a long cache, HEAD without a body", async () => {
    const js = page("GET", "/assets/index-abc.js")!;
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect(await js.text()).toBe("console.log(1)");
    expect(page("GET", "/assets/index-abc.css")!.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const head = page("HEAD", "/assets/index-abc.js")!;
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("14");
    expect(await head.text()).toBe("");
  });

  it("refuses traversal and unknown assets with 404, leaves other paths and methods alone", async () => {
    for (const path of ["/assets/../secret.txt", "/assets/..%2fsecret.txt", "/assets/.hidden", "/assets/sub/x.js", "/assets/nope.js"]) {
      const response = page("GET", path)!;
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: expect.stringContaining("No control-page asset") });
    }
    expect(page("GET", "/api/plugins")).toBeUndefined();
    expect(page("POST", "/")).toBeUndefined();
  });

  it("answers 503 naming the build command when the page is not built", async () => {
    const missing = createControlPageHandler({ uiDir: dir.resolve("nothing-here") });
    const response = missing("GET", "/")!;
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/not built .*pnpm build/);
  });

  it("finds dist/ui of the openclaw package from a source or built module path", () => {
    const root = createTempDir("control-page-root-");
    try {
      root.write({ "package.json": { name: "openclaw" }, "dist/cli/openclaw.js": "", "nested/package.json": { name: "other" } });
      expect(defaultControlPageDir(root.resolve("dist/cli/openclaw.js"))).toBe(root.resolve("dist/ui"));
      expect(defaultControlPageDir(root.resolve("nested/x.js"))).toBe(root.resolve("dist/ui"));
    } finally {
      root.remove();
    }
  });
});
