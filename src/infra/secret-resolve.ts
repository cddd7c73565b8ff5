/**
 * Resolving secret references to values: environment variables and JSON files configured as secret providers.
 */
import { readFile } from "node:fs/promises";
import type { OpenClawConfig } from "../contract/config.js";
import { isSecretRef, type SecretRef } from "./secret-ref.js";

/**
 * The key of a reference in `resolveSecretRefValues`' result: `<source>:<provider>:<id>`.
 *
 * @example
 * ```ts
 * values.get(secretRefKey(ref));
 * ```
 */
export function secretRefKey(ref: SecretRef): string {
  return `${ref.source}:${ref.provider}:${ref.id}`;
}

/**
 * Options of `resolveSecretRefValues`.
 *
 * @example
 * ```ts
 * const options: ResolveSecretRefOptions = { config: api.config, env: process.env };
 * ```
 */
export interface ResolveSecretRefOptions {
  config: OpenClawConfig;
  env?: NodeJS.ProcessEnv;
}

function pointerGet(document: unknown, pointer: string): unknown {
  if (pointer === "" || pointer === "/") return document;
  const parts = pointer.replace(/^\//, "").split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  let current: unknown = document;
  for (const part of parts) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Resolves references: `env` refs read the variable named by `id`; `file` refs read the JSON file configured at
 * `secrets.providers.<provider>.path` and take the JSON pointer `id`. A missing value, an unknown provider or an
 * unsupported source (`exec`, `store`: gateway-only) rejects with an error naming the reference.
 *
 * @example
 * ```ts
 * const values = await resolveSecretRefValues([ref], { config: api.config });
 * const token = values.get(secretRefKey(ref));
 * ```
 */
export async function resolveSecretRefValues(refs: SecretRef[], options: ResolveSecretRefOptions): Promise<Map<string, unknown>> {
  const env = options.env ?? process.env;
  const providers = ((options.config.secrets as { providers?: Record<string, { path?: unknown }> } | undefined)?.providers ?? {});
  const files = new Map<string, Promise<unknown>>();
  const values = new Map<string, unknown>();
  for (const ref of refs) {
    const key = secretRefKey(ref);
    if (ref.source === "env") {
      const value = env[ref.id];
      if (value === undefined || value === "") throw new Error(`Secret ${key}: environment variable ${ref.id} is not set.`);
      values.set(key, value);
    } else if (ref.source === "file") {
      const path = providers[ref.provider]?.path;
      if (typeof path !== "string" || !path) {
        throw new Error(`Secret ${key}: no file provider "${ref.provider}" (set secrets.providers.${ref.provider}.path).`);
      }
      if (!files.has(path)) files.set(path, readFile(path, "utf8").then((text) => JSON.parse(text) as unknown));
      const value = pointerGet(await files.get(path), ref.id);
      if (value === undefined) throw new Error(`Secret ${key}: ${path} has no value at ${ref.id}.`);
      values.set(key, value);
    } else {
      throw new Error(`Secret ${key}: source "${ref.source}" is resolved by the gateway only.`);
    }
  }
  return values;
}

/**
 * Input of `resolveConfiguredSecretInputString`.
 *
 * @example
 * ```ts
 * const params: ConfiguredSecretInputParams = { config: cfg, env: process.env, value: account.token, path: "channels.my-chat.token" };
 * ```
 */
export interface ConfiguredSecretInputParams {
  config: OpenClawConfig;
  env: NodeJS.ProcessEnv;
  /** The config value: a literal string, a `SecretRef`, or nothing. */
  value: unknown;
  /** Its config path, used in the unresolved reason. */
  path: string;
  /**
   * How much an unresolved reason says: `detailed` (default) adds the provider's error; `generic` names only the
   * path, for reasons shown to chat users.
   */
  unresolvedReasonStyle?: "generic" | "detailed";
}

/**
 * A secret config value as a string: a literal is trimmed; a reference is resolved (env and file providers). Never
 * throws: a reference that cannot be resolved gives `{ unresolvedRefReason }` naming the path and why.
 *
 * @example
 * ```ts
 * const { value, unresolvedRefReason } = await resolveConfiguredSecretInputString({ config: cfg, env: process.env, value: account.token, path: "channels.my-chat.token" });
 * ```
 */
export async function resolveConfiguredSecretInputString(
  params: ConfiguredSecretInputParams,
): Promise<{ value?: string; unresolvedRefReason?: string }> {
  if (typeof params.value === "string") {
    const trimmed = params.value.trim();
    return trimmed ? { value: trimmed } : {};
  }
  if (!isSecretRef(params.value)) return {};
  if (params.unresolvedReasonStyle === "generic") {
    const detailed = await resolveConfiguredSecretInputString({ ...params, unresolvedReasonStyle: "detailed" });
    return detailed.unresolvedRefReason === undefined
      ? detailed
      : { unresolvedRefReason: `${params.path}: the secret reference could not be resolved.` };
  }
  try {
    const resolved = (await resolveSecretRefValues([params.value], { config: params.config, env: params.env })).get(secretRefKey(params.value));
    if (typeof resolved === "string" && resolved.trim()) return { value: resolved.trim() };
    return { unresolvedRefReason: `${params.path}: the secret reference resolved to a non-string or empty value.` };
  } catch (error) {
    return { unresolvedRefReason: `${params.path}: ${(error as Error).message}` };
  }
}
