/**
 * In-process invocation of what a plugin registered: agent tools, chat commands, gateway RPC methods and HTTP
 * routes — called the way the gateway calls them, without a gateway.
 */
import { Readable } from "node:stream";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OpenClawConfig } from "../contract/config.js";
import type { OperatorScope, PluginCommandContext, PluginCommandResult } from "../contract/plugin-api.js";
import type { PluginApprovalResolution } from "../contract/hook-types.js";
import type { AgentToolResult, AnyAgentTool, OpenClawPluginToolContext } from "../contract/tools.js";
import type { BeforeToolCallDecision, HookDispatcher } from "../hooks/hook-runner.js";
import type { PluginRegistrations } from "./registry.js";

/**
 * Something that carries registrations: a loaded plugin, a test api's recording, or a list of loaded plugins.
 *
 * @example
 * ```ts
 * const source: RegistrationSource = [pluginA, pluginB];
 * ```
 */
export type RegistrationSource =
  | { registrations: PluginRegistrations; id?: string }
  | ReadonlyArray<{ registrations: PluginRegistrations; id?: string; loadError?: unknown }>;

function allRegistrations(source: RegistrationSource): PluginRegistrations[] {
  if (Array.isArray(source)) {
    return (source as ReadonlyArray<{ registrations: PluginRegistrations; loadError?: unknown }>)
      .filter((p) => !p.loadError)
      .map((p) => p.registrations);
  }
  return [(source as { registrations: PluginRegistrations }).registrations];
}

/**
 * Options of `invokeTool`.
 *
 * @example
 * ```ts
 * const options: InvokeToolOptions = { toolCallId: "call-1", hooks: createHookRunner([plugin]) };
 * ```
 */
export interface InvokeToolOptions {
  /** Tool call id. Default `test-call-<n>`. */
  toolCallId?: string;
  /** Context given to tool factories. */
  context?: OpenClawPluginToolContext;
  signal?: AbortSignal;
  /** Progress updates from `onUpdate`, in order. */
  onUpdate?: (partial: AgentToolResult) => void;
  /**
   * Run `before_tool_call` through this runner first (as the gateway does): a block returns
   * `{ blocked: true }` without executing; rewritten params are what the tool receives; a decision that requires
   * approval runs the tool only when `approve` grants it.
   */
  hooks?: HookDispatcher;
  /**
   * Answers a `before_tool_call` approval request (`requireApproval`), like the user would in the gateway: `true`
   * (= `"allow-once"`) or `"allow-always"` runs the tool; `false` (= `"deny"`), `"deny"` or `"timeout"` does not.
   * Absent: nothing is approved (the result says approval was required and denied). When the request has a
   * `timeoutMs` and the answer does not come in time, the resolution is `"timeout"` (denied). The requesting plugin's
   * `onResolution` is called with the resolution before the tool runs; a throwing approver or `onResolution`
   * rejects `invokeTool`, as a throwing tool does.
   */
  approve?: (request: ToolApprovalRequest) => boolean | PluginApprovalResolution | Promise<boolean | PluginApprovalResolution>;
}

/**
 * An approval request as `invokeTool` hands it to `options.approve`: the `before_tool_call` decision's
 * `requireApproval` (stamped with the requesting plugin) and the call it guards.
 *
 * @example
 * ```ts
 * const approve = (request: ToolApprovalRequest) => request.severity !== "critical";
 * ```
 */
export interface ToolApprovalRequest {
  /** The tool that would run. */
  toolName: string;
  /** Id of the guarded tool call. */
  toolCallId: string;
  /** The parameters the tool would run with (frozen when the approval was requested). */
  params: Record<string, unknown>;
  /** Plugin that requested the approval. */
  pluginId: string;
  /** Short title of the request, as the plugin gave it. */
  title: string;
  /** What the user is asked to allow. */
  description: string;
  /** How serious the plugin thinks the call is. */
  severity?: "info" | "warning" | "critical";
  /** How long the gateway would wait for an answer; `invokeTool` waits as long for `approve`. */
  timeoutMs?: number;
}

/**
 * How an approval request was answered.
 *
 * @example
 * ```ts
 * const out = await invokeTool(plugin, "exec", { cmd: "ls" }, { hooks, approve: () => true });
 * out.approval?.resolution; // "allow-once" when a handler required approval
 * ```
 */
export interface ToolApprovalOutcome {
  /** The request `approve` was asked. */
  request: ToolApprovalRequest;
  /** The answer (`deny` when no approver was given, `timeout` when it did not answer within `timeoutMs`). */
  resolution: PluginApprovalResolution;
  /** True for `allow-once` and `allow-always`. */
  approved: boolean;
}

