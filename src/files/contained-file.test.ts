import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../testing/temp-dir.js";
import { readRegularFileSync, resolveInsideRoot } from "./contained-file.js";

let dir: TempDir;
afterEach(() => dir?.remove());

describe("resolveInsideRoot", () => {
  it("accepts files inside the root and refuses ../, absolute and symlinked escapes", () => {
    dir = createTempDir("contained-");
    dir.write({ "plugin/dist/index.js": "export {}", "outside/evil.js": "export {}" });
    const root = dir.resolve("plugin");
    expect(resolveInsideRoot(root, "./dist/index.js")).toMatchObject({ ok: true });
    expect(resolveInsideRoot(root, "../outside/evil.js")).toMatchObject({ ok: false, code: "entry-escapes-root" });
    expect(resolveInsideRoot(root, dir.resolve("outside/evil.js"))).toMatchObject({ ok: false, code: "entry-escapes-root" });
    symlinkSync(dir.resolve("outside/evil.js"), join(root, "dist/link.js"));
    const linked = resolveInsideRoot(root, "./dist/link.js");
    expect(linked).toMatchObject({ ok: false, code: "entry-escapes-root" });
    expect(linked.ok ? "" : linked.message).toContain("evil.js");
    expect(resolveInsideRoot(root, "./missing.js")).toMatchObject({ ok: false, code: "not-found" });
    expect(resolveInsideRoot(root, "../missing.js")).toMatchObject({ ok: false, code: "entry-escapes-root" });
  });
});

describe("resolveInsideRoot with allowMissing", () => {
  it("accepts a path to be created inside the root and refuses one below a link that leaves it", () => {
    dir = createTempDir("contained-");
    dir.write({ "plugin/data/a.json": "{}", "outside/x": "" });
    const root = dir.resolve("plugin");
    expect(resolveInsideRoot(root, "data/new/b.json", { allowMissing: true })).toMatchObject({ ok: true, real: join(root, "data/new/b.json") });
    expect(resolveInsideRoot(root, "data/new/b.json")).toMatchObject({ ok: false, code: "not-found" });
    symlinkSync(dir.resolve("outside"), join(root, "out"));
    expect(resolveInsideRoot(root, "out/new.json", { allowMissing: true })).toMatchObject({ ok: false, code: "entry-escapes-root" });
    symlinkSync(join(root, "loop"), join(root, "loop"));
    expect(resolveInsideRoot(root, "loop", { allowMissing: true })).toMatchObject({ ok: false, code: "read-failed" });
  });
});

describe("readRegularFileSync", () => {
  it("reads a regular file and refuses a FIFO at once instead of blocking", () => {
    dir = createTempDir("contained-");
    dir.write({ "a.json": "{}" });
    const ok = readRegularFileSync(dir.resolve("a.json"), { maxBytes: 10 });
    expect(ok.ok && ok.bytes.toString()).toBe("{}");
    execFileSync("mkfifo", [dir.resolve("fifo.json")]);
    expect(readRegularFileSync(dir.resolve("fifo.json"), { maxBytes: 10 })).toMatchObject({ ok: false, code: "not-regular-file" });
  });

  it("refuses directories, oversized files, escaping symlinks and missing files with their own codes", () => {
    dir = createTempDir("contained-");
    mkdirSync(dir.resolve("root/sub"), { recursive: true });
    writeFileSync(dir.resolve("root/big"), "x".repeat(11));
    writeFileSync(dir.resolve("secret"), "root:x:0:0");
    chmodSync(dir.resolve("secret"), 0o600);
    symlinkSync(dir.resolve("secret"), dir.resolve("root/manifest.json"));
    const root = dir.resolve("root");
    expect(readRegularFileSync(dir.resolve("root/sub"), { maxBytes: 10 })).toMatchObject({ code: "not-regular-file" });
    expect(readRegularFileSync(dir.resolve("root/big"), { maxBytes: 10 })).toMatchObject({ code: "too-large" });
    const escaped = readRegularFileSync(dir.resolve("root/manifest.json"), { maxBytes: 100, rootDir: root });
    expect(escaped).toMatchObject({ ok: false, code: "entry-escapes-root" });
    expect(JSON.stringify(escaped)).not.toContain("root:x");
    expect(readRegularFileSync(dir.resolve("root/none"), { maxBytes: 10, rootDir: root })).toMatchObject({ code: "not-found" });
  });
});
