/**
 * The session/workflow namespaces (`session.state`, `session.workflow`, `session.controls`, `agent.events`,
 * `runContext`, `lifecycle`) and their deprecated top-level aliases (one `deprecated-api` diagnostic per alias).
 * Prompt injection honours `hooks.allowPromptInjection`; attachments and scheduled turns are bundled-only.
 */
import type { PluginJsonValue } from "../../contract/hook-types.js";
import type { OpenClawPluginApi, OpenClawPluginApiBase } from "../../contract/plugin-api.js";
import { checkBundledOnly } from "../contract-gates.js";
import { type RegistrationContext, idOf, isRecord } from "./context.js";

/** The namespaces and deprecated aliases of the api, in the order the api lists them. */
export type SessionWorkflowApi = Pick<
  OpenClawPluginApiBase,
  | "session"
  | "agent"
  | "runContext"
  | "lifecycle"
  | "registerSessionExtension"
  | "enqueueNextTurnInjection"
  | "registerSessionSchedulerJob"
  | "sendSessionAttachment"
  | "scheduleSessionTurn"
  | "unscheduleSessionTurnsByTag"
  | "registerSessionAction"
  | "registerControlUiDescriptor"
  | "registerAgentEventSubscription"
  | "emitAgentEvent"
  | "setRunContext"
  | "getRunContext"
  | "clearRunContext"
  | "registerRuntimeLifecycle"
>;

type SessionWorkflow = OpenClawPluginApi["session"]["workflow"];

/**
 * Builds the session/workflow namespaces and their deprecated aliases for one plugin's api.
 *
 * @example
 * ```ts
 * const { session } = createSessionWorkflowApi(createRegistrationContext(params));
 * await session.workflow.enqueueNextTurnInjection({ sessionKey: "s", text: "hi" });
 * ```
 */
