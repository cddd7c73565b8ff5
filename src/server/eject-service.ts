/**
 * Eject, sync and reinject. Eject copies an installed plugin's folder (its package, built files and dependencies) to
 * `<state>/plugins/ejected/<id>` (staged beside it, then renamed into place) and adds that folder to
 * `plugins.load.paths`, where it shadows the installed copy (load paths come first in discovery). Sync rebuilds the
 * plugin from that copy: its manifest must still be usable with the same id, and its `build` script (if any) runs
 * (`npm run build`, 120 s limit). Reinject removes the copy and its load path, so the recorded install is used
 * again (re-installed through the installer when its folder is gone). The ejected set is kept in
 * `<state>/plugins/ejected.json`. All three run one at a time and never touch paths outside the ejected folder.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { cp, rename, rm } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { readPluginManifest } from "../manifest/read-plugin-manifest.js";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import type { EjectActionResponse, EjectedPlugin } from "../management-client/api-types.js";
import { objectAt, type ConfigStore } from "./config-store.js";
import type { EventBus } from "./events.js";
import { serviceFailure } from "./http-error.js";
import type { InstallerPort } from "./install-service.js";

/** Time limit of a sync's `npm run build` (ms). */
export const SYNC_BUILD_TIMEOUT_MS = 120_000;

const SAFE_ID = /^[a-z0-9][a-z0-9._-]{0,213}$/;

/**
 * The eject service.
 *
 * @example
 * ```ts
 * const ejects = createEjectService({ stateDir, store, installer, bus });
 * await ejects.eject("demo");
 * ```
 */
export interface EjectService {
  list(): Promise<EjectedPlugin[]>;
  eject(id: string): Promise<EjectActionResponse>;
  sync(id: string): Promise<EjectActionResponse>;
  reinject(id: string): Promise<EjectActionResponse>;
}

/**
 * Creates the {@link EjectService}.
 *
 * @example
 * ```ts
 * const ejects = createEjectService({ stateDir: paths.stateDir, store, installer, bus });
 * ```
 */
