/**
 * The hook name union (its own module so config types can name hooks without a cycle). Types only.
 *
 * @packageDocumentation
 */

/**
 * Every hook name a plugin may pass to `api.on(...)`. Names outside this set are warned about and ignored
 * by the host.
 *
 * @example
 * ```ts
 * const name: PluginHookName = "before_tool_call";
 * ```
 */
export type PluginHookName =
  | "before_model_resolve"
  | "agent_turn_prepare"
  | "before_prompt_build"
  | "before_agent_reply"
  | "model_call_started"
  | "model_call_ended"
  | "llm_input"
  | "llm_output"
  | "before_agent_finalize"
  | "agent_end"
  | "before_compaction"
  | "after_compaction"
  | "before_reset"
  | "inbound_claim"
  | "channel_pairing_requested"
  | "message_received"
  | "message_sending"
  | "reply_payload_sending"
  | "message_sent"
  | "before_tool_call"
  | "after_tool_call"
  | "tool_result_persist"
  | "before_message_write"
  | "session_start"
  | "session_end"
  | "subagent_delivery_target"
  | "subagent_spawned"
  | "subagent_progress"
  | "subagent_ended"
  | "gateway_start"
  | "gateway_stop"
  | "heartbeat_prompt_contribution"
  | "cron_reconciled"
  | "cron_changed"
  | "skill_proposal_evaluate"
  | "skill_proposal_changed"
  | "skill_changed"
  | "before_dispatch"
  | "reply_dispatch"
  | "before_install"
  | "before_agent_run"
  | "resolve_exec_env";
