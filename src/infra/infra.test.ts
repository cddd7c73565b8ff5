import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDir } from "../testing/temp-dir.js";
import { withFileLock } from "./file-lock.js";
import { loadJsonFile, saveJsonFile } from "./json-file.js";
import { getMediaDir, kindFromMime } from "./media-kind.js";
import { readNumberParam, readPositiveIntegerParam, readStringArrayParam, readStringOrNumberParam, readStringParam } from "./param-readers.js";
import { createNonExitingRuntime } from "./runtime-env.js";
import { hasConfiguredSecretInput, isSecretRef } from "./secret-ref.js";
import { sleep } from "./sleep.js";
import { buildRandomTempFilePath, resolvePreferredOpenClawTmpDir, sanitizeTempFileName, withTempDownloadPath } from "./temp-path.js";

const dir = createTempDir("infra-");
afterAll(() => dir.remove());

describe("temp paths", () => {
  it("builds safe random paths in the given dir", () => {
    const path = buildRandomTempFilePath({ prefix: "../voice note", extension: ".ogg", tmpDir: dir.path, now: 5, uuid: "u" });
    expect(path).toBe(join(dir.path, "_voice_note-5-u.ogg"));
    expect(sanitizeTempFileName("")).toBe("file");
  });

  it("creates the preferred dir, falls back when it is unusable, and cleans a download dir", async () => {
    const preferred = dir.resolve("tmp/openclaw");
    expect(resolvePreferredOpenClawTmpDir({ preferredDir: preferred })).toBe(preferred);
    expect(statSync(preferred).isDirectory()).toBe(true);
    dir.write({ "a-file": "x" });
    const fallback = resolvePreferredOpenClawTmpDir({ preferredDir: dir.resolve("a-file") });
    expect(fallback).not.toBe(dir.resolve("a-file"));
    expect(statSync(fallback).isDirectory()).toBe(true);
    let seen = "";
    await expect(
      withTempDownloadPath({ prefix: "media", fileName: "a b.png", tmpDir: dir.path }, async (path) => {
        seen = path;
        throw new Error("download failed");
      }),
    ).rejects.toThrow("download failed");
    expect(seen.endsWith("a_b.png")).toBe(true);
    expect(existsSync(join(seen, ".."))).toBe(false);
  });
});

describe("sleep", () => {
  it("waits and rejects on abort", async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error("stopped"));
    await expect(pending).rejects.toThrow("stopped");
    await expect(sleep(-1)).resolves.toBeUndefined();
  });
});

describe("withFileLock", () => {
  it("serialises holders and releases on error", async () => {
    const file = dir.resolve("state.json");
    const options = { retries: { retries: 50, factor: 1, minTimeout: 5, maxTimeout: 5 }, stale: 60_000 };
    const order: string[] = [];
    await Promise.all(
      ["a", "b"].map((name) =>
        withFileLock(file, options, async () => {
          order.push(`${name}:in`);
          await sleep(20);
          order.push(`${name}:out`);
        }),
      ),
    );
    expect(order[1]).toMatch(/:out$/);
    await expect(withFileLock(file, options, async () => Promise.reject(new Error("inner")))).rejects.toThrow("inner");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("fails naming the lock when it stays taken", async () => {
    const file = dir.resolve("busy.json");
    const hold = withFileLock(file, { retries: { retries: 0, factor: 1, minTimeout: 1, maxTimeout: 1 }, stale: 60_000 }, () => sleep(50));
    await sleep(5);
    await expect(withFileLock(file, { retries: { retries: 1, factor: 1, minTimeout: 1, maxTimeout: 1 }, stale: 60_000 }, async () => 1)).rejects.toThrow(
      `Could not acquire file lock ${file}.lock`,
    );
    await hold;
  });
});

describe("tool parameter readers", () => {
  it("reads strings with trimming and required checks; a non-string counts as missing", () => {
    expect(readStringParam({ q: "  hi " }, "q")).toBe("hi");
    expect(readStringParam({ q: "  " }, "q")).toBeUndefined();
    expect(() => readStringParam({}, "q", { required: true, label: "query" })).toThrow("query required");
    expect(readStringParam({ q: 1 }, "q")).toBeUndefined();
    expect(() => readStringParam({ q: 1 }, "q", { required: true })).toThrow("q required");
    expect(readStringOrNumberParam({ id: 42 }, "id")).toBe("42");
  });

  it("reads numbers and string arrays", () => {
    expect(readNumberParam({ n: "3.7" }, "n", { integer: true })).toBe(3);
    expect(() => readNumberParam({ n: "x" }, "n")).toThrow("n must be a finite number");
    expect(() => readNumberParam({ n: "3" }, "n", { strict: true })).toThrow("n must be a number");
    expect(() => readPositiveIntegerParam({ n: 200 }, "n", { max: 100 })).toThrow("n must be at most 100");
    expect(readStringArrayParam({ tags: [" a ", "", "b"] }, "tags")).toEqual(["a", "b"]);
    expect(readStringArrayParam({ tags: "a" }, "tags")).toEqual(["a"]);
    expect(() => readStringArrayParam({ tags: [1] }, "tags")).toThrow("tags must be an array of strings");
  });
});

describe("media, json files, runtime env, secrets", () => {
  it("classifies MIME types", () => {
    expect(kindFromMime("Image/PNG; q=1")).toBe("image");
    expect(kindFromMime("audio/ogg")).toBe("audio");
    expect(kindFromMime("application/pdf")).toBe("document");
    expect(kindFromMime("application/x-unknown")).toBe("unknown");
    expect(kindFromMime("")).toBeUndefined();
    const before = process.env.OPENCLAW_STATE_DIR;
    process.env.OPENCLAW_STATE_DIR = "/srv/openclaw";
    try {
      expect(getMediaDir()).toBe(join("/srv/openclaw", "media"));
    } finally {
      if (before === undefined) delete process.env.OPENCLAW_STATE_DIR;
      else process.env.OPENCLAW_STATE_DIR = before;
    }
  });

  it("saves JSON privately and reads it back, undefined when missing or invalid", () => {
    const file = dir.resolve("cache/token.json");
    saveJsonFile(file, { token: "t" });
    expect(loadJsonFile(file)).toEqual({ token: "t" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").endsWith("\n")).toBe(true);
    expect(loadJsonFile(dir.resolve("none.json"))).toBeUndefined();
    dir.write({ "bad.json": "{" });
    expect(loadJsonFile(dir.resolve("bad.json"))).toBeUndefined();
  });

  it("has a runtime whose exit throws and checks secret refs", () => {
    expect(() => createNonExitingRuntime().exit(2)).toThrow("runtime exit requested with code 2");
    expect(isSecretRef({ source: "env", provider: "default", id: "TOKEN" })).toBe(true);
    expect(isSecretRef({ source: "vault", provider: "default", id: "TOKEN" })).toBe(false);
    expect(hasConfiguredSecretInput(" ")).toBe(false);
    expect(hasConfiguredSecretInput("literal")).toBe(true);
  });
});
