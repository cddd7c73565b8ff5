/**
 * `plugins install | update | uninstall` through the real built binary (`dist/cli/openclaw.js`) on Node 24 (the
 * SQLite index), against a real npm registry (Verdaccio on loopback, started once for this file). Fault tests: a kill
 * (SIGKILL) at every commit step of install, update and uninstall, a hung dependency install killed, two installs at
 * once, integrity drift in a non-interactive run, a world-writable folder, Nix mode, Node 20.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { createTempDir, createTempDirPool, type TempDir } from "../../src/testing/temp-dir.js";
import { cliPath, ensureBuilt } from "../hostile/isolated.js";
import { makeTar, writePlugin } from "../support/plugin-fixtures.js";
import { startTestRegistry, type TestRegistry } from "../support/verdaccio.js";

const dirs = createTempDirPool("openclaw-install-e2e-");
afterEach(() => dirs.removeAll());
let node24 = "";
let shared: TempDir;
let registry: TestRegistry;

beforeAll(async () => {
  ensureBuilt();
  node24 = ensureNode24();
  shared = createTempDir("openclaw-install-e2e-registry-");
  registry = await startTestRegistry(shared.resolve("registry"));
  for (const [id, version] of [["e2e-npm", "1.0.0"], ["e2e-npm", "1.1.0"], ["e2e-drift", "1.0.0"]] as const) {
    await registry.publish(writePlugin(shared.resolve(`pkgs/${id}-${version}`), { id, version }));
  }
}, 600_000);
afterAll(async () => {
  await registry?.stop();
  shared?.remove();
});

const envFor = (dir: TempDir, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...registry.env,
  OPENCLAW_STATE_DIR: dir.resolve("state"),
  OPENCLAW_CONFIG_PATH: dir.resolve("state/openclaw.json"),
  NO_COLOR: "1",
  ...extra,
});
function openclaw(dir: TempDir, args: string[], options: { node?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(options.node ?? node24, [cliPath, ...args], { cwd: dir.path, env: envFor(dir, options.env), encoding: "utf8", timeout: 120_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
function openclawAsync(dir: TempDir, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(node24, [cliPath, ...args], { cwd: dir.path, env: envFor(dir, env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += String(c)));
  child.stderr.on("data", (c) => (stderr += String(c)));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once("exit", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}
const json = (text: string) => JSON.parse(text);
function listIds(dir: TempDir): Array<[string, string | undefined]> {
  const out = openclaw(dir, ["plugins", "list", "--json"]);
  return json(out.stdout).plugins.map((p: { id: string; version?: string }) => [p.id, p.version]);
}
/** Plugin folders in the managed root; fails when an operation folder was left in the staging folder. */
function extensionsEntries(dir: TempDir): string[] {
  const root = dir.resolve("state/extensions");
  const staging = join(root, ".openclaw-staging");
  expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
  return existsSync(root) ? readdirSync(root).filter((n) => !n.startsWith(".")).sort() : [];
}

