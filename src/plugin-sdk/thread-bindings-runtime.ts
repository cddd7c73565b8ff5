/**
 * Session binding adapters: which conversation (thread) is bound to which session, registered per channel account.
 *
 * @packageDocumentation
 */

export { getSessionBindingAdapter, registerSessionBindingAdapter, unregisterSessionBindingAdapter } from "../session-bindings/session-binding-adapters.js";
export type { BindingStatus, BindingTargetKind, ConversationRef, SessionBindingAdapter, SessionBindingAdapterCapabilities, SessionBindingBindInput, SessionBindingPlacement, SessionBindingRecord, SessionBindingUnbindInput } from "../session-bindings/session-binding-adapters.js";
