import { writeFileSync, mkdirSync } from "node:fs";
import type { SessionEntry } from "../contract/runtime.js";
import type { SessionStoreEntry } from "./session-store.js";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDir } from "../testing/temp-dir.js";
import { getSessionEntry, listSessionEntries, loadSessionStore, readSessionUpdatedAt, resolveDefaultSessionStorePath } from "./session-store.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function tempStore(content: string): Promise<{ dir: string; storePath: string }> {
  const tmp = createTempDir("session-store-");
  cleanups.push(() => tmp.remove());
  const storePath = join(tmp.path, "sessions.json");
  writeFileSync(storePath, content);
  return { dir: tmp.path, storePath };
}

describe("session store reads", () => {
  it("returns an entry with its session key, case-insensitively", async () => {
    const { storePath } = await tempStore(
      JSON.stringify({ "agent:main:octo:group:g1": { sessionId: "s1", updatedAt: 20, sessionStartedAt: 10 }, "agent:main:main": { sessionId: "s0", updatedAt: 30 } }),
    );
    expect(getSessionEntry({ storePath, sessionKey: "agent:main:octo:group:g1" })).toEqual({
      sessionKey: "agent:main:octo:group:g1",
      sessionId: "s1",
      updatedAt: 20,
      sessionStartedAt: 10,
    });
    expect(getSessionEntry({ storePath, sessionKey: "AGENT:main:octo:group:G1" })?.sessionId).toBe("s1");
    expect(getSessionEntry({ storePath, sessionKey: "nope" })).toBeUndefined();
    expect(readSessionUpdatedAt({ storePath, sessionKey: "agent:main:main" })).toBe(30);
    expect(listSessionEntries({ storePath }).map((e) => e.sessionKey)).toEqual(["agent:main:main", "agent:main:octo:group:g1"]);
  });
  it("treats a missing file as an empty store", async () => {
    const { dir } = await tempStore("{}");
    expect(loadSessionStore(join(dir, "absent.json"))).toEqual({});
    expect(getSessionEntry({ storePath: join(dir, "absent.json"), sessionKey: "k" })).toBeUndefined();
  });
  it("names the file when it is not a JSON object", async () => {
    const bad = await tempStore("{not json");
    expect(() => getSessionEntry({ storePath: bad.storePath, sessionKey: "k" })).toThrow(`Session store ${bad.storePath} is not valid JSON`);
    const arr = await tempStore("[]");
    expect(() => loadSessionStore(arr.storePath)).toThrow("must hold a JSON object of entries keyed by session key (got an array)");
  });
  it("reads the agent's default store under the state directory", async () => {
    const tmp = createTempDir("session-state-");
    cleanups.push(() => tmp.remove());
    const env = { OPENCLAW_STATE_DIR: tmp.path };
    const storePath = resolveDefaultSessionStorePath({ agentId: "ops", env });
    expect(storePath).toBe(join(tmp.path, "agents", "ops", "sessions", "sessions.json"));
    mkdirSync(join(tmp.path, "agents", "ops", "sessions"), { recursive: true });
    writeFileSync(storePath, JSON.stringify({ "agent:ops:main": { sessionId: "x" } }));
    expect(getSessionEntry({ agentId: "ops", env, sessionKey: "agent:ops:main" })?.sessionId).toBe("x");
    expect(() => resolveDefaultSessionStorePath({ agentId: "../etc" })).toThrow('agentId "../etc" is not a valid agent id');
  });
});

describe("session store entry type", () => {
  it("is a runtime-contract SessionEntry", () => {
    const entry: SessionStoreEntry = { sessionKey: "agent:main:main", sessionId: "s" };
    const asContract: SessionEntry = entry;
    expect(asContract.sessionKey).toBe("agent:main:main");
  });
});
