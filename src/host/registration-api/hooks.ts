/**
 * Hook registrations: typed hooks through `api.on` (name check, prompt-injection and conversation-access policy,
 * matcher check, sync/async check, effective timeout), internal event hooks through `registerHook`, and
 * conversation-binding listeners.
 */
import type { PluginHookOptions } from "../../contract/hook-types.js";
import type { OpenClawPluginApiBase } from "../../contract/plugin-api.js";
import { HOOK_SEMANTICS, KNOWN_HOOK_NAMES, isKnownHookName } from "../../hooks/hook-semantics.js";
import { closestMatch } from "../../manifest/paths.js";
import { nextRegistrationOrder } from "../registry.js";
import { type RegistrationContext, describeValue, isRecord } from "./context.js";
import { resolveHookTimeout } from "./hook-timeout.js";

/** The hook methods of the api. */
export type HookApi = Pick<OpenClawPluginApiBase, "registerHook" | "on" | "onConversationBindingResolved">;

/**
 * Builds the hook registration methods of one plugin's api.
 *
 * @example
 * ```ts
 * const hooks = createHookApi(createRegistrationContext(params));
 * hooks.on("agent_end", () => {});
 * ```
 */
export function createHookApi(ctx: RegistrationContext): HookApi {
  const { pluginId, params, registrations, diagnostics, bundled, hookPolicy, log, reject, invalid, modeAccepts } = ctx;

  const on = (hookName: string, handler: unknown, opts?: PluginHookOptions) => {
    const method = "on";
    if (!modeAccepts(method, hookName, "hook")) return;
    if (!isKnownHookName(hookName)) {
      const suggestion = closestMatch(String(hookName), KNOWN_HOOK_NAMES);
      reject(method, String(hookName), {
        level: "warning",
        code: "unknown-hook-name",
        path: "on",
        message: `unknown hook name ${JSON.stringify(hookName)} from plugin "${pluginId}" was ignored.${suggestion ? ` Did you mean "${suggestion}"?` : " See PluginHookName for the typed hook names."}`,
      });
      return;
    }
    if (typeof handler !== "function") {
      invalid(method, hookName, `the handler for "${hookName}" must be a function, got ${describeValue(handler)}`);
      return;
    }
    const semantics = HOOK_SEMANTICS[hookName];
    if (semantics.promptMutating && hookPolicy.allowPromptInjection === false) {
      reject(method, hookName, {
        level: "warning",
        code: "hook-prompt-injection-disabled",
        path: `plugins.entries.${pluginId}.hooks.allowPromptInjection`,
        message: `hook "${hookName}" of plugin "${pluginId}" was not registered: it mutates prompts and plugins.entries.${pluginId}.hooks.allowPromptInjection is false.`,
      });
      return;
    }
    const conversationAllowed = bundled
      ? hookPolicy.allowConversationAccess !== false
      : hookPolicy.allowConversationAccess === true;
    if (semantics.conversation && !conversationAllowed) {
      reject(method, hookName, {
        level: "warning",
        code: "hook-conversation-access-required",
        path: `plugins.entries.${pluginId}.hooks.allowConversationAccess`,
        message: bundled
          ? `conversation hook "${hookName}" of bundled plugin "${pluginId}" was not registered: plugins.entries.${pluginId}.hooks.allowConversationAccess is false.`
          : `conversation hook "${hookName}" of plugin "${pluginId}" was not registered: non-bundled plugins need plugins.entries.${pluginId}.hooks.allowConversationAccess set to true (under "hooks", not the plugin's "config").`,
      });
      return;
    }
    const options: PluginHookOptions = isRecord(opts) ? (opts as PluginHookOptions) : {};
    const matcher = options.matcher;
    if (matcher !== undefined) {
      const valid =
        typeof matcher === "function" ||
        (typeof matcher === "string" && matcher.trim() !== "" && matcher !== "*") ||
        (Array.isArray(matcher) && matcher.length > 0 && matcher.every((m) => typeof m === "string" && m.trim() !== "" && m !== "*"));
      if (!valid) {
        invalid(method, hookName, `matcher must be a tool name, a non-empty list of tool names (no wildcards) or a predicate; got ${describeValue(matcher)}`);
        return;
      }
    }
    if (semantics.kind === "sync-modify" && (handler as { constructor?: { name?: string } }).constructor?.name === "AsyncFunction") {
      diagnostics.push({
        level: "warning",
        code: "hook-sync-handler-async",
        path: "on",
        message: `hook "${hookName}" of plugin "${pluginId}" is synchronous but the handler is async: its result will be ignored. Return the result directly.`,
      });
    }
    const timeoutMs = resolveHookTimeout(params.config, pluginId, hookName, options.timeoutMs);
    registrations.hooks.push({
      pluginId,
      hookName,
      priority: typeof options.priority === "number" && Number.isFinite(options.priority) ? options.priority : 0,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      order: nextRegistrationOrder(),
      handler: handler as (event: never, ctx: never) => unknown,
      options,
    });
    log(method, hookName, true);
  };

  return {
    registerHook(events, handler, opts) {
      const method = "registerHook";
      const list = (Array.isArray(events) ? events : [events]).filter((e): e is string => typeof e === "string" && e.trim() !== "");
      const label = list.join(",");
      if (!modeAccepts(method, label, "hook")) return;
      if (list.length === 0 || typeof handler !== "function") {
        invalid(method, label, "needs at least one event name and a handler function");
        return;
      }
      registrations.internalHooks.push({
        pluginId,
        events: list,
        handler,
        options: opts ?? {},
        priority: typeof opts?.priority === "number" ? opts.priority : 0,
      });
      log(method, label, true);
    },
    on: on as OpenClawPluginApiBase["on"],
    onConversationBindingResolved(handler) {
      if (!modeAccepts("onConversationBindingResolved", "", "workflow")) return;
      if (typeof handler !== "function") {
        invalid("onConversationBindingResolved", "", "handler must be a function");
        return;
      }
      registrations.conversationBindingListeners.push({ pluginId, handler });
      log("onConversationBindingResolved", "", true);
    },
  };
}
