/**
 * doctor --fix domain, in-process on the repo's Node (20: no node:sqlite, so only the config and file-system repairs
 * run; the index-dependent ones are covered on Node 24 by test/cli/doctor-fix-e2e.test.ts).
 */
import { lstatSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import { applyRepairs } from "./apply.js";
import { planRepairs } from "./plan.js";
import type { RepairAction } from "./repair-types.js";

const dirs = createTempDirPool("openclaw-doctor-");
afterEach(() => dirs.removeAll());

const CONFIG = `{
  plugins: {
    entries: { peer: { enabled: true }, ghost: { enabled: true, config: { a: 1 } }, broken: 7 },
  },
}
`;

function setup(): { state: TempDir; host: TempDir; env: NodeJS.ProcessEnv } {
  const state = dirs.create();
  const host = dirs.create();
  host.write({ "package.json": { name: "openclaw", version: "9.9.9" } });
  state.write({
    "openclaw.json": CONFIG,
    "extensions/peer/openclaw.plugin.json": { id: "peer", configSchema: { type: "object" } },
    "extensions/peer/package.json": { name: "peer", version: "1.0.0", type: "module", peerDependencies: { openclaw: ">=2026" }, openclaw: { extensions: ["./index.js"] } },
    "extensions/peer/index.js": "export default { id: 'peer', register() {} };\n",
    "extensions/peer/node_modules/openclaw/package.json": { name: "openclaw", version: "1.0.0" },
  });
  return { state, host, env: { OPENCLAW_STATE_DIR: state.path, OPENCLAW_CONFIG_PATH: state.resolve("openclaw.json") } };
}

const plan = (s: ReturnType<typeof setup>) => planRepairs({ env: s.env, cwd: s.state.path, hostPackageRoot: s.host.path, contractVersion: "openclaw@9.9.9+registry.1" });

describe("planRepairs", () => {
  it("plans the relink and the quarantines, reading only", async () => {
    const s = setup();
    const result = await plan(s);
    expect(result.actions.map((a) => `${a.kind} ${a.target}`)).toEqual([
      `relink-openclaw ${s.state.resolve("extensions/peer/node_modules/openclaw")}`,
      "quarantine-entry plugins.entries.broken",
      "quarantine-entry plugins.entries.ghost",
    ]);
    expect(result.actions[0]!.before).toContain("is a copied package (folder)");
    expect(result.actions[1]!.before).toBe(`plugins.entries.broken = 7 in ${s.state.resolve("openclaw.json")}`);
    expect(readFileSync(s.state.resolve("openclaw.json"), "utf8")).toBe(CONFIG);
  });

  it("says what it cannot read instead of guessing", async () => {
    const s = setup();
    writeFileSync(s.state.resolve("openclaw.json"), "{ plugins: ");
    const result = await plan(s);
    expect(result.actions).toEqual([]);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]!.reason).toContain("doctor --fix does not rewrite a config it cannot read");
  });
});

