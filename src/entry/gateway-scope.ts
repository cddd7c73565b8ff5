/**
 * Gateway method scope resolution: reserved core admin namespaces always need `operator.admin`.
 */
import type { GatewayMethodOptions, OperatorScope } from "../contract/plugin-api.js";

/**
 * Core admin namespaces. A plugin gateway method named `<ns>` or `<ns>.<anything>` always resolves to
 * `operator.admin`, whatever scope it asks for.
 *
 * @example
 * ```ts
 * RESERVED_ADMIN_GATEWAY_NAMESPACES; // ["config", "exec.approvals", "wizard", "update"]
 * ```
 */
export const RESERVED_ADMIN_GATEWAY_NAMESPACES: readonly string[] = Object.freeze([
  "config",
  "exec.approvals",
  "wizard",
  "update",
]);

/**
 * Scope of plugin gateway methods that do not ask for one.
 *
 * @example
 * ```ts
 * DEFAULT_PLUGIN_GATEWAY_METHOD_SCOPE; // "operator.write"
 * ```
 */
export const DEFAULT_PLUGIN_GATEWAY_METHOD_SCOPE: OperatorScope = "operator.write";

/**
 * Whether `method` lies in a reserved admin namespace (`config.*`, `exec.approvals.*`, `wizard.*`, `update.*`).
 *
 * @example
 * ```ts
 * isReservedAdminGatewayMethod("config.patch"); // true
 * isReservedAdminGatewayMethod("configurator.run"); // false
 * ```
 */
export function isReservedAdminGatewayMethod(method: string): boolean {
  return RESERVED_ADMIN_GATEWAY_NAMESPACES.some((ns) => method === ns || method.startsWith(`${ns}.`));
}

/**
 * The scope a plugin gateway method runs under: `operator.admin` for reserved admin namespaces, otherwise the
 * requested scope, otherwise `operator.write`. Throws a clear error for an empty or non-string method name.
 *
 * @example
 * ```ts
 * resolveGatewayMethodScope("wizard.start", { scope: "operator.read" }); // "operator.admin"
 * resolveGatewayMethodScope("my-plugin.status", { scope: "operator.read" }); // "operator.read"
 * ```
 */
export function resolveGatewayMethodScope(method: string, options?: GatewayMethodOptions): OperatorScope {
  if (typeof method !== "string" || method.trim() === "") {
    throw new TypeError(
      `registerGatewayMethod: method name must be a non-empty string (got ${JSON.stringify(method)}); use a plugin-specific prefix such as "my-plugin.status".`,
    );
  }
  if (isReservedAdminGatewayMethod(method)) return "operator.admin";
  return options?.scope ?? DEFAULT_PLUGIN_GATEWAY_METHOD_SCOPE;
}
