import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import { isOrphanTempName, removeOrphanTempFiles, writeFileAtomic, writeFileAtomicSync } from "./write-file-atomic.js";

const dirs = createTempDirPool("openclaw-write-atomic-");
afterEach(() => dirs.removeAll());

describe("writeFileAtomic", () => {
  it("writes through a symlink: the link stays a link and its target gets the new contents", async () => {
    const dir = dirs.create();
    dir.write({ "meta/real.json": "{}\n" });
    symlinkSync("meta/real.json", dir.resolve("openclaw.plugin.json"));
    await writeFileAtomic(dir.resolve("openclaw.plugin.json"), '{"id":"x"}\n');
    expect(lstatSync(dir.resolve("openclaw.plugin.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(dir.resolve("meta/real.json"), "utf8")).toBe('{"id":"x"}\n');
  });

  it("keeps a 0600 or read-only file's mode and leaves no temporary file", async () => {
    const dir = dirs.create();
    const [secret, readOnly] = dir.write({ "secret.json": "{}", "ro.json": "{}" });
    chmodSync(secret!, 0o600);
    chmodSync(readOnly!, 0o444);
    await writeFileAtomic(secret!, "1");
    writeFileAtomicSync(readOnly!, "2");
    expect(statSync(secret!).mode & 0o777).toBe(0o600);
    expect(statSync(readOnly!).mode & 0o777).toBe(0o444);
    expect(readFileSync(readOnly!, "utf8")).toBe("2");
    expect(readdirSync(dir.path).sort()).toEqual(["ro.json", "secret.json"]);
  });
});

describe("orphan temporary files", () => {
  it("matches exactly the two helpers' temp names", () => {
    const t = "openclaw.plugin.json";
    expect(isOrphanTempName(t, ".openclaw.plugin.json.4242.0a1b2c3d.tmp")).toBe(true);
    expect(isOrphanTempName(t, "openclaw.plugin.json.3735928559")).toBe(true);
    for (const name of [
      "openclaw.plugin.json",
      "openclaw.plugin.json.bak",
      "openclaw.plugin.json.4294967296", // not a 32-bit value
      "openclaw.plugin.json.12a",
      ".openclaw.plugin.json.4242.0a1b2c3.tmp",
      ".openclaw.plugin.json.4242.0A1B2C3D.tmp",
      ".openclaw.plugin.json.x.0a1b2c3d.tmp",
      "openclaw.plugin.json.4242.0a1b2c3d.tmp",
      ".package.json.4242.0a1b2c3d.tmp",
      "openclawXplugin.json.1",
    ]) {
      expect(isOrphanTempName(t, name), name).toBe(false);
    }
  });

  it("removes leftovers of dead writers only, and never a folder, a symlink or another file", () => {
    const dir = dirs.create();
    const deadPid = 2 ** 22 + 12345; // above Linux's default pid_max
    dir.write({
      [`.openclaw.plugin.json.${deadPid}.0a1b2c3d.tmp`]: "half",
      [`.openclaw.plugin.json.${process.pid}.0a1b2c3d.tmp`]: "mine, in progress",
      "openclaw.plugin.json.123456": "half",
      "openclaw.plugin.json.bak": "keep",
      "openclaw.plugin.json.777/inner": "a folder",
      "other.json": "keep",
    });
    symlinkSync("other.json", dir.resolve("openclaw.plugin.json.42"));
    const removed = removeOrphanTempFiles(dir.resolve("openclaw.plugin.json")).map((file) => file.slice(dir.path.length + 1)).sort();
    expect(removed).toEqual([`.openclaw.plugin.json.${deadPid}.0a1b2c3d.tmp`, "openclaw.plugin.json.123456"]);
    expect(readdirSync(dir.path).sort()).toEqual(
      [`.openclaw.plugin.json.${process.pid}.0a1b2c3d.tmp`, "openclaw.plugin.json.42", "openclaw.plugin.json.777", "openclaw.plugin.json.bak", "other.json"].sort(),
    );
  });
});
