/**
 * Install, uninstall and install progress for the management API. The installing itself is the installer's
 * (`src/install`, issue 13): the server reaches it through {@link InstallerPort}, so its serialisation (state lock),
 * staging and atomic moves apply unchanged. Progress events of each install are kept (last
 * {@link MAX_TRACKED_INSTALLS} installs) for `GET /api/plugins/install/:installId/progress` and sent on the event bus.
 */
import { randomUUID } from "node:crypto";
import type { PluginInstallRecord } from "../state/install-record.js";
import type { InstallPhase, InstallProgressEvent, InstallProgressResponse } from "../management-client/api-types.js";
import type { EventBus } from "./events.js";
import { HttpError } from "./http-error.js";

/** What the server needs from the installer and the plugin index. */
export interface InstallerPort {
  /** False when installing is not possible here (tests pass a port without it). */
  readonly available: boolean;
  /** Install records (the plugin index; legacy `plugins.installs` as a fallback). */
  records(): Promise<PluginInstallRecord[]>;
  /** Installs `spec` (`name` or `name@version`) from npm, reporting phases. */
  install(spec: string, onProgress: (phase: InstallPhase, message: string) => void): Promise<PluginInstallRecord>;
  /** Uninstalls plugin `pluginId` (files, record, config entry). */
  uninstall(pluginId: string): Promise<void>;
}

/** Installs whose progress is kept. */
export const MAX_TRACKED_INSTALLS = 100;

/**
 * Tracks progress per install id and runs installs one at a time in this process (the installer's state lock
 * serialises across processes).
 *
 * @example
 * ```ts
 * const installs = createInstallTracker(bus);
 * const { installId } = await installs.run("a1", (report) => installer.install("demo", report));
 * ```
 */
export interface InstallTracker {
  /** Runs `work` under install id `installId` (a new one when undefined); 409 when that id is running. */
  run<T>(installId: string | undefined, work: (report: (phase: InstallPhase, message: string) => void, installId: string) => Promise<T>): Promise<{ installId: string; value: T }>;
  progress(installId: string): InstallProgressResponse | undefined;
  /** Resolves when no install is running. */
  idle(): Promise<void>;
}

/**
 * Creates an {@link InstallTracker} publishing on `bus`.
 *
 * @example
 * ```ts
 * const installs = createInstallTracker(createEventBus());
 * ```
 */
export function createInstallTracker(bus: EventBus): InstallTracker {
  const installs = new Map<string, { events: InstallProgressEvent[]; done: boolean }>();
  let chain: Promise<unknown> = Promise.resolve();
  let running = 0;
  return {
    async run(requestedId, work) {
      const installId = requestedId ?? randomUUID();
      const existing = installs.get(installId);
      if (existing && !existing.done) throw new HttpError(409, `install "${installId}" is still running; follow it at /api/plugins/install/${installId}/progress`);
      const entry = { events: [] as InstallProgressEvent[], done: false };
      installs.delete(installId);
      installs.set(installId, entry);
      while (installs.size > MAX_TRACKED_INSTALLS) installs.delete(installs.keys().next().value as string);
      const report = (phase: InstallPhase, message: string): void => {
        const event: InstallProgressEvent = { installId, phase, message, at: new Date().toISOString() };
        entry.events.push(event);
        bus.emit({ type: "install-progress", data: event });
      };
      report("queued", "waiting for earlier installs to finish");
      running += 1;
      const next = chain.then(async () => {
        try {
          const value = await work(report, installId);
          report("complete", "done");
          return value;
        } catch (error) {
          report("failed", error instanceof Error ? error.message : String(error));
          throw error;
        } finally {
          entry.done = true;
          running -= 1;
        }
      });
      chain = next.catch(() => undefined);
      return { installId, value: await next };
    },
    progress(installId) {
      const entry = installs.get(installId);
      return entry ? { installId, done: entry.done, events: [...entry.events] } : undefined;
    },
    idle: async () => {
      while (running > 0) await chain;
    },
  };
}
