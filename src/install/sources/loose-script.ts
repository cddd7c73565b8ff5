/**
 * Refuses loose script files (`.js`, `.mjs`, `.cjs`, `.ts`) as install sources: `plugins install` copies plugin
 * folders, bundles and archives into the managed root, never a single script. Such a file is loaded by listing it in
 * `plugins.load.paths`. Registered before the folder source so the refusal names the rule instead of "not found".
 */
import { installError } from "../failure.js";
import type { InstallSourceResolver, StagedSource } from "../installer-api.js";
import { looksLikePath, resolveLocalPath } from "./local.js";

const LOOSE_SCRIPT = /\.(js|mjs|cjs|ts|mts|cts)$/i;

/**
 * The refusing resolver.
 *
 * @example
 * ```ts
 * await looseScriptSource(process.cwd()).stage("./helper.js", sctx); // throws invalid-spec
 * ```
 */
export function looseScriptSource(cwd: string): InstallSourceResolver {
  return {
    kind: "path",
    matches: (spec) => looksLikePath(spec) && LOOSE_SCRIPT.test(spec),
    async stage(spec): Promise<StagedSource> {
      const file = resolveLocalPath(spec, cwd);
      throw installError(
        "invalid-spec",
        `${file} is a loose script file; plugins install does not copy .js/.mjs/.cjs/.ts files into the managed plugin root.`,
        {
          source: spec,
          rule: "install copies plugin folders, bundles and archives; a single script file is loaded from plugins.load.paths",
          fix: `list it in plugins.load.paths instead: add "${file}" to plugins.load.paths in your OpenClaw config`,
        },
      );
    },
  };
}