export function createSessionWorkflowApi(ctx: RegistrationContext): SessionWorkflowApi {
  const { pluginId, mode, registrations, workflow, outbox, subject, hookPolicy, log, reject, modeAccepts, deprecated, simple } = ctx;

  const enqueueNextTurnInjection: SessionWorkflow["enqueueNextTurnInjection"] = async (injection) => {
    const method = "session.workflow.enqueueNextTurnInjection";
    const key = isRecord(injection) && typeof injection.sessionKey === "string" ? injection.sessionKey : "";
    if (!modeAccepts(method, key, "workflow")) return { enqueued: false };
    if (hookPolicy.allowPromptInjection === false) {
      reject(method, key, {
        level: "warning",
        code: "hook-prompt-injection-disabled",
        path: `plugins.entries.${pluginId}.hooks.allowPromptInjection`,
        message: `next-turn injection from plugin "${pluginId}" was dropped: plugins.entries.${pluginId}.hooks.allowPromptInjection is false.`,
      });
      return { enqueued: false };
    }
    const result = workflow.enqueueNextTurnInjection(pluginId, injection);
    log(method, key, result.enqueued, result.enqueued ? undefined : "duplicate-injection-key");
    return result;
  };

  const bundledOnlyCall = <T>(feature: "sendSessionAttachment" | "scheduleSessionTurn" | "unscheduleSessionTurnsByTag", name: string, run: () => T): Promise<T> => {
    const method = `session.workflow.${feature}`;
    const rejection = checkBundledOnly(subject, feature);
    if (rejection) {
      reject(method, name, rejection);
      return Promise.reject(Object.assign(new Error(rejection.message), { code: "ERR_PLUGIN_BUNDLED_ONLY" }));
    }
    if (!modeAccepts(method, name, "workflow")) {
      return Promise.reject(new Error(`${method} is not available in ${mode} mode.`));
    }
    log(method, name, true);
    return Promise.resolve(run());
  };

  const registerSessionExtension = simple("session.state.registerSessionExtension", "workflow", (e: { namespace?: string }) => e?.namespace ?? "", (extension) => {
    workflow.registerSessionExtension(pluginId, extension as never);
    registrations.sessionExtensions.push({ pluginId, extension: extension as never });
  });
  const registerSessionSchedulerJob = simple("session.workflow.registerSessionSchedulerJob", "workflow", idOf, (job) => {
    workflow.registerSessionSchedulerJob(pluginId, job as never);
    registrations.sessionSchedulerJobs.push({ pluginId, job: job as never });
  });
  const registerSessionAction = simple("session.controls.registerSessionAction", "workflow", idOf, (action) => {
    registrations.sessionActions.push({ pluginId, action: action as never });
  });
  const registerControlUiDescriptor = simple("session.controls.registerControlUiDescriptor", "workflow", idOf, (descriptor) => {
    registrations.controlUiDescriptors.push({ pluginId, descriptor: descriptor as never });
  });
  const registerAgentEventSubscription = simple("agent.events.registerAgentEventSubscription", "workflow", idOf, (subscription) => {
    workflow.registerAgentEventSubscription(pluginId, subscription as never);
    registrations.agentEventSubscriptions.push({ pluginId, subscription: subscription as never });
  });
  const registerRuntimeLifecycle = simple("lifecycle.registerRuntimeLifecycle", "workflow", idOf, (lifecycle) => {
    workflow.registerRuntimeLifecycle(pluginId, lifecycle as never);
    registrations.runtimeLifecycles.push({ pluginId, lifecycle: lifecycle as never });
  });
  const emitAgentEvent: OpenClawPluginApi["agent"]["events"]["emitAgentEvent"] = (event) => {
    void workflow.emitAgentEvent(pluginId, event);
  };
  const runContext: OpenClawPluginApi["runContext"] = {
    setRunContext: ({ runId, key, value }) => workflow.setRunContext(pluginId, runId, key, value as PluginJsonValue),
    getRunContext: ({ runId, key }) => workflow.getRunContext(pluginId, runId, key),
    clearRunContext: ({ runId, key }) => workflow.clearRunContext(pluginId, runId, key),
  };
  const sendSessionAttachment: SessionWorkflow["sendSessionAttachment"] = (attachment) =>
    bundledOnlyCall("sendSessionAttachment", attachment?.sessionKey ?? "", () => {
      outbox.attachments.push({ pluginId, attachment });
      return { sent: true };
    });
  const scheduleSessionTurn: SessionWorkflow["scheduleSessionTurn"] = (turn) =>
    bundledOnlyCall("scheduleSessionTurn", turn?.sessionKey ?? "", () => {
      const jobId = `${pluginId}:turn:${outbox.scheduledTurns.length + 1}`;
      outbox.scheduledTurns.push({ pluginId, jobId, turn });
      return { jobId };
    });
  const unscheduleSessionTurnsByTag: SessionWorkflow["unscheduleSessionTurnsByTag"] = (p) =>
    bundledOnlyCall("unscheduleSessionTurnsByTag", p?.tag ?? "", () => {
      const before = outbox.scheduledTurns.length;
      outbox.scheduledTurns = outbox.scheduledTurns.filter(
        (t) => !(t.pluginId === pluginId && t.turn.tag === p.tag && (p.sessionKey === undefined || t.turn.sessionKey === p.sessionKey)),
      );
      return { removed: before - outbox.scheduledTurns.length };
    });

  const session: OpenClawPluginApi["session"] = {
    state: { registerSessionExtension },
    workflow: {
      enqueueNextTurnInjection,
      registerSessionSchedulerJob,
      sendSessionAttachment,
      scheduleSessionTurn,
      unscheduleSessionTurnsByTag,
    },
    controls: { registerSessionAction, registerControlUiDescriptor },
  };

  return {
    session,
    agent: { events: { registerAgentEventSubscription, emitAgentEvent } },
    runContext,
    lifecycle: { registerRuntimeLifecycle },

    registerSessionExtension: (e) => {
      deprecated("registerSessionExtension", "session.state.registerSessionExtension");
      registerSessionExtension(e);
    },
    enqueueNextTurnInjection: (i) => {
      deprecated("enqueueNextTurnInjection", "session.workflow.enqueueNextTurnInjection");
      return enqueueNextTurnInjection(i);
    },
    registerSessionSchedulerJob: (j) => {
      deprecated("registerSessionSchedulerJob", "session.workflow.registerSessionSchedulerJob");
      registerSessionSchedulerJob(j);
    },
    sendSessionAttachment: (a) => {
      deprecated("sendSessionAttachment", "session.workflow.sendSessionAttachment");
      return sendSessionAttachment(a);
    },
    scheduleSessionTurn: (t) => {
      deprecated("scheduleSessionTurn", "session.workflow.scheduleSessionTurn");
      return scheduleSessionTurn(t);
    },
    unscheduleSessionTurnsByTag: (p) => {
      deprecated("unscheduleSessionTurnsByTag", "session.workflow.unscheduleSessionTurnsByTag");
      return unscheduleSessionTurnsByTag(p);
    },
    registerSessionAction: (a) => {
      deprecated("registerSessionAction", "session.controls.registerSessionAction");
      registerSessionAction(a);
    },
    registerControlUiDescriptor: (d) => {
      deprecated("registerControlUiDescriptor", "session.controls.registerControlUiDescriptor");
      registerControlUiDescriptor(d);
    },
    registerAgentEventSubscription: (s) => {
      deprecated("registerAgentEventSubscription", "agent.events.registerAgentEventSubscription");
      registerAgentEventSubscription(s);
    },
    emitAgentEvent: (e) => {
      deprecated("emitAgentEvent", "agent.events.emitAgentEvent");
      emitAgentEvent(e);
    },
    setRunContext: (p) => {
      deprecated("setRunContext", "runContext.setRunContext");
      runContext.setRunContext(p);
    },
    getRunContext: (p) => {
      deprecated("getRunContext", "runContext.getRunContext");
      return runContext.getRunContext(p);
    },
    clearRunContext: (p) => {
      deprecated("clearRunContext", "runContext.clearRunContext");
      runContext.clearRunContext(p);
    },
    registerRuntimeLifecycle: (l) => {
      deprecated("registerRuntimeLifecycle", "lifecycle.registerRuntimeLifecycle");
      registerRuntimeLifecycle(l);
    },
  };
}
