/**
 * A recording stand-in for the host api, for entry helper tests (no host needed).
 */
import type { OpenClawPluginApi } from "../../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../../contract/registration-mode.js";
import type { PluginRuntime } from "../../contract/runtime.js";
import { createUnavailablePluginRuntime, isRuntimeAvailableInMode } from "../runtime-availability.js";

export interface RecordedCall {
  method: string;
  args: unknown[];
}

export interface FakeApi {
  api: OpenClawPluginApi<any>;
  calls: RecordedCall[];
  methods(): string[];
}

export function createFakeApi(options: {
  mode?: PluginRegistrationMode;
  id?: string;
  pluginConfig?: unknown;
  runtime?: PluginRuntime;
} = {}): FakeApi {
  const calls: RecordedCall[] = [];
  const mode = options.mode ?? "full";
  const id = options.id ?? "test-plugin";
  const runtime = isRuntimeAvailableInMode(mode)
    ? (options.runtime ?? ({ version: "test" } as unknown as PluginRuntime))
    : createUnavailablePluginRuntime({ pluginId: id, mode: mode as "cli-metadata" | "setup-only" });
  const base: Record<string, unknown> = {
    id,
    name: "Test Plugin",
    source: "/plugins/test/index.js",
    config: {},
    pluginConfig: options.pluginConfig ?? {},
    runtime,
    registrationMode: mode,
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    resolvePath: (input: string) => `/plugins/test/${input}`,
  };
  const api = new Proxy(base, {
    get(target, property) {
      if (typeof property === "string" && property in target) return target[property];
      if (typeof property === "string" && (property.startsWith("register") || property === "on")) {
        return (...args: unknown[]) => {
          calls.push({ method: property, args });
        };
      }
      return undefined;
    },
  }) as unknown as OpenClawPluginApi<any>;
  return { api, calls, methods: () => calls.map((call) => call.method) };
}
