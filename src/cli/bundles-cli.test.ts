import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool, type TempDir } from "../testing/temp-dir.js";
import type { CliIO } from "./io.js";
import { runCli } from "./program.js";

const dirs = createTempDirPool("openclaw-bundles-cli-");
afterEach(() => dirs.removeAll());

async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    env,
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function layout(dir: TempDir): NodeJS.ProcessEnv {
  dir.write({
    "state/extensions/native/openclaw.plugin.json": { id: "native", name: "Native", version: "1.0.0", configSchema: {} },
    "state/extensions/native/package.json": { name: "native", version: "1.0.0", openclaw: { extensions: ["./index.js"] } },
    "state/extensions/native/index.js": "export default { id: 'native', register() {} };\n",
    "state/extensions/reviewer/.claude-plugin/plugin.json": { name: "reviewer", version: "0.3.0", description: "Claude reviewer" },
    "state/extensions/reviewer/commands/review.md": "# review",
    "state/extensions/reviewer/skills/lint/SKILL.md": "lint",
    "state/extensions/reviewer/settings.json": { theme: "dark" },
    "state/extensions/reviewer/.lsp.json": { lspServers: { ts: { command: "tsls" } } },
    "state/extensions/reviewer/.mcp.json": { mcpServers: { db: {} } },
    "state/extensions/codexy/.codex-plugin/plugin.json": { name: "codexy", version: "2.0.0" },
    "state/extensions/codexy/hooks/on-start/HOOK.md": "# hook",
    "state/extensions/cursed/.cursor-plugin/plugin.json": "{ not json",
    "state/openclaw.json": { plugins: { entries: { reviewer: { enabled: false } } } },
    "ws/README.md": "an empty workspace (the CLI refuses a --workspace that does not exist)\n",
  });
  return { OPENCLAW_STATE_DIR: dir.resolve("state"), OPENCLAW_CONFIG_PATH: dir.resolve("state/openclaw.json") };
}

describe("bundles in plugins list / inspect", () => {
  it("lists native plugins as openclaw and bundles as bundle with subtype and capabilities", async () => {
    const dir = dirs.create();
    const env = layout(dir);
    const json = await run(["plugins", "list", "--json", "--workspace", dir.resolve("ws")], dir.path, env);
    const byId = Object.fromEntries(JSON.parse(json.stdout).plugins.map((p: { id: string }) => [p.id, p]));
    expect(byId.native).toMatchObject({ format: "openclaw" });
    expect(byId.native.bundleKind).toBeUndefined();
    expect(byId.reviewer).toMatchObject({
      format: "bundle",
      bundleKind: "claude",
      version: "0.3.0",
      status: "disabled",
      bundleCapabilities: ["skills", "commands", "settings", "lspServers", "mcpServers"],
    });
    expect(byId.codexy).toMatchObject({ format: "bundle", bundleKind: "codex", status: "enabled", bundleCapabilities: ["hooks"] });
    expect(byId.cursed).toMatchObject({ format: "bundle", bundleKind: "cursor", status: "error" });
    expect(byId.cursed.diagnostics[0].message).toContain(`${dir.resolve("state/extensions/cursed/.cursor-plugin/plugin.json")} is not valid JSON`);

    const table = await run(["plugins", "list", "--workspace", dir.resolve("ws")], dir.path, env);
    expect(table.stdout).toMatch(/reviewer\s+reviewer\s+bundle\s+disabled/);
    expect(table.stdout).toMatch(/native\s+Native\s+openclaw\s+enabled/);

    const verbose = await run(["plugins", "list", "--verbose", "--workspace", dir.resolve("ws")], dir.path, env);
    expect(verbose.stdout).toContain("Format:     bundle");
    expect(verbose.stdout).toContain("Bundle:     claude");
    expect(verbose.stdout).toContain("Capabilities: skills, commands, settings, lspServers, mcpServers");
    expect(verbose.stdout).toContain("mcpServers detected, not wired");
  });

  it("inspect shows subtype, wired and not-wired capabilities, and refuses --runtime for a bundle", async () => {
    const dir = dirs.create();
    const env = layout(dir);
    const json = await run(["plugins", "inspect", "reviewer", "--json", "--workspace", dir.resolve("ws")], dir.path, env);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      id: "reviewer",
      format: "bundle",
      version: "0.3.0",
      bundle: {
        kind: "claude",
        wired: ["skills", "commands", "settings", "lspServers"],
        notWired: ["mcpServers"],
        skills: ["lint"],
        commandSkills: ["review"],
        settingsDefaults: true,
        lspServers: ["ts"],
      },
    });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "bundle-capability-not-wired" }));

    const human = await run(["plugins", "inspect", "codexy", "--workspace", dir.resolve("ws")], dir.path, env);
    expect(human.stdout).toContain("Bundle subtype   codex");
    expect(human.stdout).toContain("Hook folders     on-start");

    const runtime = await run(["plugins", "inspect", "codexy", "--runtime", "--workspace", dir.resolve("ws")], dir.path, env);
    expect(runtime.stdout + runtime.stderr).toContain("is a codex bundle: it has no OpenClaw entry to import");
  });

  it("doctor reports not-wired capabilities as notices and a broken bundle manifest as an issue", async () => {
    const dir = dirs.create();
    const env = layout(dir);
    const doctor = await run(["plugins", "doctor", "--json", "--workspace", dir.resolve("ws")], dir.path, env);
    const report = JSON.parse(doctor.stdout);
    type Finding = { code: string; pluginId?: string };
    expect((report.issues as Finding[]).map((f) => [f.pluginId, f.code])).toEqual([["cursed", "bundle-manifest-invalid"]]);
    expect(report.staleConfig).toEqual([]);
    expect(report.notices as Finding[]).toContainEqual(expect.objectContaining({ pluginId: "reviewer", code: "bundle-capability-not-wired" }));
  });

});

describe("update / search / marketplace usage errors (in process)", () => {
  it("openclaw update refuses under Nix mode and a bad channel; search and marketplace list name bad input", async () => {
    const dir = dirs.create();
    const env = { OPENCLAW_STATE_DIR: dir.resolve("state"), OPENCLAW_CONFIG_PATH: dir.resolve("state/openclaw.json"), HOME: dir.resolve("home") };
    const nix = await run(["update", "--channel", "beta"], dir.path, { ...env, OPENCLAW_NIX_MODE: "1" });
    expect(nix.code).toBe(1);
    expect(nix.stderr).toContain("OPENCLAW_NIX_MODE");
    const bad = await run(["update", "--channel", "nightly"], dir.path, env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--channel nightly: use stable or beta.");
    const limit = await run(["plugins", "search", "x", "--limit", "0"], dir.path, env);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain("--limit 0");
    const missing = await run(["plugins", "marketplace", "list", "./nowhere"], dir.path, env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('marketplace source "./nowhere" is not a known marketplace');
  });
});
