import { afterEach, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../testing/temp-dir.js";
import { detectBundleKind, readBundle, slugifyBundleId } from "./detect-bundle.js";
import { resolveBundleWiring } from "./bundle-wiring.js";
import type { DetectedBundle } from "./bundle-types.js";

const dirs: TempDir[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function tmp(): TempDir {
  const dir = createTempDir("bundles-");
  dirs.push(dir);
  return dir;
}
function bundleAt(path: string): DetectedBundle {
  const read = readBundle(path);
  if (!read?.ok) throw new Error(`expected a bundle at ${path}: ${read ? read.message : "none"}`);
  return read.bundle;
}

describe("detectBundleKind", () => {
  it("recognises each manifest path, prefers a native manifest, and finds the default Claude layout", () => {
    const dir = tmp();
    dir.write({
      "codex/.codex-plugin/plugin.json": { name: "c" },
      "cursor/.cursor-plugin/plugin.json": { name: "c" },
      "claude/.claude-plugin/plugin.json": { name: "c" },
      "layout/commands/review.md": "# review",
      "native/openclaw.plugin.json": { id: "n", configSchema: {} },
      "native/.claude-plugin/plugin.json": { name: "n" },
      "script/index.js": "export default {}",
      "script/skills/x/SKILL.md": "x",
      "empty/readme.md": "nothing",
    });
    expect(detectBundleKind(dir.resolve("codex"))).toBe("codex");
    expect(detectBundleKind(dir.resolve("cursor"))).toBe("cursor");
    expect(detectBundleKind(dir.resolve("claude"))).toBe("claude");
    expect(detectBundleKind(dir.resolve("layout"))).toBe("claude");
    expect(detectBundleKind(dir.resolve("native"))).toBeUndefined();
    expect(detectBundleKind(dir.resolve("script"))).toBeUndefined();
    expect(detectBundleKind(dir.resolve("empty"))).toBeUndefined();
  });

  it("slugifies ids from the manifest name or the folder", () => {
    expect(slugifyBundleId("Code Reviewer!", "/x/y")).toBe("code-reviewer");
    expect(slugifyBundleId(undefined, "/x/My_Bundle")).toBe("my-bundle");
    expect(slugifyBundleId("!!!", "/x/???")).toBe("bundle-plugin");
  });
});

describe("readBundle", () => {
  it("reads a Claude bundle with every capability and wires skills, command skills, settings and LSP defaults", () => {
    const dir = tmp();
    dir.write({
      ".claude-plugin/plugin.json": { name: "Reviewer", version: "1.2.0", description: "Reviews code", mcpServers: { db: { command: "db" } } },
      "skills/lint/SKILL.md": "---\nname: lint\n---\n",
      "skills/notes.txt": "not a skill",
      "commands/review.md": "# review",
      "commands/fix.md": "# fix",
      "agents/helper.md": "# agent",
      "hooks/hooks.json": { hooks: {} },
      "settings.json": { model: "opus" },
      ".lsp.json": { typescript: { command: "tsls" } },
    });
    const bundle = bundleAt(dir.path);
    expect(bundle).toMatchObject({ kind: "claude", id: "reviewer", name: "Reviewer", version: "1.2.0", description: "Reviews code" });
    expect(bundle.capabilities).toEqual(["skills", "commands", "agents", "hooks", "settings", "lspServers", "mcpServers"]);
    const wiring = resolveBundleWiring(bundle);
    expect(wiring.wired.skills.map((s) => s.name)).toEqual(["lint"]);
    expect(wiring.wired.commandSkills.map((c) => c.name)).toEqual(["fix", "review"]);
    expect(wiring.wired.settingsDefaults).toEqual({ model: "opus" });
    expect(wiring.wired.lspServers).toEqual({ typescript: { command: "tsls" } });
    expect(wiring.wiredCapabilities).toEqual(["skills", "commands", "settings", "lspServers"]);
    expect(wiring.notWired).toEqual(["agents", "hooks", "mcpServers"]);
    const notWired = wiring.diagnostics.filter((d) => d.code === "bundle-capability-not-wired");
    expect(notWired.map((d) => d.message)).toEqual([
      'claude bundle "reviewer": agents detected, not wired (the host does not run claude agents).',
      'claude bundle "reviewer": hooks detected, not wired (the host does not run claude hooks).',
      'claude bundle "reviewer": mcpServers detected, not wired (the host does not run claude mcpServers).',
    ]);
  });

  it("takes manifest lspServers over .lsp.json and uses the folder name without a manifest", () => {
    const dir = tmp();
    dir.write({
      "a/.claude-plugin/plugin.json": { name: "a", lspServers: { go: { command: "gopls" } } },
      "Plain Layout/commands/x.md": "x",
    });
    expect(resolveBundleWiring(bundleAt(dir.resolve("a"))).wired.lspServers).toEqual({ go: { command: "gopls" } });
    const plain = bundleAt(dir.resolve("Plain Layout"));
    expect(plain).toMatchObject({ id: "plain-layout", kind: "claude" });
    expect(plain.manifestFile).toBeUndefined();
  });

  it("wires Codex skills and hook folders; MCP servers and apps are detected, not wired", () => {
    const dir = tmp();
    dir.write({
      ".codex-plugin/plugin.json": { name: "codexy", hooks: "./my-hooks" },
      "skills/plan/SKILL.md": "plan",
      "my-hooks/on-start/HOOK.md": "# hook",
      "my-hooks/broken/handler.ts": "x",
      ".mcp.json": { mcpServers: {} },
      ".app.json": {},
    });
    const bundle = bundleAt(dir.path);
    expect(bundle.hookPaths).toEqual(["my-hooks"]);
    expect(bundle.capabilities).toEqual(["skills", "hooks", "mcpServers", "apps"]);
    const wiring = resolveBundleWiring(bundle);
    expect(wiring.wired.hookFolders.map((h) => h.name)).toEqual(["on-start"]);
    expect(wiring.notWired).toEqual(["mcpServers", "apps"]);
    expect(wiring.diagnostics.find((d) => d.code === "bundle-hook-folder-invalid")?.message).toContain("broken has no HOOK.md");
  });

  it("wires Cursor command skills from .cursor/commands and reports rules as not wired", () => {
    const dir = tmp();
    dir.write({
      ".cursor-plugin/plugin.json": { name: "cur" },
      ".cursor/commands/deploy.md": "deploy",
      ".cursor/rules/style.mdc": "rule",
    });
    const wiring = resolveBundleWiring(bundleAt(dir.path));
    expect(wiring.wired.commandSkills.map((c) => c.name)).toEqual(["deploy"]);
    expect(wiring.notWired).toEqual(["rules"]);
  });

  it("names the file when a manifest is not JSON, not an object, or points outside the folder", () => {
    const dir = tmp();
    dir.write({
      "bad/.claude-plugin/plugin.json": "{ name: oops",
      "arr/.codex-plugin/plugin.json": "[1]",
      "esc/.claude-plugin/plugin.json": { name: "esc", skills: ["../../elsewhere"] },
    });
    const bad = readBundle(dir.resolve("bad"));
    expect(bad).toMatchObject({ ok: false, code: "bundle-manifest-invalid", file: dir.resolve("bad/.claude-plugin/plugin.json") });
    expect(bad && !bad.ok && bad.message).toMatch(/claude bundle manifest .*plugin\.json is not valid JSON/);
    expect(readBundle(dir.resolve("arr"))).toMatchObject({ ok: false, message: expect.stringContaining("must hold a JSON object") });
    const esc = readBundle(dir.resolve("esc"));
    expect(esc && !esc.ok && esc.message).toContain('skills entry "../../elsewhere" points outside the bundle folder');
  });

  it("reports a settings.json that is not JSON as an error naming the file and does not wire it", () => {
    const dir = tmp();
    dir.write({ "settings.json": "{nope", "skills/a/SKILL.md": "a" });
    const wiring = resolveBundleWiring(bundleAt(dir.path));
    expect(wiring.wired.settingsDefaults).toBeUndefined();
    expect(wiring.wiredCapabilities).toEqual(["skills"]);
    expect(wiring.diagnostics[0]).toMatchObject({ level: "error", code: "bundle-file-invalid", file: dir.resolve("settings.json") });
  });
});
