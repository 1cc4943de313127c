import { describe, expect, it } from "vitest";
import {
  ClickSendAbortError,
  ClickSendApiError,
  ClickSendConnectionError,
  ClickSendError,
  ClickSendInvalidResponseError,
  ClickSendTimeoutError,
  createClickSendClient,
  isClickSendError,
  type Middleware,
} from "../src/index.js";
import { recordingFetch } from "./helpers/recording-fetch.js";

// The client keeps openapi-fetch's calling conventions (params, body, headers, parseAs,
// serializers, middleware); these pin them down against a recording fetch.
const ok = (data: unknown = null) => Response.json({ http_code: 200, response_code: "SUCCESS", response_msg: "ok", data });

function setup(answer: (r: Request) => Response | Promise<Response> = () => ok()) {
  const rec = recordingFetch(async (r) => answer(r));
  const logs: string[] = [];
  const clicksend = createClickSendClient({ username: "u", apiKey: "k", baseUrl: "https://api.example.com", fetch: rec.fetch, logger: { warn: (l) => void logs.push(l) } });
  return { clicksend, requests: rec.requests, logs };
}

describe("requests as openapi-fetch builds them", () => {
  it("has openapi-fetch's eight methods, each sending its own verb", async () => {
    const { clicksend, requests } = setup();
    // OPTIONS, HEAD and TRACE have no ClickSend operation, so no path type-checks for them.
    const call = (verb: keyof typeof clicksend) => (clicksend[verb] as (path: string) => Promise<unknown>)("/v3/account");
    const verbs = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD"] as const;
    for (const verb of verbs) await call(verb);
    expect(requests.map((r) => r.method)).toEqual([...verbs]);
    // fetch refuses TRACE outright, as it does for openapi-fetch.
    await expect(call("TRACE")).rejects.toThrow(/TRACE/);
    expect(requests).toHaveLength(verbs.length);
  });

  it("encodes path parameters and form-explodes query arrays", async () => {
    const { clicksend, requests } = setup();
    await clicksend.GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: "a/b c" as never } } });
    await clicksend.request("get", "/v3/sms/history", { params: { query: { q: "to:+61 411", order_by: "date:desc", ids: [1, 2], filter: { a: 1 }, empty: undefined } as never } });
    expect(requests[0]!.url).toBe("https://api.example.com/v3/sms/templates/a%2Fb%20c");
    expect(requests[1]!.url).toBe("https://api.example.com/v3/sms/history?q=to%3A%2B61%20411&order_by=date%3Adesc&ids=1&ids=2&filter[a]=1");
  });

  it("merges headers: client, call, params.header; null removes one", async () => {
    const rec = recordingFetch(async () => ok());
    const clicksend = createClickSendClient({ username: "u", apiKey: "k", fetch: rec.fetch, headers: { "x-app": "billing", "x-drop": "1" } });
    await clicksend.GET("/v3/account", { headers: { "x-call": "yes", "x-drop": null } });
    const headers = rec.requests[0]!.headers;
    expect(headers.get("x-app")).toBe("billing");
    expect(headers.get("x-call")).toBe("yes");
    expect(headers.has("x-drop")).toBe(false);
    expect(headers.has("content-type")).toBe(false);
  });

  it("sends JSON by default, form-encoded when asked, custom serializers when given", async () => {
    const { clicksend, requests } = setup();
    await clicksend.POST("/v3/sms/templates", { body: { template_name: "t", body: "b" } });
    await clicksend.POST("/v3/sms/templates", { body: { template_name: "t", body: "b" }, headers: { "content-type": "application/x-www-form-urlencoded" } });
    await clicksend.POST("/v3/sms/templates", { body: { template_name: "t", body: "b" }, bodySerializer: (b) => `custom:${JSON.stringify(b)}` });
    expect(requests[0]!.headers.get("content-type")).toBe("application/json");
    expect(await requests[0]!.text()).toBe('{"template_name":"t","body":"b"}');
    expect(await requests[1]!.text()).toBe("template_name=t&body=b");
    expect(await requests[2]!.text()).toBe('custom:{"template_name":"t","body":"b"}');
  });

  it("takes a querySerializer function, or openapi-fetch's style options", async () => {
    const { clicksend, requests } = setup();
    await clicksend.GET("/v3/sms/history", { params: { query: { limit: 5 } }, querySerializer: () => "limit=5&x=1" });
    expect(new URL(requests[0]!.url).search).toBe("?limit=5&x=1");
    const query = { ids: [1, 2], filter: { a: 1, b: 2 } } as never;
    await clicksend.GET("/v3/sms/history", { params: { query }, querySerializer: { array: { style: "pipeDelimited", explode: false }, object: { style: "form", explode: false } } });
    expect(new URL(requests[1]!.url).search).toBe("?ids=1|2&filter=a,1,b,2");
  });

  it("returns text, blobs and streams for parseAs", async () => {
    const { clicksend } = setup(() => new Response("a,b\n1,2", { headers: { "content-type": "text/csv" } }));
    const { data } = await clicksend.GET("/v3/sms/history/export", { params: { query: { filename: "h.csv" } }, parseAs: "text" } as never);
    expect(data).toBe("a,b\n1,2");
  });
});