export function createEjectService(options: { stateDir: string; store: ConfigStore; installer: InstallerPort; bus: EventBus; env: NodeJS.ProcessEnv }): EjectService {
  const root = join(options.stateDir, "plugins", "ejected");
  const registryFile = join(options.stateDir, "plugins", "ejected.json");
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(() => options.store.track(work));
    chain = next.catch(() => undefined);
    return next;
  };
  const readRegistry = (): Record<string, EjectedPlugin> => {
    try {
      const data = JSON.parse(readFileSync(registryFile, "utf8")) as unknown;
      return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, EjectedPlugin>) : {};
    } catch {
      return {};
    }
  };
  const writeRegistry = async (registry: Record<string, EjectedPlugin>): Promise<void> => {
    mkdirSync(join(options.stateDir, "plugins"), { recursive: true });
    await writeFileAtomic(registryFile, `${JSON.stringify(registry, null, 2)}\n`);
  };
  const localPathOf = (id: string): string => {
    if (!SAFE_ID.test(id)) throw serviceFailure(`"${id}" is not a plugin id (lowercase letters, digits, '.', '_', '-')`);
    const path = resolve(root, id);
    if (!path.startsWith(root + sep)) throw serviceFailure(`refusing a path outside ${root}`);
    return path;
  };
  const ejectedOf = (id: string): EjectedPlugin => {
    localPathOf(id);
    const entry = Object.hasOwn(readRegistry(), id) ? readRegistry()[id] : undefined;
    if (!entry) throw serviceFailure(`plugin "${id}" is not ejected; eject it first (POST /api/plugins/${id}/eject)`);
    return entry;
  };
  const setLoadPath = (path: string, present: boolean) =>
    options.store.update((draft) => {
      const load = objectAt(objectAt(draft, "plugins"), "load");
      const paths = Array.isArray(load.paths) ? (load.paths as unknown[]).filter((entry) => entry !== path) : [];
      if (present) paths.push(path);
      load.paths = paths;
    });

  return {
    async list() {
      return Object.values(readRegistry()).sort((a, b) => a.pluginId.localeCompare(b.pluginId));
    },
    eject: (id) =>
      serial(async () => {
        const localPath = localPathOf(id);
        const record = (await options.installer.records()).find((entry) => entry.pluginId === id);
        if (!record) throw serviceFailure(`plugin "${id}" is not installed (only installed plugins can be ejected; GET /api/plugins/installed lists them)`);
        if (Object.hasOwn(readRegistry(), id)) throw serviceFailure(`plugin "${id}" is already ejected to ${localPath}; reinject it first to eject again`);
        if (record.source === "link") throw serviceFailure(`plugin "${id}" is a linked folder (${record.installPath}) and already local; edit it there`);
        if (!existsSync(record.installPath)) throw serviceFailure(`the installed folder of "${id}" (${record.installPath}) is missing; reinstall it first`);
        if (existsSync(localPath)) throw serviceFailure(`${localPath} already exists but is not recorded as ejected; move it away first`);
        mkdirSync(root, { recursive: true });
        const staging = join(root, `.${id}.staging-${process.pid}-${Date.now()}`);
        try {
          await cp(record.installPath, staging, { recursive: true, verbatimSymlinks: true, errorOnExist: true });
          await rename(staging, localPath);
        } catch (error) {
          await rm(staging, { recursive: true, force: true });
          throw serviceFailure(`copying ${record.installPath} to ${localPath} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        const name = record.resolvedName ?? id;
        try {
          await setLoadPath(localPath, true);
        } catch (error) {
          await rm(localPath, { recursive: true, force: true });
          throw serviceFailure(`adding ${localPath} to plugins.load.paths failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        const registry = readRegistry();
        registry[id] = { name, pluginId: id, localPath, ejectedAt: new Date().toISOString(), upstreamVersion: record.resolvedVersion ?? record.version ?? null };
        await writeRegistry(registry);
        options.bus.requestRestart(`plugin ${id} ejected to ${localPath}`);
        return { ok: true as const, pluginName: name, requiresRestart: true, message: `${name} ejected to local source at ${localPath}.` };
      }),
    sync: (id) =>
      serial(async () => {
        const entry = ejectedOf(id);
        if (!existsSync(entry.localPath)) throw serviceFailure(`the local copy ${entry.localPath} of "${id}" is missing; reinject the plugin to restore the installed version`);
        const read = await readPluginManifest(entry.localPath);
        if (!read.manifest) {
          const why = read.diagnostics.find((d) => d.level === "error")?.message ?? "the manifest is unusable";
          throw serviceFailure(`the local copy of "${id}" cannot be loaded: ${why}`);
        }
        if (read.manifest.id !== id) throw serviceFailure(`the local copy's manifest id is "${read.manifest.id}", not "${id}"; change it back or reinject`);
        let built = false;
        try {
          const pkg = JSON.parse(readFileSync(join(entry.localPath, "package.json"), "utf8")) as { scripts?: Record<string, unknown> };
          built = typeof pkg.scripts?.build === "string";
        } catch {
          built = false;
        }
        if (built) {
          try {
            await promisify(execFile)(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], {
              cwd: entry.localPath,
              env: options.env,
              timeout: SYNC_BUILD_TIMEOUT_MS,
              maxBuffer: 4 * 1024 * 1024,
            });
          } catch (error) {
            const detail = error as { stderr?: string; message?: string };
            throw serviceFailure(`npm run build in ${entry.localPath} failed: ${(detail.stderr || detail.message || String(error)).trim().slice(-2000)}`);
          }
        }
        options.bus.requestRestart(`plugin ${id} rebuilt from ${entry.localPath}`);
        return {
          ok: true as const,
          pluginName: entry.name,
          requiresRestart: true,
          message: `${entry.name} ${built ? "rebuilt" : "checked"} from the local copy at ${entry.localPath}.`,
        };
      }),
    reinject: (id) =>
      serial(async () => {
        const entry = ejectedOf(id);
        const localPath = localPathOf(id);
        const record = (await options.installer.records()).find((candidate) => candidate.pluginId === id);
        await setLoadPath(entry.localPath, false);
        await rm(localPath, { recursive: true, force: true });
        const registry = readRegistry();
        delete registry[id];
        await writeRegistry(registry);
        if (record && !existsSync(record.installPath)) {
          if (!options.installer.available) throw serviceFailure(`the local copy was removed, but the installed folder ${record.installPath} is missing and this build cannot reinstall; run openclaw plugins install ${record.resolvedSpec ?? record.spec ?? id}`);
          await options.installer.install(record.resolvedSpec ?? record.spec ?? id, () => undefined);
        }
        options.bus.requestRestart(`plugin ${id} restored to its installed version`);
        const version = record?.resolvedVersion ?? record?.version ?? entry.upstreamVersion;
        return { ok: true as const, pluginName: entry.name, requiresRestart: true, message: `${entry.name} restored to registry version${version ? ` ${version}` : ""}.` };
      }),
  };
}
