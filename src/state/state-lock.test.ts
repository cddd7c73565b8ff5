import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDirPool } from "../testing/temp-dir.js";
import { StateLockError, stateLockPath, withStateLock } from "./state-lock.js";

const dirs = createTempDirPool("openclaw-state-lock-");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  dirs.removeAll();
});
const worker = fileURLToPath(new URL("./__fixtures__/lock-worker.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

function start(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", worker, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}
function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once("exit", (code) => done(code)));
}
function printed(child: ChildProcess, text: string): Promise<void> {
  return new Promise((done, fail) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk) => {
      out += String(chunk);
      if (out.includes(text)) done();
    });
    child.stderr!.on("data", (chunk) => (err += String(chunk)));
    child.once("exit", (code) => fail(new Error(`worker exited ${code} before printing ${text}: ${err}`)));
  });
}

describe("withStateLock", () => {
  it("serialises read-modify-write across three processes: no lost update, no interleaving", async () => {
    const dir = dirs.create();
    writeFileSync(dir.resolve("counter.txt"), "0");
    const workers = [start(["count", dir.path, "15"]), start(["count", dir.path, "15"]), start(["count", dir.path, "15"])];
    expect(await Promise.all(workers.map(exited))).toEqual([0, 0, 0]);
    expect(readFileSync(dir.resolve("counter.txt"), "utf8")).toBe("45");
    const lines = readFileSync(dir.resolve("log.txt"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(90);
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]!.startsWith("enter ")).toBe(true);
      expect(lines[i + 1]).toBe(lines[i]!.replace("enter", "exit"));
    }
    expect(existsSync(stateLockPath(dir.path))).toBe(false);
  }, 60_000);

  it("waits for a live holder and gives up with a message naming it; takes over once the holder is killed", async () => {
    const dir = dirs.create();
    const holder = start(["hold", dir.path, "2000"]);
    await printed(holder, "locked");
    let waitedFor: unknown;
    const error = await withStateLock(dir.path, () => "never", { timeoutMs: 700, onWait: (owner) => (waitedFor = owner) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateLockError);
    expect((error as StateLockError).code).toBe("timeout");
    expect((error as Error).message).toContain(`held by process ${holder.pid} (plugins install held)`);
    expect((error as Error).message).toContain("OPENCLAW_STATE_LOCK_TIMEOUT_MS");
    expect(waitedFor).toMatchObject({ pid: holder.pid });

    holder.kill("SIGKILL");
    await exited(holder);
    const started = Date.now();
    expect(await withStateLock(dir.path, () => "mine", { timeoutMs: 15_000, staleMs: 2000 })).toBe("mine");
    expect(Date.now() - started).toBeLessThan(8000);
  }, 30_000);

  it("queues calls in one process, is re-entrant inside fn, and releases when fn throws", async () => {
    const dir = dirs.create();
    const order: string[] = [];
    const slow = withStateLock(dir.path, async () => {
      order.push("a-start");
      await new Promise((done) => setTimeout(done, 50));
      const inner = await withStateLock(dir.path, () => "nested");
      order.push(`a-${inner}`);
    });
    const fast = withStateLock(dir.path, () => void order.push("b"));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["a-start", "a-nested", "b"]);
    await expect(withStateLock(dir.path, () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await withStateLock(dir.path, () => 1, { timeoutMs: 100 })).toBe(1);
    expect(existsSync(join(dir.path, "state", "mutation.lock"))).toBe(false);
  });

  it("reports a state directory that cannot be created", async () => {
    const dir = dirs.create();
    const [file] = dir.write({ blocker: "x" });
    const error = await withStateLock(join(file!, "state-dir"), () => 1).catch((e: unknown) => e);
    expect((error as StateLockError).code).toBe("failed");
    expect((error as Error).message).toMatch(/Check that the state directory is writable/);
  });
});
