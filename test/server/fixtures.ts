/**
 * State directories for the HTTP black-box tests and the load bench: plugin folders under `<state>/extensions`, a
 * config file and a plugin catalog file.
 */
import type { TempDir } from "../../src/testing/temp-dir.js";

/** Options of {@link writePlugin}. */
export interface FixturePlugin {
  id: string;
  /** Body of `register(api) { … }`. */
  register?: string;
  configSchema?: Record<string, unknown>;
  uiHints?: Record<string, unknown>;
  name?: string;
  version?: string;
}

/**
 * Writes one plugin folder `<state>/extensions/<id>` (manifest, package.json, index.js).
 *
 * @example
 * ```ts
 * writePlugin(dir, { id: "demo", register: "api.registerConnectivityCheck(() => ({ ok: true }));" });
 * ```
 */
export function writePlugin(dir: TempDir, plugin: FixturePlugin): string {
  const root = `extensions/${plugin.id}`;
  dir.write({
    [`${root}/openclaw.plugin.json`]: {
      id: plugin.id,
      name: plugin.name ?? plugin.id,
      description: `${plugin.id} fixture`,
      configSchema: plugin.configSchema ?? { type: "object", additionalProperties: false, properties: {} },
      ...(plugin.uiHints ? { uiHints: plugin.uiHints } : {}),
    },
    [`${root}/package.json`]: { name: plugin.id, version: plugin.version ?? "1.0.0", type: "module", openclaw: { extensions: ["./index.js"] } },
    [`${root}/index.js`]: `export default { id: ${JSON.stringify(plugin.id)}, register(api) { ${plugin.register ?? ""} } };\n`,
  });
  return dir.resolve(root);
}

/**
 * A catalog document of `count` generated entries plus `extra` ones first.
 *
 * @example
 * ```ts
 * dir.write({ "catalog.json": catalogDocument(1000) });
 * ```
 */
export function catalogDocument(count: number, extra: object[] = []): { plugins: object[] } {
  const words = ["slack", "discord", "weather", "calendar", "github", "jira", "notion", "postgres", "redis", "search", "voice", "memory"];
  const plugins: object[] = [...extra];
  for (let index = 0; index < count; index += 1) {
    const a = words[index % words.length]!;
    const b = words[(index * 7 + 3) % words.length]!;
    plugins.push({
      name: `@bulk/${a}-${b}-${index}`,
      displayName: `${a} ${b} ${index}`,
      description: `Connects OpenClaw to ${a} and ${b} (bulk entry ${index}).`,
      npm: { package: `@bulk/${a}-${b}-${index}`, version: `1.${index % 10}.0` },
      tags: ["bulk", a, b],
      author: "Bulk Fixtures",
      repository: `https://example.invalid/bulk/${index}`,
      downloads: (index * 7919) % 10_000,
    });
  }
  return { plugins };
}
