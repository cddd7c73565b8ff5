/**
 * The plugin's identity fields (`id`, `name`, `config`, `logger`, `resolvePath`, …) and the runtime it sees:
 * `registrationMode` and `runtime` vary together, so modes without a runtime get one that throws a precise error.
 */
import type { OpenClawPluginApi, OpenClawPluginApiBase } from "../../contract/plugin-api.js";
import { createUnavailablePluginRuntime } from "../../entry/runtime-availability.js";
import { isRuntimeAvailable } from "../modes.js";
import { resolvePluginPath } from "../resolve-plugin-path.js";
import type { RegistrationApiParams } from "./params.js";

/** The identity fields of the api. */
export type IdentityApi = Pick<
  OpenClawPluginApiBase,
  "id" | "name" | "version" | "description" | "source" | "rootDir" | "config" | "pluginConfig" | "logger" | "resolvePath"
>;

/**
 * Builds the identity fields of one plugin's api (optional fields only when given).
 *
 * @example
 * ```ts
 * createIdentityApi(params).resolvePath("./data"); // an absolute path inside the plugin root
 * ```
 */
export function createIdentityApi(params: RegistrationApiParams): IdentityApi {
  return {
    id: params.pluginId,
    name: params.name,
    ...(params.version !== undefined ? { version: params.version } : {}),
    ...(params.description !== undefined ? { description: params.description } : {}),
    source: params.source,
    ...(params.rootDir !== undefined ? { rootDir: params.rootDir } : {}),
    config: params.config,
    pluginConfig: params.pluginConfig,
    logger: params.logger,
    resolvePath: (input: string) => resolvePluginPath(params.pluginId, params.rootDir ?? process.cwd(), input),
  };
}

/**
 * Completes the api with `registrationMode` and the runtime for that mode: the host's runtime in runtime modes, a
 * throwing one in `cli-metadata` / `setup-only`.
 *
 * @example
 * ```ts
 * const api = withRuntime(base, params); // api.runtime throws in setup-only mode
 * ```
 */
export function withRuntime(base: OpenClawPluginApiBase, params: RegistrationApiParams): OpenClawPluginApi {
  const { pluginId, mode } = params;
  return (
    isRuntimeAvailable(mode)
      ? { ...base, registrationMode: mode, runtime: params.runtime }
      : {
          ...base,
          registrationMode: mode,
          runtime: createUnavailablePluginRuntime({ pluginId, mode: mode as "cli-metadata" | "setup-only" }),
        }
  ) as OpenClawPluginApi;
}