/**
 * Outcome of `invokeTool`: the tool ran (`blocked: false`, with `approval` when it was approved), a hook blocked it,
 * or a hook required approval that was not granted (`blocked: true` with `approval.approved === false`; `reason`
 * names the requesting plugin, the request title and the resolution).
 *
 * @example
 * ```ts
 * const out: InvokeToolResult = await invokeTool(plugin, "greet", { name: "Ada" }); if (!out.blocked) out.result.content;
 * if (out.blocked && out.approval) console.log(out.reason); // approval required and not granted
 * ```
 */
export type InvokeToolResult =
  | { blocked: false; result: AgentToolResult; params: Record<string, unknown>; approval?: ToolApprovalOutcome }
  | { blocked: true; reason?: string; blockedBy?: string; approval?: undefined }
  | { blocked: true; reason: string; blockedBy: string; approval: ToolApprovalOutcome & { approved: false } };

let callCounter = 0;

function resolveTools(registrations: PluginRegistrations[], context: OpenClawPluginToolContext): AnyAgentTool[] {
  const tools: AnyAgentTool[] = [];
  for (const regs of registrations) {
    for (const registered of regs.tools) {
      if (registered.tool) {
        tools.push(registered.tool);
        continue;
      }
      const produced = registered.factory?.(context);
      if (!produced) continue;
      for (const tool of Array.isArray(produced) ? produced : [produced]) {
        if (registered.names.includes(tool.name)) tools.push(tool);
      }
    }
  }
  return tools;
}

/**
 * Invokes a registered agent tool by name (tool factories are materialised with `options.context`).
 * Throws when no such tool is registered, listing the ones that are.
 *
 * @example
 * ```ts
 * const out = await invokeTool(loaded, "weather_lookup", { city: "Oslo" });
 * if (!out.blocked) console.log(out.result.content);
 * ```
 */
export async function invokeTool(
  source: RegistrationSource,
  name: string,
  params: Record<string, unknown> = {},
  options: InvokeToolOptions = {},
): Promise<InvokeToolResult> {
  const tools = resolveTools(allRegistrations(source), options.context ?? {});
  const tool = tools.find((t) => t.name === name);
  if (!tool) {
    throw new Error(
      `No tool named "${name}" is registered${tools.length ? ` (registered: ${tools.map((t) => t.name).join(", ")})` : ""}. Check contracts.tools and the load diagnostics.`,
    );
  }
  callCounter += 1;
  const toolCallId = options.toolCallId ?? `test-call-${callCounter}`;
  let effective = params;
  let approval: ToolApprovalOutcome | undefined;
  if (options.hooks) {
    const { decision } = await options.hooks.run(
      "before_tool_call",
      { toolName: name, params, toolCallId },
      { toolName: name, toolCallId, ...(options.signal ? { abortSignal: options.signal } : {}) },
    );
    if (decision?.block) {
      return {
        blocked: true,
        ...(decision.blockReason !== undefined ? { reason: decision.blockReason } : {}),
        ...(decision.blockedBy !== undefined ? { blockedBy: decision.blockedBy } : {}),
      };
    }
    if (decision?.params) effective = decision.params;
    if (decision?.requireApproval) {
      approval = await resolveApproval(decision.requireApproval, { toolName: name, toolCallId, params: effective }, options.approve);
      if (!approval.approved) {
        return {
          blocked: true,
          reason: `approval required by ${approval.request.pluginId} ("${approval.request.title}") was not granted (${approval.resolution})${options.approve ? "" : "; pass options.approve to answer approval requests"}`,
          blockedBy: approval.request.pluginId,
          approval: { ...approval, approved: false },
        };
      }
    }
  }
  // A tool that resolves nothing answered with an empty result (the gateway reads it the same way).
  const result = (await tool.execute(toolCallId, effective, options.signal, options.onUpdate)) ?? { content: [] };
  return { blocked: false, result, params: effective, ...(approval ? { approval } : {}) };
}

const TIMED_OUT = Symbol("approval-timeout");

