/**
 * `plugins enable|disable` in process (this runs on Node 20, where they must work without the index) and
 * `plugins registry` on a Node without node:sqlite. The Node 24 paths run through the built binary in
 * test/cli/plugins-index-e2e.test.ts.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import type { CliIO } from "./io.js";
import { runCli } from "./program.js";

const dirs = createTempDirPool("openclaw-cli-enable-");
afterEach(() => dirs.removeAll());

async function run(argv: string[], dir: TempDir, env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { OPENCLAW_STATE_DIR: dir.resolve("state"), OPENCLAW_CONFIG_PATH: dir.resolve("state/openclaw.json"), ...env },
    cwd: dir.path,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
const plugin = (id: string) => ({
  [`state/extensions/${id}/openclaw.plugin.json`]: { id, configSchema: {} },
  [`state/extensions/${id}/package.json`]: { name: id, version: "1.0.0", openclaw: { extensions: ["./index.js"] } },
  [`state/extensions/${id}/index.js`]: "export default {};\n",
});
const json = (dir: TempDir, file: string) => JSON.parse(readFileSync(dir.resolve(file), "utf8"));

describe("plugins enable / disable", () => {
  it("creates the config on first write, toggles the entry, and reports an unchanged second run", async () => {
    const dir = dirs.create();
    dir.write(plugin("weather"));
    const enabled = await run(["plugins", "enable", "weather", "--json"], dir);
    expect(enabled.code).toBe(0);
    expect(JSON.parse(enabled.stdout)).toEqual({ pluginId: "weather", enabled: true, changed: true, configFile: dir.resolve("state/openclaw.json"), warnings: [] });
    expect(json(dir, "state/openclaw.json")).toEqual({ plugins: { entries: { weather: { enabled: true } } } });
    const again = await run(["plugins", "enable", "weather"], dir);
    expect(again.stdout).toContain("Enabled weather (already set) in");
    const disabled = await run(["plugins", "disable", "weather"], dir);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/^Disabled weather in .*openclaw\.json\. Restart the gateway to apply\./);
    expect(json(dir, "state/openclaw.json")).toEqual({ plugins: { entries: { weather: { enabled: false } } } });
  });

  it("writes to the $include'd plugins file, keeps other entry settings, warns about allow/deny", async () => {
    const dir = dirs.create();
    const main = '{ // mine\n  plugins: { $include: "./plugins.json5" } }\n';
    dir.write({ ...plugin("weather"), "state/openclaw.json": main, "state/plugins.json5": { allow: ["other"], entries: { weather: { config: { units: "metric" } } } } });
    const result = await run(["plugins", "enable", "weather", "--json"], dir);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.configFile).toBe(dir.resolve("state/plugins.json5"));
    expect(out.warnings).toEqual([expect.stringMatching(/^plugins\.allow does not list "weather"/)]);
    expect(readFileSync(dir.resolve("state/openclaw.json"), "utf8")).toBe(main);
    expect(json(dir, "state/plugins.json5")).toEqual({ allow: ["other"], entries: { weather: { config: { units: "metric" }, enabled: true } } });
  });

  it("an unknown id exits 2 with a did-you-mean and writes nothing; a configured-only id is accepted", async () => {
    const dir = dirs.create();
    dir.write({ ...plugin("weather"), "state/openclaw.json": { plugins: { entries: { legacy: { enabled: true } }, installs: { recorded: { source: "npm", installPath: "/nowhere/recorded", installedAt: "2026-01-01T00:00:00.000Z" } } } } });
    const before = readFileSync(dir.resolve("state/openclaw.json"), "utf8");
    const unknown = await run(["plugins", "enable", "wether"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No plugin "wether" is installed, discovered or configured. Did you mean "weather"?');
    expect(readFileSync(dir.resolve("state/openclaw.json"), "utf8")).toBe(before);
    expect((await run(["plugins", "disable", "legacy"], dir)).code).toBe(0);
    // A legacy plugins.installs record makes its id known, and enabling does not rewrite the installs.
    expect((await run(["plugins", "enable", "recorded"], dir)).code).toBe(0);
    expect(json(dir, "state/openclaw.json").plugins.installs.recorded.installPath).toBe("/nowhere/recorded");
  });

  it("refuses under OPENCLAW_NIX_MODE=1 (exit 1), pointing at the declarative route", async () => {
    const dir = dirs.create();
    dir.write(plugin("weather"));
    const result = await run(["plugins", "enable", "weather", "--json"], dir, { OPENCLAW_NIX_MODE: "1" });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/plugins enable refused: OPENCLAW_NIX_MODE=1 .*Nix configuration/);
  });

  it("a broken config or include stops with the file named (exit 1)", async () => {
    const dir = dirs.create();
    dir.write({ ...plugin("weather"), "state/openclaw.json": { plugins: { $include: "../outside.json" } } });
    const result = await run(["plugins", "enable", "weather"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/plugins\.\$include "\.\.\/outside\.json" resolves to .*outside the config folder/);
  });
});

describe("plugins registry without node:sqlite", () => {
  it("names the Node version it needs (exit 1) when this Node has no node:sqlite", async () => {
    const dir = dirs.create();
    const result = await run(["plugins", "registry", "--json"], dir);
    if (Number(process.versions.node.split(".")[0]) < 22) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/The plugin index needs Node\.js >= 22\.5 .*this is Node 20\./);
    } else {
      expect(result.code).toBe(1); // a fresh state directory has no registry yet: "missing"
      expect(JSON.parse(result.stdout).status).toBe("missing");
    }
  });
});
