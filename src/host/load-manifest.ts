/**
 * Load step 1: read and check `openclaw.plugin.json`. The manifest reader is loaded on first use (it pulls zod).
 */
import type { PluginManifestReadResult } from "../manifest/read-plugin-manifest.js";

let manifestModule: Promise<typeof import("../manifest/read-plugin-manifest.js")> | undefined;

/**
 * Reads the manifest of a plugin root through the manifest reader (diagnostics, never throws for bad input).
 *
 * @example
 * ```ts
 * const { manifest, diagnostics } = await readRootManifest("/plugins/demo");
 * ```
 */
export async function readRootManifest(rootDir: string): Promise<PluginManifestReadResult> {
  manifestModule ??= import("../manifest/read-plugin-manifest.js");
  const { readPluginManifest } = await manifestModule;
  return readPluginManifest(rootDir);
}
