import { afterAll, describe, expect, it } from "vitest";
import { createTempDir } from "../testing/temp-dir.js";
import { runFfmpeg, runFfprobe } from "./ffmpeg.js";
import { runCommandWithTimeout } from "./run-command.js";
import { resolveSecretRefValues, secretRefKey } from "./secret-resolve.js";

const node = process.execPath;

describe("runCommandWithTimeout", () => {
  it("captures output, exit code and stdin", async () => {
    const result = await runCommandWithTimeout([node, "-e", "process.stdin.pipe(process.stdout); process.stderr.write('warn'); process.exitCode = 3"], {
      input: "hello",
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({ stdout: "hello", stderr: "warn", code: 3, killed: false, termination: "exit" });
  });

  it("stops a command at the timeout or on abort", async () => {
    const timedOut = await runCommandWithTimeout([node, "-e", "setTimeout(() => {}, 60000)"], 200);
    expect(timedOut).toMatchObject({ killed: true, termination: "timeout" });
    const controller = new AbortController();
    const pending = runCommandWithTimeout([node, "-e", "setTimeout(() => {}, 60000)"], { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toMatchObject({ killed: true, termination: "signal" });
  });

  it("truncates output past the limit and rejects a command that cannot start", async () => {
    const big = await runCommandWithTimeout([node, "-e", "process.stdout.write('x'.repeat(5000))"], { maxOutputBytes: 1000 });
    expect(big.stdout).toHaveLength(1000);
    expect(big.stdoutTruncatedBytes).toBe(4000);
    await expect(runCommandWithTimeout(["definitely-not-a-command-xyz"], 1000)).rejects.toThrow("Could not run definitely-not-a-command-xyz");
    await expect(runCommandWithTimeout([], 1000)).rejects.toThrow("argv must name a command");
  });
});

describe("ffmpeg runners", () => {
  it("run the configured binary and report failures with stderr", async () => {
    const before = { ffmpeg: process.env.OPENCLAW_FFMPEG_PATH, ffprobe: process.env.OPENCLAW_FFPROBE_PATH };
    process.env.OPENCLAW_FFMPEG_PATH = node;
    process.env.OPENCLAW_FFPROBE_PATH = node;
    try {
      expect(await runFfmpeg(["-e", "process.stdout.write('converted')"])).toBe("converted");
      await expect(runFfprobe(["-e", "console.error('bad input'); process.exit(1)"])).rejects.toThrow(/exited with code 1: bad input/);
    } finally {
      for (const [key, value] of [["OPENCLAW_FFMPEG_PATH", before.ffmpeg], ["OPENCLAW_FFPROBE_PATH", before.ffprobe]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

describe("resolveSecretRefValues", () => {
  const dir = createTempDir("secrets-");
  afterAll(() => dir.remove());

  it("resolves env and file refs by key and names what is missing", async () => {
    const [file] = dir.write({ "secrets.json": { providers: { acme: { apiKey: "from-file" } } } });
    const config = { secrets: { providers: { mounted: { path: file } } } };
    const envRef = { source: "env", provider: "default", id: "ACME_TOKEN" } as const;
    const fileRef = { source: "file", provider: "mounted", id: "/providers/acme/apiKey" } as const;
    const values = await resolveSecretRefValues([envRef, fileRef], { config, env: { ACME_TOKEN: "from-env" } });
    expect(values.get(secretRefKey(envRef))).toBe("from-env");
    expect(values.get("file:mounted:/providers/acme/apiKey")).toBe("from-file");
    await expect(resolveSecretRefValues([envRef], { config, env: {} })).rejects.toThrow("environment variable ACME_TOKEN is not set");
    await expect(resolveSecretRefValues([{ ...fileRef, provider: "nope" }], { config })).rejects.toThrow('no file provider "nope"');
    await expect(resolveSecretRefValues([{ source: "exec", provider: "vault", id: "x" }], { config })).rejects.toThrow("resolved by the gateway only");
  });
});

import { resolveConfiguredSecretInputString } from "./secret-resolve.js";

describe("resolveConfiguredSecretInputString", () => {
  it("trims literals, resolves refs, and explains unresolved refs without throwing", async () => {
    expect(await resolveConfiguredSecretInputString({ config: {}, env: {}, value: " tok ", path: "p" })).toEqual({ value: "tok" });
    expect(await resolveConfiguredSecretInputString({ config: {}, env: {}, value: undefined, path: "p" })).toEqual({});
    const ref = { source: "env", provider: "default", id: "TOK" };
    expect(await resolveConfiguredSecretInputString({ config: {}, env: { TOK: "v" }, value: ref, path: "p" })).toEqual({ value: "v" });
    const missing = await resolveConfiguredSecretInputString({ config: {}, env: {}, value: ref, path: "channels.chat.token" });
    expect(missing.unresolvedRefReason).toBe("channels.chat.token: Secret env:default:TOK: environment variable TOK is not set.");
  });
  it("a generic reason names only the path; resolved values are unaffected", async () => {
    const ref = { source: "env", provider: "default", id: "TOK" };
    const generic = await resolveConfiguredSecretInputString({ config: {}, env: {}, value: ref, path: "channels.chat.token", unresolvedReasonStyle: "generic" });
    expect(generic).toEqual({ unresolvedRefReason: "channels.chat.token: the secret reference could not be resolved." });
    expect(await resolveConfiguredSecretInputString({ config: {}, env: { TOK: "v" }, value: ref, path: "p", unresolvedReasonStyle: "generic" })).toEqual({ value: "v" });
  });
});
