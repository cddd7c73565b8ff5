/**
 * Shape classification of a plugin from its registrations (see `shapes.ts` for the rules).
 */
import type { PluginRegistrations } from "./registry.js";
import { type PluginCapabilityKind, type PluginShape, classifyPluginShape } from "./shapes.js";

/** Counts accepted registrations that are neither capabilities nor hooks (for the shape classifier). */
function otherRegistrationCount(r: PluginRegistrations): number {
  return (
    r.tools.length +
    r.commands.length +
    r.gatewayMethods.length +
    r.httpRoutes.length +
    r.cliCommands.length +
    r.services.length +
    r.trustedToolPolicies.length +
    r.toolResultMiddleware.length +
    r.toolMetadata.length +
    r.interactiveHandlers.length +
    r.memorySupplements.length +
    r.sessionExtensions.length +
    r.sessionSchedulerJobs.length +
    r.sessionActions.length +
    r.controlUiDescriptors.length +
    r.agentEventSubscriptions.length +
    r.runtimeLifecycles.length +
    r.conversationBindingListeners.length
  );
}

/**
 * Derives shape and capability kinds from registrations.
 *
 * @example
 * ```ts
 * shapeOf(createEmptyRegistrations()); // { shape: "non-capability", capabilities: [] }
 * ```
 */
export function shapeOf(registrations: PluginRegistrations): { shape: PluginShape; capabilities: PluginCapabilityKind[] } {
  return classifyPluginShape({
    capabilityKinds: [...registrations.channels.map(() => "channel" as const), ...registrations.providers.map((p) => p.kind)],
    hookCount: registrations.hooks.length + registrations.internalHooks.length,
    otherCount: otherRegistrationCount(registrations),
  });
}

