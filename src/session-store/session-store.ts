/**
 * Read access to the gateway's session store file for plugins that run beside the gateway.
 *
 * The store is the gateway's JSON file of session entries keyed by session key, by default
 * `<state dir>/agents/<agentId>/sessions/sessions.json` (state dir = `$OPENCLAW_STATE_DIR`, else `~/.openclaw`);
 * `runtime.channel.session.resolveStorePath(cfg.session?.store, { agentId })` gives the path the gateway uses.
 * Reads only: the gateway owns writes, locking and maintenance, so a plugin never rewrites this file. A missing
 * file is an empty store; an unreadable or malformed file is an error naming the file (callers decide whether to fall back).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveOpenClawPaths } from "../discovery/state-paths.js";

/**
 * A session entry as the store file keeps it, with the fields plugins commonly read typed; `sessionKey` is the key
 * the entry is stored under. Structurally a `SessionEntry` of the runtime contract (kept standalone so this
 * subpath stays narrow).
 *
 * @example
 * ```ts
 * const e: SessionStoreEntry = { sessionKey: "agent:main:main", sessionId: "s1", updatedAt: Date.now(), sessionStartedAt: Date.now() };
 * ```
 */
export interface SessionStoreEntry {
  sessionKey: string;
  sessionId: string;
  /** When the current session id started (ms); a reset starts a new one. */
  sessionStartedAt?: number;
  updatedAt?: number;
  lastChannel?: string;
  lastTo?: string;
  lastAccountId?: string;
  chatType?: string;
  label?: string;
  [key: string]: unknown;
}

/**
 * Which store to read: an explicit `storePath`, else the default store of `agentId` (default `"main"`) under the
 * state directory of `env`.
 *
 * @example
 * ```ts
 * const p: SessionStoreReadParams = { storePath: "/srv/claw/agents/main/sessions/sessions.json", sessionKey: "agent:main:main" };
 * ```
 */
export interface SessionStoreReadParams {
  sessionKey: string;
  storePath?: string;
  agentId?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The default store file of an agent: `<state dir>/agents/<agentId>/sessions/sessions.json`.
 *
 * @example
 * ```ts
 * resolveDefaultSessionStorePath({ agentId: "main", env: { OPENCLAW_STATE_DIR: "/srv/claw" } });
 * // "/srv/claw/agents/main/sessions/sessions.json"
 * ```
 */
export function resolveDefaultSessionStorePath(params: { agentId?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const agentId = params.agentId?.trim() || "main";
  if (/[/\\]|^\.\.?$/u.test(agentId)) {
    throw new Error(`resolveDefaultSessionStorePath: agentId "${agentId}" is not a valid agent id (no path separators or dot segments).`);
  }
  const { stateDir } = resolveOpenClawPaths(params.env ? { env: params.env } : {});
  return join(stateDir, "agents", agentId, "sessions", "sessions.json");
}

/**
 * Reads a whole store file: session key → entry (each entry carries its `sessionKey`). A missing file is `{}`.
 *
 * @example
 * ```ts
 * const store = loadSessionStore("/srv/claw/agents/main/sessions/sessions.json");
 * Object.keys(store); // ["agent:main:main", …]
 * ```
 */
export function loadSessionStore(storePath: string): Record<string, SessionStoreEntry> {
  let raw: string;
  try {
    raw = readFileSync(storePath, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`Cannot read session store ${storePath}: ${(err as Error).message}`);
  }
  if (!raw.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new Error(`Session store ${storePath} is not valid JSON (${(err as Error).message}); expected an object of entries keyed by session key.`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Session store ${storePath} must hold a JSON object of entries keyed by session key (got ${Array.isArray(parsed) ? "an array" : typeof parsed}).`);
  }
  const store: Record<string, SessionStoreEntry> = Object.create(null) as Record<string, SessionStoreEntry>;
  for (const [sessionKey, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    store[sessionKey] = { ...(value as Record<string, unknown>), sessionKey } as SessionStoreEntry;
  }
  return store;
}

function storePathOf(params: { storePath?: string; agentId?: string; env?: NodeJS.ProcessEnv }): string {
  return params.storePath?.trim() ? params.storePath : resolveDefaultSessionStorePath(params);
}

/**
 * One session's entry, or `undefined` when the store (or the entry) does not exist. Session keys match exactly,
 * else case-insensitively (the gateway stores keys lowercased).
 *
 * @example
 * ```ts
 * const startedAt = getSessionEntry({ storePath, sessionKey: route.sessionKey })?.sessionStartedAt;
 * ```
 */
export function getSessionEntry(params: SessionStoreReadParams): SessionStoreEntry | undefined {
  const store = loadSessionStore(storePathOf(params));
  const exact = store[params.sessionKey];
  if (exact) return exact;
  const wanted = params.sessionKey.toLowerCase();
  const key = Object.keys(store).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : store[key];
}

/**
 * When a session was last updated (ms), or `undefined` for a session the store does not have.
 *
 * @example
 * ```ts
 * const previousTimestamp = readSessionUpdatedAt({ storePath, sessionKey });
 * ```
 */
export function readSessionUpdatedAt(params: SessionStoreReadParams): number | undefined {
  const updatedAt = getSessionEntry(params)?.updatedAt;
  return typeof updatedAt === "number" && Number.isFinite(updatedAt) ? updatedAt : undefined;
}

/**
 * Every entry of a store, newest first (by `updatedAt`).
 *
 * @example
 * ```ts
 * for (const { sessionKey, entry } of listSessionEntries({ agentId: "main" })) console.log(sessionKey, entry.updatedAt);
 * ```
 */
export function listSessionEntries(params: Omit<SessionStoreReadParams, "sessionKey"> = {}): Array<{ sessionKey: string; entry: SessionStoreEntry }> {
  const store = loadSessionStore(storePathOf(params));
  return Object.entries(store)
    .map(([sessionKey, entry]) => ({ sessionKey, entry }))
    .sort((a, b) => (b.entry.updatedAt ?? 0) - (a.entry.updatedAt ?? 0));
}
