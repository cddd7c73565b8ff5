/**
 * Whether a plugin's declared package dependencies are installed, checked without importing plugin code and
 * without running a package manager: each name is looked up along Node's normal `node_modules` search path
 * from the plugin folder upwards.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { readRegularFileSync } from "../files/contained-file.js";

/** Largest dependency `package.json` read for its version. */
const DEPENDENCY_PACKAGE_JSON_MAX_BYTES = 1024 * 1024;

/** npm package names (`name` or `@scope/name`): no `..`, no other separators, so a lookup never leaves `node_modules`. */
const PACKAGE_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i;

/** One declared dependency and whether it resolves. */
export interface DependencyStatusEntry {
  name: string;
  /** Version range declared in package.json. */
  range: string;
  /** True for `optionalDependencies`. */
  optional: boolean;
  installed: boolean;
  /** Installed version, when found. */
  version?: string;
  /** Folder where it was found, when found. */
  path?: string;
}

/** Dependency status of one plugin (the `dependencyStatus` field of `plugins list --json`). */
export interface DependencyStatus {
  /** True when every non-optional dependency is installed. */
  ok: boolean;
  /** Names of missing non-optional dependencies. */
  missing: string[];
  /** Names of missing optional dependencies. */
  missingOptional: string[];
  dependencies: DependencyStatusEntry[];
}

function findPackage(startDir: string, name: string): { path: string; version?: string } | undefined {
  if (!PACKAGE_NAME.test(name)) return undefined;
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    const manifest = join(candidate, "package.json");
    if (existsSync(manifest)) {
      // Bounded, regular files only, never blocking (a FIFO named package.json must not freeze `plugins list`).
      const read = readRegularFileSync(manifest, { maxBytes: DEPENDENCY_PACKAGE_JSON_MAX_BYTES, label: "package.json" });
      if (!read.ok) return { path: candidate };
      try {
        const parsed = JSON.parse(read.bytes.toString("utf8")) as { version?: unknown } | null;
        return typeof parsed?.version === "string" ? { path: candidate, version: parsed.version } : { path: candidate };
      } catch {
        return { path: candidate };
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function declared(value: unknown): Array<[string, string]> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([name, range]) => [name, String(range)]);
}

/**
 * Computes the dependency status of the plugin in `rootDir` from its `package.json` object.
 *
 * @example
 * ```ts
 * const status = checkDependencyStatus("/plugins/demo", { dependencies: { ajv: "8.20.0" } });
 * if (!status.ok) console.error(`missing: ${status.missing.join(", ")} (run npm install in /plugins/demo)`);
 * ```
 */
export function checkDependencyStatus(rootDir: string, packageJson: Record<string, unknown> | undefined): DependencyStatus {
  const entries: DependencyStatusEntry[] = [];
  const seen = new Set<string>();
  const add = (list: Array<[string, string]>, optional: boolean): void => {
    for (const [name, range] of list) {
      if (seen.has(name)) continue;
      seen.add(name);
      const found = findPackage(rootDir, name);
      const entry: DependencyStatusEntry = { name, range, optional, installed: found !== undefined };
      if (found?.version !== undefined) entry.version = found.version;
      if (found) entry.path = found.path;
      entries.push(entry);
    }
  };
  // npm gives optionalDependencies precedence when a name is declared in both lists.
  const optionalNames = new Set(declared(packageJson?.optionalDependencies).map(([name]) => name));
  add(
    declared(packageJson?.dependencies).filter(([name]) => !optionalNames.has(name)),
    false,
  );
  add(declared(packageJson?.optionalDependencies), true);
  const missing = entries.filter((entry) => !entry.installed && !entry.optional).map((entry) => entry.name);
  const missingOptional = entries.filter((entry) => !entry.installed && entry.optional).map((entry) => entry.name);
  return { ok: missing.length === 0, missing, missingOptional, dependencies: entries };
}