describe("install / update / uninstall through the binary", () => {
  it("folder: human output, --json, trace lines on stderr with JSON intact, already-installed exit 2, uninstall", () => {
    const dir = dirs.create();
    writePlugin(dir.resolve("src/demo"), { id: "demo", version: "1.0.0" });
    const human = openclaw(dir, ["plugins", "install", "./src/demo"]);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toContain("Installed demo 1.0.0 from path");
    const again = openclaw(dir, ["plugins", "install", "./src/demo", "--json"], { env: { OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1" } });
    expect(again.status).toBe(2);
    expect(json(again.stdout)).toMatchObject({ ok: false, error: { code: "already-installed", fix: expect.stringContaining("openclaw plugins update demo") } });
    expect(again.stderr).toMatch(/\[openclaw:trace\] plugins install phase=validate ms=/);
    expect(listIds(dir)).toEqual([["demo", "1.0.0"]]);
    const removed = openclaw(dir, ["plugins", "uninstall", "demo", "--json"]);
    expect(json(removed.stdout)).toMatchObject({ ok: true, deletedDir: dir.resolve("state/extensions/demo") });
    expect(extensionsEntries(dir)).toEqual([]);
  });

  it("npm from the loopback registry: --pin, update skips without a download, uninstall", async () => {
    const dir = dirs.create();
    const installed = openclaw(dir, ["plugins", "install", "npm:e2e-npm@1.0.0", "--pin", "--json"]);
    expect(installed.status, installed.stderr).toBe(0);
    expect(json(installed.stdout).record).toMatchObject({ source: "npm", spec: "e2e-npm@1.0.0", pinned: true, resolvedVersion: "1.0.0" });
    await new Promise((r) => setTimeout(r, 300)); // spawnSync blocked the loop: let the registry's log lines arrive
    const before = registry.tarballRequests();
    expect(before).toBeGreaterThan(0);
    const skipped = openclaw(dir, ["plugins", "update", "e2e-npm"]);
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain("unchanged e2e-npm");
    expect(skipped.stdout).toContain("nothing downloaded");
    await new Promise((r) => setTimeout(r, 200));
    expect(registry.tarballRequests()).toBe(before);
    const moved = openclaw(dir, ["plugins", "update", "npm:e2e-npm", "--json"]);
    expect(json(moved.stdout).outcomes[0]).toMatchObject({ status: "updated", fromVersion: "1.0.0", toVersion: "1.1.0" });
    expect(listIds(dir)).toEqual([["e2e-npm", "1.1.0"]]);
  });

  it("integrity drift in a non-interactive update prints both hashes and fails closed", async () => {
    const dir = dirs.create();
    expect(openclaw(dir, ["plugins", "install", "npm:e2e-drift"]).status).toBe(0);
    const swap = writePlugin(shared.resolve("pkgs/e2e-drift-swap"), { id: "e2e-drift", version: "1.0.0", files: { "changed.js": "1" } });
    const tgz = shared.resolve("registry/storage/e2e-drift/e2e-drift-1.0.0.tgz");
    await makeTar(swap, tgz, { gzip: true, prefix: "package" });
    const { createHash } = await import("node:crypto");
    const bytes = readFileSync(tgz);
    const docFile = shared.resolve("registry/storage/e2e-drift/package.json");
    const doc = json(readFileSync(docFile, "utf8"));
    const recorded = doc.versions["1.0.0"].dist.integrity;
    doc.versions["1.0.0"].dist.integrity = `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
    doc.versions["1.0.0"].dist.shasum = createHash("sha1").update(bytes).digest("hex");
    writeFileSync(docFile, JSON.stringify(doc));
    const refused = openclaw(dir, ["plugins", "update", "e2e-drift"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`recorded: ${recorded}`);
    expect(refused.stderr).toContain(`fetched:  ${doc.versions["1.0.0"].dist.integrity}`);
    expect(refused.stderr).toContain("fix:    verify the package with its publisher");
    expect(existsSync(dir.resolve("state/extensions/e2e-drift/changed.js"))).toBe(false);
  });

  it("runs the before_install hooks of enabled plugins in the runtime child: a block refuses, findings are shown", () => {
    const dir = dirs.create();
    writePlugin(dir.resolve("src/guard"), {
      id: "guard",
      files: {
        "index.js": `export default { id: "guard", register(api) {
  api.on("before_install", (event) => event.targetName === "blocked-one"
    ? { block: true, blockReason: "not on the reviewed list" }
    : { findings: [{ ruleId: "reviewed", severity: "info", file: "index.js", line: 1, message: "seen " + event.targetName + " from " + event.origin }] });
} };\n`,
      },
    });
    expect(openclaw(dir, ["plugins", "install", "./src/guard"]).status).toBe(0);
    writePlugin(dir.resolve("src/blocked-one"), { id: "blocked-one" });
    const blocked = openclaw(dir, ["plugins", "install", "./src/blocked-one", "--json"]);
    expect(blocked.status).toBe(1);
    expect(json(blocked.stdout).error).toMatchObject({ code: "hook-blocked", pluginId: "blocked-one" });
    expect(json(blocked.stdout).error.message).toContain("guard");
    expect(json(blocked.stdout).error.message).toContain("not on the reviewed list");
    writePlugin(dir.resolve("src/fine"), { id: "fine" });
    const fine = openclaw(dir, ["plugins", "install", "./src/fine"]);
    expect(fine.status, fine.stderr).toBe(0);
    expect(fine.stdout).toContain("finding reviewed: seen fine from cli");
    expect(extensionsEntries(dir)).toEqual(["fine", "guard"]);
  });

  it("refuses a world-writable folder with the loader diagnostic, under Nix mode, and on Node 20", () => {
    const dir = dirs.create();
    const src = writePlugin(dir.resolve("src/ww"), { id: "ww" });
    chmodSync(src, 0o777);
    const blocked = openclaw(dir, ["plugins", "install", "./src/ww", "--link"]);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain("world-writable");
    expect(blocked.stderr).toContain("chmod");
    chmodSync(src, 0o755);
    const nix = openclaw(dir, ["plugins", "install", "./src/ww", "--json"], { env: { OPENCLAW_NIX_MODE: "1" } });
    expect(json(nix.stdout).error.code).toBe("nix-mode");
    const old = openclaw(dir, ["plugins", "install", "./src/ww"], { node: process.execPath });
    expect(old.status).toBe(1);
    expect(old.stderr).toContain(`this is Node ${process.versions.node}`);
    expect(old.stderr).toContain(">= 22.5");
  });
});

describe("faults", () => {
  it.each(["after-journal", "after-move", "after-record"])("install killed %s leaves a consistent state", (point) => {
    const dir = dirs.create();
    writePlugin(dir.resolve("src/k"), { id: "k", version: "1.0.0" });
    const killed = openclaw(dir, ["plugins", "install", "./src/k"], { env: { OPENCLAW_INSTALL_FAULT: point } });
    expect(killed.signal).toBe("SIGKILL");
    // the next mutating command recovers under the lock: rolled back before the record, finished after it
    const next = openclaw(dir, ["plugins", "install", "./src/k", "--json"]);
    if (point === "after-record") {
      expect(next.status).toBe(2);
      expect(json(next.stdout).error.code).toBe("already-installed");
      expect(existsSync(dir.resolve("state/extensions/k/openclaw.plugin.json"))).toBe(true);
    } else {
      // no record survived (else: already-installed), and the folder was rolled back (else: "a folder … already exists")
      expect(next.status, next.stderr).toBe(0);
    }
    expect(extensionsEntries(dir)).toEqual(["k"]);
    expect(listIds(dir)).toEqual([["k", "1.0.0"]]);
  });

  it.each(["after-journal", "after-move", "after-record"])("update killed %s keeps either the old or the new version, never a mix", (point) => {
    const dir = dirs.create();
    expect(openclaw(dir, ["plugins", "install", "npm:e2e-npm@1.0.0"]).status).toBe(0);
    const killed = openclaw(dir, ["plugins", "update", "npm:e2e-npm"], { env: { OPENCLAW_INSTALL_FAULT: point } });
    expect(killed.signal).toBe("SIGKILL");
    openclaw(dir, ["plugins", "registry"]); // any command; recovery runs under the lock on the next mutation
    const recovered = openclaw(dir, ["plugins", "update", "e2e-npm", "--json"]);
    expect(recovered.status, recovered.stderr).toBe(0);
    const expected = point === "after-record" ? "1.1.0" : "1.0.0";
    const folderVersion = json(readFileSync(dir.resolve("state/extensions/e2e-npm/package.json"), "utf8")).version;
    const [[, listed]] = listIds(dir) as [[string, string]];
    // the folder and the record agree (a skipped update means the record matched what is on disk)
    expect(folderVersion).toBe(listed);
    if (json(recovered.stdout).outcomes[0].status === "skipped") expect(listed).toBe(expected);
    expect(extensionsEntries(dir)).toEqual(["e2e-npm"]);
  });

  it("uninstall killed after parking the folder puts it back", () => {
    const dir = dirs.create();
    writePlugin(dir.resolve("src/u"), { id: "u" });
    expect(openclaw(dir, ["plugins", "install", "./src/u"]).status).toBe(0);
    const killed = openclaw(dir, ["plugins", "uninstall", "u"], { env: { OPENCLAW_INSTALL_FAULT: "after-park" } });
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(dir.resolve("state/extensions/u"))).toBe(false);
    const retry = openclaw(dir, ["plugins", "uninstall", "u", "--json"]);
    expect(retry.status, retry.stderr).toBe(0);
    expect(json(retry.stdout).deletedDir).toBe(dir.resolve("state/extensions/u"));
    expect(extensionsEntries(dir)).toEqual([]);
  });

  it("a hung dependency install killed mid-way leaves no folder and no record", async () => {
    const dir = dirs.create();
    writePlugin(dir.resolve("src/deps"), { id: "deps", dependencies: { "left-pad": "1.3.0" } });
    const bin = dir.resolve("fakebin");
    mkdirSync(bin);
    writeFileSync(join(bin, "npm"), "#!/bin/sh\necho started > \"$OPENCLAW_STATE_DIR/npm-started\"\nexec sleep 600\n", { mode: 0o755 });
    const { child, done } = openclawAsync(dir, ["plugins", "install", "./src/deps"], { PATH: `${bin}:${process.env.PATH}`, npm_config_registry: registry.url });
    const deadline = Date.now() + 60_000;
    while (!existsSync(dir.resolve("state/npm-started")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(dir.resolve("state/npm-started"))).toBe(true);
    child.kill("SIGKILL");
    await done;
    expect(existsSync(dir.resolve("state/extensions/deps"))).toBe(false);
    expect(listIds(dir)).toEqual([]);
    // the next mutating command removes the dead operation's staging folder
    writePlugin(dir.resolve("src/other"), { id: "other" });
    expect(openclaw(dir, ["plugins", "install", "./src/other"]).status).toBe(0);
    expect(readdirSync(dir.resolve("state/extensions/.openclaw-staging"))).toEqual([]);
  }, 120_000);

  it("two installs at once serialise: different ids both land, the same id once", async () => {
    const dir = dirs.create();
    writePlugin(dir.resolve("src/a"), { id: "a" });
    writePlugin(dir.resolve("src/b"), { id: "b" });
    const [a, b] = await Promise.all([openclawAsync(dir, ["plugins", "install", "./src/a"]).done, openclawAsync(dir, ["plugins", "install", "./src/b"]).done]);
    expect([a.status, b.status], a.stderr + b.stderr).toEqual([0, 0]);
    const runs = await Promise.all([1, 2, 3].map(() => openclawAsync(dir, ["plugins", "install", "./src/a", "--force", "--json"]).done));
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0]);
    writePlugin(dir.resolve("src/c"), { id: "c" });
    const same = await Promise.all([1, 2].map(() => openclawAsync(dir, ["plugins", "install", "./src/c", "--json"]).done));
    expect(same.map((r) => r.status).sort()).toEqual([0, 2]);
    expect(listIds(dir).map(([id]) => id)).toEqual(["a", "b", "c"]);
    expect(extensionsEntries(dir).filter((n) => !n.startsWith("."))).toEqual(["a", "b", "c"]);
  }, 120_000);
});
