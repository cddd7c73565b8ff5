/**
 * Routes, gateway and service registrations: HTTP routes, gateway methods (with their scope), gateway discovery
 * services, background services and interactive handlers.
 */
import type { OpenClawPluginApiBase } from "../../contract/plugin-api.js";
import { resolveGatewayMethodScope } from "../../entry/gateway-scope.js";
import { type RegistrationContext, describeValue, idOf, isRecord } from "./context.js";

/** The route, gateway and service methods of the api. */
export type RoutesAndGatewayApi = Pick<
  OpenClawPluginApiBase,
  "registerHttpRoute" | "registerGatewayMethod" | "registerGatewayDiscoveryService" | "registerService" | "registerConnectivityCheck" | "registerInteractiveHandler"
>;

/**
 * Builds the route, gateway and service registration methods of one plugin's api.
 *
 * @example
 * ```ts
 * const routes = createRoutesAndGatewayApi(createRegistrationContext(params));
 * routes.registerHttpRoute({ path: "/hook", auth: "plugin", handler: (req, res) => res.end() });
 * ```
 */
export function createRoutesAndGatewayApi(ctx: RegistrationContext): RoutesAndGatewayApi {
  const { pluginId, registrations, diagnostics, workflow, log, invalid, modeAccepts, simple } = ctx;
  return {
    registerHttpRoute(route) {
      const method = "registerHttpRoute";
      if (typeof route === "string") {
        // registerHttpRoute("/path", handler, opts): an older calling form; the route is dropped, as the gateway does.
        if (!modeAccepts(method, route, "http-route")) return;
        invalid(
          method,
          route,
          `takes one object { path, handler, auth, match? }, not positional arguments; call registerHttpRoute({ path: ${JSON.stringify(route)}, handler, auth: "plugin" })`,
        );
        return;
      }
      const path = isRecord(route) && typeof route.path === "string" ? route.path : "";
      if (!modeAccepts(method, path, "http-route")) return;
      if (!path.startsWith("/")) {
        invalid(method, path, `path must start with "/", got ${JSON.stringify(path)}`);
        return;
      }
      if (route.auth !== "gateway" && route.auth !== "plugin") {
        invalid(method, path, `auth must be "gateway" or "plugin", got ${describeValue(route.auth)}`);
        return;
      }
      if (typeof route.handler !== "function") {
        invalid(method, path, "needs a handler(req, res) function");
        return;
      }
      const match = route.match ?? "exact";
      const existing = registrations.httpRoutes.findIndex((r) => r.path === path && r.match === match);
      if (existing >= 0 && route.replaceExisting !== true) {
        invalid(method, path, `route ${path} is already registered; pass replaceExisting: true to replace it`);
        return;
      }
      if (existing >= 0) registrations.httpRoutes.splice(existing, 1);
      registrations.httpRoutes.push({ pluginId, path, auth: route.auth, match, handler: route.handler });
      log(method, path, true);
    },
    registerGatewayMethod(name, handler, opts) {
      const method = "registerGatewayMethod";
      const label = typeof name === "string" ? name.trim() : "";
      if (!modeAccepts(method, label, "gateway-method")) return;
      if (!label || typeof handler !== "function") {
        invalid(method, label, "needs a non-empty method name and a handler function");
        return;
      }
      if (registrations.gatewayMethods.some((m) => m.method === label)) {
        invalid(method, label, `gateway method "${label}" is already registered by this plugin`);
        return;
      }
      const scope = resolveGatewayMethodScope(label, opts);
      if (opts?.scope && opts.scope !== scope) {
        diagnostics.push({
          level: "info",
          code: "gateway-method-admin-scope",
          path: "registerGatewayMethod",
          message: `gateway method "${label}" of plugin "${pluginId}" is in a reserved admin namespace, so its scope is operator.admin (requested ${opts.scope}).`,
        });
      }
      registrations.gatewayMethods.push({ pluginId, method: label, scope, handler });
      log(method, label, true);
    },
    registerGatewayDiscoveryService(service) {
      const method = "registerGatewayDiscoveryService";
      const id = idOf(service);
      if (!modeAccepts(method, id, "capability")) return;
      if (!id || typeof service.advertise !== "function") {
        invalid(method, id, "a discovery service needs an id and an advertise(ctx) function");
        return;
      }
      registrations.gatewayDiscoveryServices.push({ pluginId, id, service });
      registrations.providers.push({ pluginId, kind: "gateway-discovery", method, id, value: service });
      workflow.registerDiscoveryService(pluginId, service);
      log(method, id, true);
    },
    registerService(service) {
      const method = "registerService";
      const id = idOf(service);
      if (!modeAccepts(method, id, "service")) return;
      if (!id || typeof service.start !== "function") {
        invalid(method, id, "a service needs an id and a start(ctx) function");
        return;
      }
      registrations.services.push({ pluginId, id, service });
      log(method, id, true);
    },
    registerConnectivityCheck(check) {
      const method = "registerConnectivityCheck";
      if (!modeAccepts(method, pluginId, "service")) return;
      if (typeof check !== "function") {
        invalid(method, pluginId, "takes one function: api.registerConnectivityCheck(async ({ config, signal }) => ({ ok: true, message }))");
        return;
      }
      // One check per plugin: the last registration wins.
      registrations.connectivityChecks.splice(0, registrations.connectivityChecks.length, { pluginId, check });
      log(method, pluginId, true);
    },
    registerInteractiveHandler: simple(
      "registerInteractiveHandler",
      "workflow",
      (r: { channel?: string; namespace?: string }) => `${r?.channel ?? ""}:${r?.namespace ?? ""}`,
      (registration) => registrations.interactiveHandlers.push({ pluginId, registration: registration as never }),
    ),
  };
}
