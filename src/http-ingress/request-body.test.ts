import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJsonBodyWithLimit, readRequestBodyWithLimit, requestBodyErrorToText } from "./request-body.js";

let handler: (req: IncomingMessage) => Promise<unknown> = async () => ({});
const server = createServer((req, res) => {
  handler(req).then(
    (value) => res.end(JSON.stringify(value)),
    (error: Error & { code?: string }) => res.end(JSON.stringify({ error: error.code ?? error.message })),
  );
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function post(body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/" }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text)));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("webhook bodies", () => {
  it("reads bodies within the limit and rejects larger ones", async () => {
    handler = (req) => readRequestBodyWithLimit(req, { maxBytes: 10 });
    expect(await post("hello")).toBe("hello");
    expect(await post("x".repeat(11))).toEqual({ error: "PAYLOAD_TOO_LARGE" });
  });

  it("parses JSON and reports invalid JSON without throwing", async () => {
    handler = (req) => readJsonBodyWithLimit(req, { maxBytes: 100 });
    expect(await post('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(await post("")).toEqual({ ok: true, value: {} });
    expect(((await post("{")) as { error: string }).error).toMatch(/^Invalid JSON/);
    expect(requestBodyErrorToText("REQUEST_BODY_TIMEOUT")).toBe("Request body timeout");
  });
});
