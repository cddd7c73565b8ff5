/**
 * The envelope around an inbound channel message: resolve the agent route, the session store, the time since the
 * session was last active, and format the body with the gateway's envelope options (`api.runtime.channel`).
 *
 * @packageDocumentation
 */

export { createInboundEnvelopeBuilder, resolveInboundRouteEnvelopeBuilder, resolveInboundRouteEnvelopeBuilderWithRuntime } from "../channel-runtime/inbound-envelope.js";
export type {
  InboundEnvelopeBuilder,
  InboundEnvelopeFormatParams,
  InboundEnvelopeFunctions,
  InboundEnvelopeInput,
  InboundRouteEnvelopeRuntime,
  InboundRouteLike,
  InboundRoutePeerLike,
  InboundRouteResolveParams,
} from "../channel-runtime/inbound-envelope.js";
