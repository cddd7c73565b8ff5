/**
 * The control page ships inside the package: the packed tarball holds `dist/ui/` (page and every asset it
 * references), and `openclaw gateway run` started from a project that installed the tarball serves it at `/` —
 * no CDN, no network, nothing outside the installed package.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage } from "../../scripts/lib/pack.js";
import { createTempDir, type TempDir } from "../../src/testing/temp-dir.js";
import { startGateway, type RunningGateway } from "../browser/support/gateway.js";

const workDir = join(repoRoot, "test", ".tmp", `control-page-packed-${process.pid}`);
const projectDir = join(workDir, "project");
let tarball: string;
let state: TempDir;
let gateway: RunningGateway | undefined;

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  tarball = packPackage(join(workDir, "pack"));
  createConsumerProject(projectDir, tarball);
  state = createTempDir("openclaw-packed-ui-");
}, 300_000);

afterAll(async () => {
  await gateway?.stop();
  state?.remove();
  rmSync(workDir, { recursive: true, force: true });
});

describe("control page in the packed package", () => {
  it("the tarball holds the page and every asset it references", () => {
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(files).toContain("package/dist/ui/index.html");
    const html = execFileSync("tar", ["-xzOf", tarball, "package/dist/ui/index.html"], { encoding: "utf8" });
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => `package/dist/ui/${m[1]}`);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(files, asset).toContain(asset);
    // no page source or test files ride along
    expect(files.filter((file) => file.startsWith("package/ui/"))).toEqual([]);
  });

  it("the installed CLI serves it at / with its assets", async () => {
    gateway = await startGateway({ stateDir: state.path, cli: join(projectDir, "node_modules", "openclaw", "dist", "cli", "openclaw.js") });
    const page = await fetch(`${gateway.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("<title>OpenClaw plugins</title>");
    expect(html).not.toMatch(/https?:\/\//);
    for (const [, asset] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)) {
      const response = await fetch(`${gateway.baseUrl}/${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  }, 120_000);
});
