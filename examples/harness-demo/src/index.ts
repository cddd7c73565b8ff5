/**
 * Harness demo: one tool, one command, a gateway method, an HTTP route, a service and two hooks — everything the published
 * test harness can drive in-process. See ../test/harness-demo.test.ts.
 */
import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";

/** Plugin config, as declared by `configSchema` in openclaw.plugin.json (defaults applied by the host). */
interface HarnessDemoConfig {
  greeting: string;
  blockedTools: string[];
  signature?: string;
}

export default definePluginEntry({
  id: "harness-demo",
  name: "Harness demo",
  description: "Greets people, guards tools and signs outgoing messages.",
  register(api) {
    const config = api.pluginConfig as unknown as HarnessDemoConfig;
    const greet = (name: string) => `${config.greeting}, ${name}!`;

    api.registerTool({
      name: "greet",
      description: "Greet someone by name.",
      parameters: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
      async execute(_toolCallId, params: { name: string }) {
        return { content: [{ type: "text", text: greet(params.name) }] };
      },
    });

    api.registerCommand({
      name: "greet",
      description: "Greet the sender.",
      acceptsArgs: true,
      handler: (ctx) => ({ text: greet(ctx.args?.trim() || ctx.senderId || "there") }),
    });

    api.registerGatewayMethod("harness-demo.status", ({ respond }) => {
      respond(true, { greeting: config.greeting, blockedTools: config.blockedTools });
    });

    api.registerHttpRoute({
      path: "/harness-demo/ping",
      auth: "plugin",
      handler: (_req, res) => {
        res.statusCode = 200;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ pong: true }));
        return true;
      },
    });

    api.registerService({
      id: "harness-demo.greeter",
      start: (ctx) => ctx.logger.info(`greeter up (${config.greeting})`),
      stop: (ctx) => ctx.logger.info("greeter down"),
    });

    api.on(
      "before_tool_call",
      (event) =>
        config.blockedTools.includes(event.toolName)
          ? { block: true, blockReason: `${event.toolName} is blocked by harness-demo` }
          : undefined,
      { priority: 10 },
    );

    api.on("message_sending", (event) =>
      config.signature ? { content: `${event.content}\n-- ${config.signature}` } : undefined,
    );
  },
});
