/**
 * The state lock: one mutating plugin command at a time per state directory, across processes.
 *
 * Built on npm's `proper-lockfile` (loaded lazily): the lock is the folder `<stateDir>/state/mutation.lock`, created
 * with `mkdir` (atomic on local file systems); the holder refreshes its mtime every {@link StateLockOptions.updateMs}
 * and a lock whose mtime is older than {@link StateLockOptions.staleMs} is stale — its holder was killed — and is taken
 * over. On a normal exit or SIGINT/SIGTERM the library removes the folder. Who holds it (pid, command, since) is
 * written beside it to `mutation.lock.owner.json`, for the message a waiting command prints.
 *
 * Within one process, calls queue in order; a call made inside `fn` (same async chain) runs at once (re-entrant),
 * so a command may call helpers that lock too.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type * as ProperLockfile from "proper-lockfile";
import { loadOperatorDependency } from "../vendor/load-operator-dependency.js";

/** Default wait for the lock before giving up (ms). `OPENCLAW_STATE_LOCK_TIMEOUT_MS` overrides it. */
export const DEFAULT_STATE_LOCK_TIMEOUT_MS = 60_000;
/** Default age (ms) after which an unrefreshed lock counts as abandoned. */
export const DEFAULT_STATE_LOCK_STALE_MS = 10_000;
/** Environment variable overriding {@link DEFAULT_STATE_LOCK_TIMEOUT_MS}. */
export const STATE_LOCK_TIMEOUT_ENV = "OPENCLAW_STATE_LOCK_TIMEOUT_MS";

/** Options of {@link withStateLock}. */
export interface StateLockOptions {
  /** Give up waiting after this many ms (default {@link DEFAULT_STATE_LOCK_TIMEOUT_MS}, or `$OPENCLAW_STATE_LOCK_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** A lock not refreshed for this long is taken over (default {@link DEFAULT_STATE_LOCK_STALE_MS}; at least 2000). */
  staleMs?: number;
  /** How often the holder refreshes the lock (default staleMs / 5). */
  updateMs?: number;
  /** Command name recorded for other waiters, e.g. `"plugins install demo"`. */
  command?: string;
  /** Called once when the lock is busy and this call starts waiting (e.g. to print "waiting for …"). */
  onWait?: (owner: StateLockOwner | undefined) => void;
  env?: NodeJS.ProcessEnv;
}

/** What the owner file says about the current holder. */
export interface StateLockOwner {
  pid: number;
  command?: string;
  since: string;
}

/**
 * The lock could not be taken (`timeout`: held by someone else for too long; `failed`: the lock folder cannot be
 * created) or was lost while held (`compromised`).
 *
 * @example
 * ```ts
 * try { await withStateLock(dir, run); } catch (e) { if (e instanceof StateLockError && e.code === "timeout") process.exitCode = 1; }
 * ```
 */
export class StateLockError extends Error {
  readonly code: "timeout" | "failed" | "compromised";
  readonly lockPath: string;
  constructor(code: StateLockError["code"], lockPath: string, message: string) {
    super(message);
    this.name = "StateLockError";
    this.code = code;
    this.lockPath = lockPath;
  }
}

let library: typeof ProperLockfile | undefined;
function lockfile(): typeof ProperLockfile {
  library ??= loadOperatorDependency<typeof ProperLockfile>("proper-lockfile");
  return library;
}

/** Lock folder of a state directory. */
export function stateLockPath(stateDir: string): string {
  return join(resolve(stateDir), "state", "mutation.lock");
}

const held = new AsyncLocalStorage<Set<string>>();
const queues = new Map<string, Promise<unknown>>();

function readOwner(lockPath: string): StateLockOwner | undefined {
  try {
    const value = JSON.parse(readFileSync(`${lockPath}.owner.json`, "utf8")) as StateLockOwner;
    return typeof value.pid === "number" ? value : undefined;
  } catch {
    return undefined;
  }
}

