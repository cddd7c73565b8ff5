/**
 * The operator's install policy, `security.installPolicy` in the config file — a declarative allow/deny list over
 * install sources and plugin ids, checked after the plugin is staged (its id is known) and before anything is
 * committed, for install and update alike:
 *
 * ```json5
 * security: {
 *   installPolicy: {
 *     enabled: true,                    // default true when the section exists
 *     allowSources: ["npm", "git"],     // when set, only these record sources: path, link, archive, npm, git, marketplace, clawhub
 *     denySources: ["link"],            // always refused (wins over allowSources)
 *     allowPlugins: ["weather"],        // when set, only these plugin ids
 *     denyPlugins: ["bad-plugin"],      // always refused (wins over allowPlugins)
 *   },
 * }
 * ```
 *
 * A malformed section fails closed (`config-invalid`): no install runs until it is fixed.
 */
import { INSTALL_SOURCES, type PluginInstallSource } from "../state/install-record.js";
import { installError } from "./failure.js";

/** The read policy. */
export interface InstallPolicy {
  enabled: boolean;
  allowSources?: PluginInstallSource[];
  denySources: PluginInstallSource[];
  allowPlugins?: string[];
  denyPlugins: string[];
}

const KEYS = ["enabled", "allowSources", "denySources", "allowPlugins", "denyPlugins"];

/**
 * Reads `security.installPolicy` from a parsed config (absent → no policy). Throws `config-invalid` naming the field.
 *
 * @example
 * ```ts
 * readInstallPolicy({ security: { installPolicy: { denySources: ["link"] } } }, "openclaw.json")?.denySources; // ["link"]
 * ```
 */
export function readInstallPolicy(config: Record<string, unknown>, file: string): InstallPolicy | undefined {
  const security = config.security;
  if (security === undefined) return undefined;
  const bad = (path: string, expected: string) =>
    installError("config-invalid", `${file}: ${path} must be ${expected}; no install runs until it is fixed.`, {
      source: file,
      rule: "a malformed security.installPolicy fails closed",
      fix: `edit ${file}: ${path} (see docs/installing-plugins.md#operator-install-policy)`,
    });
  if (typeof security !== "object" || security === null || Array.isArray(security)) throw bad("security", "an object");
  const raw = (security as Record<string, unknown>).installPolicy;
  if (raw === undefined) return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad("security.installPolicy", "an object");
  const section = raw as Record<string, unknown>;
  for (const key of Object.keys(section)) {
    if (!KEYS.includes(key)) throw bad(`security.installPolicy.${key}`, `one of ${KEYS.join(", ")} (unknown key)`);
  }
  if (section.enabled !== undefined && typeof section.enabled !== "boolean") throw bad("security.installPolicy.enabled", "true or false");
  const list = (key: string, values?: readonly string[]): string[] | undefined => {
    const value = section[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw bad(`security.installPolicy.${key}`, "an array of strings");
    if (values) {
      const unknown = value.find((v) => !values.includes(v as string));
      if (unknown !== undefined) throw bad(`security.installPolicy.${key}`, `a list of ${values.join(", ")} (found "${String(unknown)}")`);
    }
    return value as string[];
  };
  const policy: InstallPolicy = {
    enabled: section.enabled !== false,
    denySources: (list("denySources", INSTALL_SOURCES) ?? []) as PluginInstallSource[],
    denyPlugins: list("denyPlugins") ?? [],
  };
  const allowSources = list("allowSources", INSTALL_SOURCES);
  if (allowSources) policy.allowSources = allowSources as PluginInstallSource[];
  const allowPlugins = list("allowPlugins");
  if (allowPlugins) policy.allowPlugins = allowPlugins;
  return policy;
}

/**
 * Throws `policy-blocked` when `policy` refuses this source kind or plugin id.
 *
 * @example
 * ```ts
 * enforceInstallPolicy(policy, { source: "link", pluginId: "demo", spec: "./demo", file: "openclaw.json" });
 * ```
 */
export function enforceInstallPolicy(
  policy: InstallPolicy | undefined,
  facts: { source: PluginInstallSource; pluginId: string; spec: string; file: string },
): void {
  if (!policy || !policy.enabled) return;
  const block = (rule: string, fixField: string) =>
    installError("policy-blocked", `The operator install policy refuses ${facts.pluginId} from a ${facts.source} source (${rule}).`, {
      source: facts.spec,
      pluginId: facts.pluginId,
      rule: `security.installPolicy: ${rule}`,
      fix: `ask the operator to change security.installPolicy.${fixField} in ${facts.file}, or install from an allowed source`,
    });
  if (policy.denySources.includes(facts.source)) throw block(`denySources lists "${facts.source}"`, "denySources");
  if (policy.allowSources && !policy.allowSources.includes(facts.source)) throw block(`allowSources does not list "${facts.source}"`, "allowSources");
  if (policy.denyPlugins.includes(facts.pluginId)) throw block(`denyPlugins lists "${facts.pluginId}"`, "denyPlugins");
  if (policy.allowPlugins && !policy.allowPlugins.includes(facts.pluginId)) throw block(`allowPlugins does not list "${facts.pluginId}"`, "allowPlugins");
}
