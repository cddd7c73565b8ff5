/**
 * Load step 2: validate the plugin config before `register` — against the manifest's `configSchema` (ajv, loaded
 * on first use), or, for an in-memory entry without a manifest, through the entry's own `configSchema.safeParse`.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";

let configModule: Promise<typeof import("../config/validate-plugin-config.js")> | undefined;

/** The validated config (defaults applied) and what validation said. */
export interface ConfigCheck {
  ok: boolean;
  value: Record<string, unknown>;
  diagnostics: PluginDiagnostic[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates `config` for plugin `pluginId`. May throw when an entry's own schema throws (the loader reports it as
 * `config-invalid`).
 *
 * @example
 * ```ts
 * const checked = await validateLoadConfig(manifest, undefined, { units: "metric" }, "weather");
 * if (!checked.ok) console.error(checked.diagnostics);
 * ```
 */
export async function validateLoadConfig(
  manifest: PluginManifest | undefined,
  definition: Record<string, unknown> | undefined,
  config: Record<string, unknown> | undefined,
  pluginId: string,
): Promise<ConfigCheck> {
  if (manifest) {
    configModule ??= import("../config/validate-plugin-config.js");
    const { validatePluginConfig } = await configModule;
    return validatePluginConfig({ manifest, config });
  }
  // In-memory entry without a manifest: fall back to the entry's own configSchema.safeParse, if any.
  const schema = definition?.configSchema;
  const resolved = typeof schema === "function" ? (schema as () => unknown)() : schema;
  if (isRecord(resolved) && typeof resolved.safeParse === "function") {
    const parsed = (resolved.safeParse as (v: unknown) => { success: boolean; data?: unknown; error?: { issues?: Array<{ path: Array<string | number>; message: string }> } })(config ?? {});
    if (parsed.success) return { ok: true, value: isRecord(parsed.data) ? parsed.data : (config ?? {}), diagnostics: [] };
    const issues = parsed.error?.issues ?? [{ path: [], message: "invalid" }];
    return {
      ok: false,
      value: config ?? {},
      diagnostics: issues.map((issue) => ({
        level: "error" as const,
        code: "plugin-config-mismatch",
        path: [`plugins.entries.${pluginId}.config`, ...issue.path.map(String)].join("."),
        message: `plugins.entries.${pluginId}.config${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}`,
      })),
    };
  }
  return { ok: true, value: config ?? {}, diagnostics: [] };
}