function describeOwner(owner: StateLockOwner | undefined): string {
  if (!owner) return "another openclaw process";
  return `process ${owner.pid}${owner.command ? ` (${owner.command})` : ""} since ${owner.since}`;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function timeoutFrom(options: StateLockOptions): number {
  if (options.timeoutMs !== undefined) return options.timeoutMs;
  const fromEnv = Number((options.env ?? process.env)[STATE_LOCK_TIMEOUT_ENV]);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : DEFAULT_STATE_LOCK_TIMEOUT_MS;
}

async function acquire(lockPath: string, options: StateLockOptions): Promise<() => Promise<void>> {
  const stale = Math.max(2000, options.staleMs ?? DEFAULT_STATE_LOCK_STALE_MS);
  const update = Math.max(1000, Math.min(options.updateMs ?? Math.floor(stale / 5), stale / 2));
  const timeoutMs = timeoutFrom(options);
  const started = Date.now();
  let waited = false;
  let compromised: Error | undefined;
  try {
    mkdirSync(join(lockPath, ".."), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StateLockError("failed", lockPath, `Cannot create the state folder for ${lockPath}: ${(error as Error).message}. Check that the state directory is writable (OPENCLAW_STATE_DIR).`);
  }
  for (;;) {
    try {
      const release = await lockfile().lock(lockPath, {
        lockfilePath: lockPath,
        realpath: false,
        stale,
        update,
        retries: 0,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      try {
        writeFileSync(`${lockPath}.owner.json`, `${JSON.stringify({ pid: process.pid, command: options.command, since: new Date().toISOString() })}\n`);
      } catch {
        // the owner file only improves messages
      }
      return async () => {
        rmSync(`${lockPath}.owner.json`, { force: true });
        if (compromised) {
          throw new StateLockError(
            "compromised",
            lockPath,
            `The state lock ${lockPath} was lost while this command held it (${compromised.message}); another process may have changed the state at the same time. Run \`openclaw plugins registry --refresh\` and \`openclaw plugins list\` to check it.`,
          );
        }
        await release().catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") {
        throw new StateLockError("failed", lockPath, `Cannot take the state lock ${lockPath}: ${(error as Error).message}. Check that the state directory is writable.`);
      }
      if (!waited) {
        waited = true;
        options.onWait?.(readOwner(lockPath));
      }
      const elapsed = Date.now() - started;
      if (elapsed >= timeoutMs) {
        throw new StateLockError(
          "timeout",
          lockPath,
          `Gave up after ${Math.round(elapsed / 1000)} s waiting for the state lock ${lockPath}, held by ${describeOwner(readOwner(lockPath))}. Let that command finish and retry; if no openclaw command is running, the lock is released automatically ${Math.round(stale / 1000)} s after its holder died (raise ${STATE_LOCK_TIMEOUT_ENV} to wait longer).`,
        );
      }
      await sleep(Math.min(50 + Math.floor(Math.random() * 100), Math.max(1, timeoutMs - elapsed)));
    }
  }
}

/**
 * Runs `fn` while holding the state lock of `stateDir`, and releases it afterwards (also when `fn` throws). Waits
 * while another process (or another call in this process) holds it; gives up with a {@link StateLockError}
 * (`timeout`) naming the holder after `timeoutMs`.
 *
 * @example
 * ```ts
 * await withStateLock(paths.stateDir, async () => {
 *   const index = await openPluginIndex({ stateDir: paths.stateDir });
 *   try { index.putRecord(record); } finally { index.close(); }
 * }, { command: "plugins install demo" });
 * ```
 */
export async function withStateLock<T>(stateDir: string, fn: () => T | Promise<T>, options: StateLockOptions = {}): Promise<T> {
  const lockPath = stateLockPath(stateDir);
  const mine = held.getStore();
  if (mine?.has(lockPath)) return await fn();
  const previous = queues.get(lockPath) ?? Promise.resolve();
  let done!: () => void;
  const turn = new Promise<void>((resolveTurn) => (done = resolveTurn));
  const tail = previous.then(() => turn);
  queues.set(lockPath, tail);
  try {
    await previous;
    const release = await acquire(lockPath, options);
    let result: T;
    try {
      result = await held.run(new Set([...(mine ?? []), lockPath]), fn);
    } catch (error) {
      await release().catch(() => undefined);
      throw error;
    }
    await release();
    return result;
  } finally {
    done();
    if (queues.get(lockPath) === tail) queues.delete(lockPath);
  }
}