/** Asks `approve` (bounded by the request's `timeoutMs`), then tells the requesting plugin through `onResolution`. */
async function resolveApproval(
  requested: NonNullable<BeforeToolCallDecision["requireApproval"]>,
  call: { toolName: string; toolCallId: string; params: Record<string, unknown> },
  approve: InvokeToolOptions["approve"],
): Promise<ToolApprovalOutcome> {
  const request: ToolApprovalRequest = {
    ...call,
    pluginId: requested.pluginId,
    title: requested.title,
    description: requested.description,
    ...(requested.severity !== undefined ? { severity: requested.severity } : {}),
    ...(requested.timeoutMs !== undefined ? { timeoutMs: requested.timeoutMs } : {}),
  };
  let resolution: PluginApprovalResolution = "deny";
  if (approve) {
    const answer = Promise.resolve(approve(request));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = request.timeoutMs;
    const answered =
      limit !== undefined && Number.isFinite(limit) && limit > 0
        ? await Promise.race([answer, new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), limit)))]).finally(() => clearTimeout(timer))
        : await answer;
    resolution = answered === TIMED_OUT ? "timeout" : answered === true ? "allow-once" : answered === false ? "deny" : answered;
    if (!["allow-once", "allow-always", "deny", "timeout"].includes(resolution)) {
      throw new Error(`options.approve returned ${JSON.stringify(answered)}; return true, false or one of "allow-once", "allow-always", "deny", "timeout".`);
    }
  }
  await requested.onResolution?.(resolution);
  return { request, resolution, approved: resolution === "allow-once" || resolution === "allow-always" };
}

/**
 * Options of `invokeCommand`: any `PluginCommandContext` field may be overridden.
 *
 * @example
 * ```ts
 * const options: InvokeCommandOptions = { args: "Oslo", senderId: "u1", isAuthorizedSender: false };
 * ```
 */
export interface InvokeCommandOptions extends Partial<PluginCommandContext> {
  config?: OpenClawConfig;
}

/**
 * Invokes a registered chat command by name (with or without the leading `/`) or alias.
 *
 * @example
 * ```ts
 * const reply = await invokeCommand(loaded, "/status", { args: "verbose" });
 * reply?.text;
 * ```
 */