describe("applyRepairs", () => {
  it("applies the plan; the next plan is empty", async () => {
    const s = setup();
    const first = await plan(s);
    const report = await applyRepairs(first.actions, { paths: first.paths, env: s.env, contractVersion: "x" });
    expect(report).toMatchObject({ applied: true });
    expect(report.error).toBeUndefined();
    const link = s.state.resolve("extensions/peer/node_modules/openclaw");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(s.host.path));
    const config = JSON.parse(readFileSync(s.state.resolve("openclaw.json"), "utf8"));
    expect(config.plugins.entries).toEqual({ peer: { enabled: true } });
    expect(config.plugins.quarantine.map((q: { id: string; value: unknown }) => [q.id, q.value])).toEqual([
      ["broken", 7],
      ["ghost", { enabled: true, config: { a: 1 } }],
    ]);
    expect((await plan(s)).actions).toEqual([]);
  });

  it("rolls every change back when a later step fails (the installer refuses the restore)", async () => {
    const s = setup();
    const first = await plan(s);
    const restore: RepairAction = {
      kind: "restore-plugin",
      target: s.state.resolve("extensions/gone"),
      pluginId: "gone",
      summary: "reinstall gone",
      before: "missing",
      after: "installed",
      data: { record: { pluginId: "gone", source: "npm", spec: "gone@1.0.0", installPath: s.state.resolve("extensions/gone"), installedAt: "2026-11-30T00:00:00.000Z" } },
    };
    const report = await applyRepairs([...first.actions, restore], {
      paths: first.paths,
      env: s.env,
      contractVersion: "x",
      restore: async (record) => {
        mkdirSync(record.installPath, { recursive: true });
        throw new Error("policy-blocked: denySources lists npm");
      },
    });
    expect(report.applied).toBe(false);
    expect(report.error).toContain("denySources lists npm");
    expect(report.rolledBack).toContain("plugin folders and links");
    expect(readFileSync(s.state.resolve("openclaw.json"), "utf8")).toBe(CONFIG);
    const link = s.state.resolve("extensions/peer/node_modules/openclaw");
    expect(lstatSync(link).isDirectory()).toBe(true);
    expect(JSON.parse(readFileSync(join(link, "package.json"), "utf8")).version).toBe("1.0.0");
    expect(() => lstatSync(s.state.resolve("extensions/gone"))).toThrow();
  });

  it("refuses nothing it was not asked to do: an empty plan applies as a no-op", async () => {
    const s = setup();
    writeFileSync(s.state.resolve("openclaw.json"), "{}\n");
    const report = await applyRepairs([], { paths: (await plan(s)).paths, env: s.env, contractVersion: "x" });
    expect(report).toMatchObject({ applied: true, actions: [] });
    expect(readFileSync(s.state.resolve("openclaw.json"), "utf8")).toBe("{}\n");
  });

  it("quarantines in the $include'd plugins file and leaves the main file alone; a rollback restores both", async () => {
    const s = setup();
    const main = '{\n  // main file\n  plugins: { $include: "./plugins.json5" },\n  gateway: { port: 1 },\n}\n';
    const included = '{ entries: { ghost: { enabled: true } } }\n';
    writeFileSync(s.state.resolve("openclaw.json"), main);
    writeFileSync(s.state.resolve("plugins.json5"), included);
    const first = await plan(s);
    expect(first.pluginsFile).toBe(s.state.resolve("plugins.json5"));
    expect(first.actions.map((a) => a.kind)).toEqual(["relink-openclaw", "quarantine-entry"]);
    // The legacy migration runs after the quarantine and fails here (Node 20 has no node:sqlite for the index):
    // the quarantine already written to plugins.json5 must be undone.
    writeFileSync(s.state.resolve("plugins.json5"), included.replace("} } }", '} }, installs: { peer: { source: "npm", spec: "peer@1.0.0", installPath: "/x", installedAt: "2026-11-30T00:00:00.000Z" } } }'));
    const withInstalls = readFileSync(s.state.resolve("plugins.json5"), "utf8");
    const failing: RepairAction = { kind: "migrate-legacy-installs", target: "plugins.installs", summary: "x", before: "x", after: "x" };
    const failed = await applyRepairs([...first.actions, failing], { paths: first.paths, env: s.env, contractVersion: "x" });
    expect(failed.applied).toBe(false);
    expect(failed.error).toMatch(/node:sqlite|22\.5/);
    expect(failed.rolledBack).toContain(s.state.resolve("plugins.json5"));
    expect(readFileSync(s.state.resolve("plugins.json5"), "utf8")).toBe(withInstalls);
    writeFileSync(s.state.resolve("plugins.json5"), included);
    expect(readFileSync(s.state.resolve("plugins.json5"), "utf8")).toBe(included);
    expect(readFileSync(s.state.resolve("openclaw.json"), "utf8")).toBe(main);
    const ok = await applyRepairs(first.actions, { paths: first.paths, env: s.env, contractVersion: "x" });
    expect(ok.applied).toBe(true);
    expect(readFileSync(s.state.resolve("openclaw.json"), "utf8")).toBe(main);
    const section = JSON.parse(readFileSync(s.state.resolve("plugins.json5"), "utf8"));
    expect(section).toMatchObject({ entries: {}, quarantine: [{ id: "ghost", value: { enabled: true }, code: "plugin-not-installed" }] });
  });
});