describe("middleware as in openapi-fetch", () => {
  it("runs onRequest in order and onResponse in reverse, with the schema path", async () => {
    const { clicksend } = setup();
    const seen: string[] = [];
    const m = (name: string): Middleware => ({
      onRequest: ({ schemaPath, request }) => void seen.push(`${name}>${schemaPath}>${request.method}`),
      onResponse: ({ response }) => void seen.push(`${name}<${response.status}`),
    });
    clicksend.use(m("a"), m("b"));
    await clicksend.GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: 1 } }, middleware: [m("call")] });
    expect(seen).toEqual(["a>/v3/sms/templates/{template_id}>GET", "b>/v3/sms/templates/{template_id}>GET", "call>/v3/sms/templates/{template_id}>GET", "call<200", "b<200", "a<200"]);
  });

  it("sends the body a middleware put in the request, and the same body on every attempt", async () => {
    let n = 0;
    const { clicksend, requests } = setup(() => (++n === 1 ? Response.json({ http_code: 503, response_code: "X", response_msg: "busy" }, { status: 503 }) : ok()));
    clicksend.use({ onRequest: ({ request }) => new Request(request, { body: '{"messages":[{"to":"+61400000000","body":"rewritten"}]}' }) });
    await clicksend.POST("/v3/sms/price", { body: { messages: [{ to: "+61411111111", body: "hi" }] }, retry: { minDelayMs: 0, maxDelayMs: 0 } });
    expect(requests).toHaveLength(2);
    for (const request of requests) expect(await request.json()).toEqual({ messages: [{ to: "+61400000000", body: "rewritten" }] });
  });

  it("lets onRequest answer without a request, and eject remove a middleware", async () => {
    const { clicksend, requests } = setup();
    const cache: Middleware = { onRequest: () => ok({ cached: true }) };
    clicksend.use(cache);
    expect((await clicksend.GET("/v3/account")).data?.data).toEqual({ cached: true });
    expect(requests).toHaveLength(0);
    clicksend.eject(cache);
    await clicksend.GET("/v3/account");
    expect(requests).toHaveLength(1);
  });

  it("lets onError turn a transport failure into a response", async () => {
    const { clicksend } = setup(() => {
      throw new TypeError("fetch failed");
    });
    clicksend.use({ onError: () => ok({ fallback: true }) });
    expect((await clicksend.GET("/v3/account", { retry: false })).data?.data).toEqual({ fallback: true });
  });

  it("passes a middleware's own errors through unchanged", async () => {
    const { clicksend } = setup();
    const bug = new RangeError("bug in my middleware");
    clicksend.use({ onRequest: () => Promise.reject(bug) });
    await expect(clicksend.POST("/v3/sms/send", { body: { messages: [] } })).rejects.toBe(bug);
  });

  it("refuses middleware that is not one", () => {
    const { clicksend } = setup();
    expect(() => clicksend.use("logger" as never)).toThrow(/Middleware must be an object/);
  });

  it("runs middleware once per call: retries happen below it, in the client's fetch", async () => {
    let n = 0;
    const { clicksend, requests } = setup(() => (++n === 1 ? Response.json({ http_code: 503, response_code: "X", response_msg: "busy" }, { status: 503 }) : ok()));
    const seen: string[] = [];
    clicksend.use({ onRequest: () => void seen.push("request"), onResponse: ({ response }) => void seen.push(`response ${response.status}`) });
    await clicksend.GET("/v3/account", { retry: { minDelayMs: 0, maxDelayMs: 0 } });
    expect(requests).toHaveLength(2);
    expect(seen).toEqual(["request", "response 200"]);
  });
});

describe("logging", () => {
  it("warns once per client when a deprecated operation is called", async () => {
    const { clicksend, logs } = setup();
    await clicksend.PUT("/v3/sms/receipts-read/{message_id}", { params: { path: { message_id: "M1" } } } as never);
    await clicksend.PUT("/v3/sms/receipts-read/{message_id}", { params: { path: { message_id: "M2" } } } as never);
    expect(logs).toEqual(["clicksend: markSmsReceiptAsRead (PUT /v3/sms/receipts-read/{message_id}) is deprecated in the ClickSend API"]);
  });
});

describe("error classes", () => {
  const details = { operation: "POST /v3/sms/send", retryable: false, maybeDelivered: false, attempts: 1 };
  const classes = [ClickSendError, ClickSendApiError, ClickSendInvalidResponseError, ClickSendConnectionError, ClickSendTimeoutError, ClickSendAbortError];

  it.each(classes.map((c) => [c.errorName, c] as const))("%s names itself in name, String() and the stack, and stays a ClickSendError", (name, Class) => {
    const error = new Class("boom", { ...details, status: 500 });
    expect(error.name).toBe(name);
    expect(String(error)).toBe(`${name}: boom`);
    expect(error.stack?.split("\n")[0]).toBe(`${name}: boom`);
    expect(error).toBeInstanceOf(ClickSendError);
    expect(error).toBeInstanceOf(Error);
    expect(isClickSendError(error)).toBe(true);
    // Only the details are data: name and the brand do not show in keys; JSON names the error once.
    expect(Object.keys(error).sort()).toEqual(["attempts", "maybeDelivered", "operation", "retryable", "status"]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name, message: "boom", ...details, status: 500 });
  });

  it("keeps the subclass chain: an invalid response is an API error", () => {
    const error = new ClickSendInvalidResponseError("not JSON", { ...details, status: 502 });
    expect(error).toBeInstanceOf(ClickSendApiError);
    expect(error).not.toBeInstanceOf(ClickSendConnectionError);
  });

  it("lets code rename an error, as some loggers and frameworks do", () => {
    const error = new ClickSendTimeoutError("slow", details);
    error.name = "Renamed";
    expect(error.name).toBe("Renamed");
    expect(new ClickSendTimeoutError("slow", details).name).toBe("ClickSendTimeoutError");
  });
});