export async function invokeCommand(
  source: RegistrationSource,
  name: string,
  options: InvokeCommandOptions = {},
): Promise<PluginCommandResult | void> {
  const wanted = name.trim().replace(/^\//, "").toLowerCase();
  const commands = allRegistrations(source).flatMap((r) => r.commands);
  const command = commands.find(
    (c) => c.name === wanted || (c.definition.aliases ?? []).some((alias) => alias.replace(/^\//, "").toLowerCase() === wanted),
  );
  if (!command) {
    throw new Error(
      `No command named "/${wanted}" is registered${commands.length ? ` (registered: ${commands.map((c) => `/${c.name}`).join(", ")})` : ""}.`,
    );
  }
  if (options.args !== undefined && command.definition.acceptsArgs === false) {
    throw new Error(`Command "/${command.name}" does not accept arguments (acceptsArgs: false).`);
  }
  const ctx: PluginCommandContext = {
    commandBody: `/${command.name}${options.args ? ` ${options.args}` : ""}`,
    channel: "test",
    isAuthorizedSender: true,
    config: options.config ?? {},
    ...options,
  };
  if (command.definition.requireAuth === true && !ctx.isAuthorizedSender) {
    return { text: "You are not authorized to use this command." };
  }
  return command.definition.handler(ctx);
}

/**
 * What a gateway method responded.
 *
 * @example
 * ```ts
 * const res: GatewayMethodResponse = await invokeGatewayMethod(plugin, "weather.status"); res.ok;
 * ```
 */
export interface GatewayMethodResponse {
  ok: boolean;
  payload?: unknown;
  error?: { code: string; message: string };
  /** False when the handler returned without calling `respond`. */
  responded: boolean;
}

/**
 * Invokes a registered gateway RPC method and captures its `respond(...)`. `scopes` are the caller's operator
 * scopes; a caller without the method's resolved scope gets a `FORBIDDEN` response, as from the gateway.
 *
 * @example
 * ```ts
 * const res = await invokeGatewayMethod(loaded, "weather.status", { verbose: true });
 * res.ok; // true
 * ```
 */
export async function invokeGatewayMethod(
  source: RegistrationSource,
  method: string,
  params: Record<string, unknown> = {},
  options: { scopes?: OperatorScope[]; clientId?: string } = {},
): Promise<GatewayMethodResponse> {
  const methods = allRegistrations(source).flatMap((r) => r.gatewayMethods);
  const registered = methods.find((m) => m.method === method);
  if (!registered) {
    throw new Error(
      `No gateway method "${method}" is registered${methods.length ? ` (registered: ${methods.map((m) => m.method).join(", ")})` : ""}.`,
    );
  }
  const scopes = options.scopes ?? ["operator.admin"];
  if (!scopes.includes(registered.scope) && !scopes.includes("operator.admin")) {
    return {
      ok: false,
      responded: true,
      error: { code: "FORBIDDEN", message: `gateway method "${method}" requires scope ${registered.scope}` },
    };
  }
  let response: GatewayMethodResponse = { ok: false, responded: false };
  await registered.handler({
    params,
    respond: (ok, payload, error) => {
      if (response.responded) return;
      response = { ok, responded: true, ...(payload !== undefined ? { payload } : {}), ...(error ? { error } : {}) };
    },
    client: { ...(options.clientId ? { id: options.clientId } : {}), scopes },
  });
  return response;
}

/**
 * An HTTP request for `invokeHttpRoute`.
 *
 * @example
 * ```ts
 * const request: TestHttpRequest = { method: "POST", path: "/weather/hook", body: { ping: true } };
 * ```
 */
export interface TestHttpRequest {
  method?: string;
  /** Path with optional query string, e.g. `/weather/hook?x=1`. */
  path: string;
  headers?: Record<string, string>;
  /** Request body; objects are sent as JSON. */
  body?: string | Buffer | Record<string, unknown>;
}

/**
 * What a route handler produced.
 *
 * @example
 * ```ts
 * const res: TestHttpResponse = await invokeHttpRoute(plugin, { path: "/weather/ping" }); res.json;
 * ```
 */
export interface TestHttpResponse {
  /** False when no route matched or the handler returned `false` (not handled). */
  handled: boolean;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** `body` parsed as JSON when it is JSON, else undefined. */
  json?: unknown;
}

/**
 * Invokes the registered HTTP route matching `request.path` (exact routes first, then the longest prefix) with an
 * in-memory request/response pair.
 *
 * @example
 * ```ts
 * const res = await invokeHttpRoute(loaded, { method: "POST", path: "/weather/hook", body: { ping: true } });
 * res.status; // 200
 * ```
 */
export async function invokeHttpRoute(source: RegistrationSource, request: TestHttpRequest): Promise<TestHttpResponse> {
  const routes = allRegistrations(source).flatMap((r) => r.httpRoutes);
  const pathname = request.path.split("?")[0] ?? request.path;
  const exact = routes.find((r) => r.match === "exact" && r.path === pathname);
  const prefix = routes
    .filter((r) => r.match === "prefix" && (pathname === r.path || pathname.startsWith(r.path.endsWith("/") ? r.path : `${r.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const route = exact ?? prefix;
  if (!route) return { handled: false, status: 404, headers: {}, body: "" };
  const rawBody =
    request.body === undefined
      ? ""
      : typeof request.body === "string" || Buffer.isBuffer(request.body)
        ? request.body
        : JSON.stringify(request.body);
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  if (request.body !== undefined && typeof request.body === "object" && !Buffer.isBuffer(request.body) && !headers["content-type"]) {
    headers["content-type"] = "application/json";
  }
  const req = Readable.from(rawBody === "" ? [] : [Buffer.from(rawBody)]) as unknown as IncomingMessage & Record<string, unknown>;
  Object.assign(req, { method: (request.method ?? "GET").toUpperCase(), url: request.path, headers });
  const chunks: Buffer[] = [];
  const responseHeaders: Record<string, string> = {};
  let finished!: () => void;
  const ended = new Promise<void>((resolve) => (finished = resolve));
  const res = {
    statusCode: 200,
    statusMessage: "",
    headersSent: false,
    writableEnded: false,
    setHeader(name: string, value: string | number | readonly string[]) {
      responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
      return res;
    },
    getHeader: (name: string) => responseHeaders[name.toLowerCase()],
    removeHeader: (name: string) => {
      delete responseHeaders[name.toLowerCase()];
    },
    writeHead(status: number, ...rest: unknown[]) {
      res.statusCode = status;
      const hdrs = rest.find((r) => typeof r === "object" && r !== null) as Record<string, string> | undefined;
      for (const [k, v] of Object.entries(hdrs ?? {})) res.setHeader(k, v);
      res.headersSent = true;
      return res;
    },
    write(chunk: string | Buffer) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      res.headersSent = true;
      return true;
    },
    end(chunk?: string | Buffer | (() => void)) {
      if (chunk !== undefined && typeof chunk !== "function") res.write(chunk);
      res.writableEnded = true;
      finished();
      return res;
    },
  };
  const returned = await route.handler(req, res as unknown as ServerResponse);
  if (returned === false && !res.writableEnded) return { handled: false, status: 404, headers: {}, body: "" };
  if (!res.writableEnded) {
    // Handlers may finish asynchronously after returning; wait briefly for end().
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  return { handled: true, status: res.statusCode, headers: responseHeaders, body, ...(json !== undefined ? { json } : {}) };
}
