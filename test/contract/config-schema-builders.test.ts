/**
 * Issue 12, item 8: the config-schema builders live wherever an entry helper that takes a `configSchema` lives, come
 * from one source (the manifest's export groups; each subpath is bundled on its own, so the function objects differ
 * between subpaths, as every helper's do), and
 * docs/config-schemas.md names exactly the subpaths that export each builder. The subpath checks go through the
 * BUILT package (`openclaw/plugin-sdk/<subpath>` by self-reference, in a fresh process).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { groupRefOf } from "../../scripts/lib/export-groups.js";
import { readEntrypointManifest, repoRoot } from "../../scripts/lib/entrypoints.js";
import { ensureBuilt, lastJsonLine, runIsolatedModule } from "../hostile/isolated.js";

const PLUGIN_BUILDERS = ["emptyPluginConfigSchema", "buildPluginConfigSchema", "buildJsonPluginConfigSchema"];
const CHANNEL_BUILDERS = ["buildChannelConfigSchema", "buildJsonChannelConfigSchema", "emptyChannelConfigSchema"];

/** Entry helpers that take a plugin config schema, and those that take a channel config schema. */
const TAKES_PLUGIN_SCHEMA = ["definePluginEntry", "defineToolPlugin", "defineChannelPluginEntry"];
const TAKES_CHANNEL_SCHEMA = ["defineChannelPluginEntry", "defineBundledChannelEntry"];

/** Subpaths whose generated export groups export `name` (deprecated barrels excluded: they keep hand-written lists). */
function subpathsExporting(name: string): string[] {
  const manifest = readEntrypointManifest() as unknown as {
    exportGroups: Record<string, { modules: Array<{ values?: string[]; types?: string[] }> }>;
    entrypoints: Array<{ subpath: string; exportGroups?: Array<string | { group: string; omit?: string[] }> }>;
  };
  return manifest.entrypoints
    .filter((record) =>
      (record.exportGroups ?? []).some((ref) => {
        const { group, omit } = groupRefOf(ref);
        const listed = manifest.exportGroups[group]!.modules.some((module) => [...(module.values ?? []), ...(module.types ?? [])].includes(name));
        return listed && !omit.includes(name);
      }),
    )
    .map((record) => record.subpath)
    .sort();
}

/** Builder → subpaths, from the "Where to import them" table of docs/config-schemas.md. */
function documentedSubpaths(): Map<string, string[]> {
  const text = readFileSync(join(repoRoot, "docs", "config-schemas.md"), "utf8");
  const table = text.slice(text.indexOf("| builder | subpaths"));
  const rows = table.split("\n").slice(2).filter((line) => line.startsWith("|"));
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const [builders, subpaths] = row.split("|").slice(1, 3);
    const names = [...builders!.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!);
    const paths = [...subpaths!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!).sort();
    for (const name of names) out.set(name, paths);
  }
  return out;
}

describe("config-schema builders: one source, documented", () => {
  it("docs/config-schemas.md names exactly the subpaths that export each builder", () => {
    const documented = documentedSubpaths();
    for (const name of [...PLUGIN_BUILDERS, ...CHANNEL_BUILDERS]) {
      expect(documented.get(name), name).toEqual(subpathsExporting(name));
    }
  });

  it("no facade keeps a hand-written copy of a builder export outside the generated regions (deprecated barrels aside)", () => {
    for (const name of [...PLUGIN_BUILDERS, ...CHANNEL_BUILDERS]) {
      for (const subpath of subpathsExporting(name)) {
        const text = readFileSync(join(repoRoot, "src", "plugin-sdk", `${subpath}.ts`), "utf8");
        const outside = text
          .replace(/\/\/ <generated group="[^"]+">[\s\S]*?\/\/ <\/generated>/g, "")
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/\/\/.*$/gm, "");
        expect(outside.includes(name), `${subpath} lists ${name} by hand`).toBe(false);
      }
    }
  });
});

describe("config-schema builders on the built package", () => {
  beforeAll(() => ensureBuilt());

  it("every subpath with an entry helper taking a configSchema exports the builders, and they work", () => {
    const subpaths = readEntrypointManifest().entrypoints.map((record) => record.subpath).filter((subpath) => subpath !== "index");
    const result = runIsolatedModule(
      `const subpaths = ${JSON.stringify(subpaths)};
const report = {};
for (const subpath of subpaths) {
  let mod;
  try { mod = await import("openclaw/plugin-sdk/" + subpath); } catch { continue; }
  const has = (names) => names.filter((name) => typeof mod[name] === "function");
  report[subpath] = {
    helpers: has(${JSON.stringify([...new Set([...TAKES_PLUGIN_SCHEMA, ...TAKES_CHANNEL_SCHEMA])])}),
    plugin: has(${JSON.stringify(PLUGIN_BUILDERS)}),
    channel: has(${JSON.stringify(CHANNEL_BUILDERS)}),
    works: (typeof mod.emptyPluginConfigSchema !== "function" || mod.emptyPluginConfigSchema().safeParse({}).success === true)
      && (typeof mod.emptyChannelConfigSchema !== "function" || mod.emptyChannelConfigSchema().runtime.safeParse({}).success === true),
  };
}
console.log(JSON.stringify(report));`,
      { timeoutMs: 60_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const report = lastJsonLine<Record<string, { helpers: string[]; plugin: string[]; channel: string[]; works: boolean }>>(result);
    const withHelpers = Object.entries(report).filter(([, entry]) => entry.helpers.length > 0);
    expect(withHelpers.map(([subpath]) => subpath).sort()).toEqual(["channel-core", "channel-entry-contract", "core", "plugin-entry", "tool-plugin"]);
    for (const [subpath, entry] of withHelpers) {
      if (entry.helpers.some((helper) => TAKES_PLUGIN_SCHEMA.includes(helper))) expect(entry.plugin, subpath).toEqual(PLUGIN_BUILDERS);
      if (entry.helpers.some((helper) => TAKES_CHANNEL_SCHEMA.includes(helper))) expect(entry.channel, subpath).toEqual(CHANNEL_BUILDERS);
    }
    for (const [subpath, entry] of Object.entries(report)) expect(entry.works, subpath).toBe(true);
    // The case: the empty schema for defineChannelPluginEntry comes from channel-core itself.
    expect(report["channel-core"]!.plugin).toContain("emptyPluginConfigSchema");
  });
});
