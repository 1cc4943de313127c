// ClickSend's own Node SDK (npm `clicksend`) as a conformance test of our spec: every operation of
// every `*Api` class is called with realistic arguments against Prism serving the bundle. Prism
// validates each request against the spec and answers with the spec's example; the SDK must send a
// request the spec accepts and hand back the answer it got.
//
// Between the SDK and Prism sits a recording pass-through, so a failure shows the exact request the
// SDK sent and Prism's answer, and the test can compare what the SDK returns with what Prism said.
// It also fails a request Prism lets through but that carries a query parameter or body field the
// spec does not declare (see undeclared.ts). Known SDK defects: `sdk-defects:` in decisions.yaml.
//
// CLICKSEND_BUNDLE=/path/to/openapi.yaml runs it against another bundle (e.g. the spec in progress).
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledSpecPath, forward, startPrism, startRecordingServer, type RecordedRequest, type RecordingServer, type RunningServer } from "@clicksend-kit/mock";
import { ARGUMENTS } from "./arguments.js";
import { DECISIONS_FILE, readSdkDefects, type SdkDefect } from "./defects.js";
import { SDK_VERSION, apiClasses, model, operations, type SdkResult } from "./sdk.js";
import { loadSpec, undeclared } from "./undeclared.js";

const USERNAME = "corner-bakery";
const API_KEY = "5A1C9B7E-2F3D-4E6A-8B0C-1D2E3F4A5B6C";

const SPEC_FILE = process.env.CLICKSEND_BUNDLE || bundledSpecPath;
const spec = loadSpec(SPEC_FILE);

const classes = apiClasses();
const ops = operations();
const opKeys = new Set(ops.map((o) => o.key));
const defects = readSdkDefects();
const defectByKey = new Map<string, SdkDefect>(defects.map((d) => [`${d.api}.${d.method}`, d]));

interface Exchange {
  request: RecordedRequest;
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Outcome {
  ok: boolean;
  /** Why it does not conform: the request, Prism's status and validation messages. */
  problem?: string;
}

let prism: RunningServer | undefined;
let proxy: RecordingServer | undefined;
const exchanges: Exchange[] = [];
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  prism = await startPrism({ spec: SPEC_FILE });
  const target = prism.url;
  proxy = await startRecordingServer(async (request) => {
    const reply = await forward(request, target);
    exchanges.push({ request, status: reply.status ?? 0, headers: reply.headers ?? {}, body: String(reply.body ?? "") });
    return reply;
  });
}, 240_000);

afterAll(async () => {
  await proxy?.stop();
  await prism?.stop();
});

/** Prism's validation messages: the problem document's `validation` list and the `sl-violations` header. */
function prismMessages(exchange: Exchange): string[] {
  const out: string[] = [];
  try {
    const problem = JSON.parse(exchange.body) as { title?: string; detail?: string; validation?: { location?: string[]; message?: string }[] };
    if (Array.isArray(problem.validation)) {
      for (const v of problem.validation) out.push(`${(v.location ?? []).join(".")}: ${v.message ?? "?"}`);
    } else if (problem.title || problem.detail) {
      out.push([problem.title, problem.detail].filter(Boolean).join(": "));
    }
  } catch {
    // not JSON: fall through to the header / raw body
  }
  const header = exchange.headers["sl-violations"];
  if (header) {
    try {
      for (const v of JSON.parse(header) as { location?: string[]; message?: string }[]) out.push(`${(v.location ?? []).join(".")}: ${v.message ?? "?"}`);
    } catch {
      out.push(header);
    }
  }
  if (out.length === 0) out.push(exchange.body.slice(0, 500));
  return [...new Set(out)];
}

function describeExchange(exchange: Exchange | undefined): string {
  if (!exchange) return "  (no request reached Prism)";
  const { request } = exchange;
  const lines = [`  sent: ${request.method} ${request.url}`];
  if (request.body) lines.push(`  body: ${request.body}`);
  lines.push(`  Prism answered ${exchange.status}:`);
  for (const m of prismMessages(exchange)) lines.push(`    ${m}`);
  return lines.join("\n");
}

/** Calls one SDK operation through the proxy and decides whether it conforms. */
async function drive(api: string, method: string, args: unknown[], basePath = "/v3"): Promise<Outcome> {
  const Api = classes.get(api)!;
  const client = new Api(USERNAME, API_KEY);
  client.basePath = `${proxy!.url}${basePath}`;
  const before = exchanges.length;
  let settled: { resolved: boolean; value: unknown };
  try {
    const value = await (client[method] as (...a: unknown[]) => Promise<SdkResult>)(...args);
    settled = { resolved: true, value };
  } catch (error) {
    settled = { resolved: false, value: error };
  }
  const sent = exchanges.slice(before);
  if (sent.length !== 1) {
    const why = settled.value instanceof Error ? settled.value.message : "";
    return { ok: false, problem: `expected one request, the SDK sent ${sent.length}${why ? ` (${why})` : ""}` };
  }
  const exchange = sent[0]!;
  if (exchange.status < 200 || exchange.status > 299) {
    return { ok: false, problem: describeExchange(exchange) };
  }
  if (!settled.resolved) {
    const why = settled.value instanceof Error ? settled.value.message : JSON.stringify(settled.value).slice(0, 300);
    return { ok: false, problem: `Prism answered ${exchange.status} but the SDK's promise rejected: ${why}` };
  }
  // The SDK runs `request` with `json: true`: a JSON answer must come back parsed, as Prism sent it.
  const { body } = settled.value as SdkResult;
  let expected: unknown = exchange.body;
  try {
    expected = JSON.parse(exchange.body);
  } catch {
    // a non-JSON answer stays a string
  }
  if (!isDeepStrictEqual(body, expected)) {
    return { ok: false, problem: `the SDK's body differs from Prism's answer:\n  SDK:   ${JSON.stringify(body).slice(0, 300)}\n  Prism: ${exchange.body.slice(0, 300)}` };
  }
  if (typeof expected !== "object" || expected === null || !("response_code" in expected)) {
    return { ok: false, problem: `Prism's answer is not ClickSend's envelope: ${exchange.body.slice(0, 300)}` };
  }
  // Prism lets unknown query parameters and body fields through; ClickSend would drop them silently.
  const unknown = undeclared(spec, exchange.request.method, exchange.request.url, exchange.request.body);
  if (unknown.length) {
    return {
      ok: false,
      problem: `  sent: ${exchange.request.method} ${exchange.request.url}\n${exchange.request.body ? `  body: ${exchange.request.body}\n` : ""}  Prism accepted it, but the spec declares no ${unknown.join(", ")}`,
    };
  }
  return { ok: true };
}

describe(`ClickSend's Node SDK (clicksend ${SDK_VERSION}) against Prism of the spec`, () => {
  it("finds the SDK's Api classes and operations by reflection", () => {
    expect(classes.size).toBeGreaterThan(0);
    expect(ops.length).toBeGreaterThan(classes.size);
  });

  it("has an arguments entry for every SDK operation, and none for an operation the SDK lacks", () => {
    const missing = ops.filter((o) => !(o.key in ARGUMENTS)).map((o) => o.key);
    const unknown = Object.keys(ARGUMENTS).filter((k) => !opKeys.has(k));
    expect(missing, "SDK operations with no entry in test/arguments.ts").toEqual([]);
    expect(unknown, "entries in test/arguments.ts that name no SDK operation").toEqual([]);
  });

  it(`names only real SDK operations under sdk-defects: in ${DECISIONS_FILE}`, () => {
    const unknown = defects
      .filter((d) => !opKeys.has(`${d.api}.${d.method}`))
      .map((d) => `${d.api}.${d.method}${classes.has(d.api) ? " (no such method)" : " (no such Api class)"}`);
    expect(unknown).toEqual([]);
  });

  it("fails a call Prism rejects, and shows the request and Prism's message", async () => {
    const noBody = model("SmsMessageCollection", { messages: [model("SmsMessage", { to: "+61411111111", source: "nodejs" })] });
    const outcome = await drive("SMSApi", "smsSendPost", [noBody]);
    expect(outcome.ok).toBe(false);
    expect(outcome.problem).toContain("sent: POST /v3/sms/send");
    expect(outcome.problem).toMatch(/body/);
  });

  it("fails a call to a path the spec does not have", async () => {
    const outcome = await drive("AccountApi", "accountGet", [], "/v2");
    expect(outcome.ok).toBe(false);
    expect(outcome.problem).toContain("sent: GET /v2/account");
    expect(outcome.problem).toContain("Prism answered 404");
  });

  for (const { key, api, method } of ops) {
    const defect = defectByKey.get(key);
    it(`${key}${defect ? " (known SDK defect)" : ""}`, async () => {
      const args = ARGUMENTS[key];
      if (!args) throw new Error(`${key} has no entry in test/arguments.ts: add realistic arguments for it`);
      const outcome = await drive(api, method, args());
      outcomes.set(key, outcome);
      if (defect) {
        if (outcome.ok) {
          throw new Error(`${key} now conforms: remove its stale sdk-defects entry from ${DECISIONS_FILE} ("${defect.defect}")`);
        }
        return;
      }
      if (!outcome.ok) throw new Error(`${key} does not conform:\n${outcome.problem}`);
    });
  }

  it("prints what it drove", () => {
    const driven = [...outcomes.keys()];
    const conforming = driven.filter((k) => outcomes.get(k)!.ok).length;
    const known = driven.filter((k) => defectByKey.has(k) && !outcomes.get(k)!.ok).length;
    const failing = driven.length - conforming - known;
    const classesDriven = new Set(driven.map((k) => k.split(".")[0])).size;
    const lines = [
      `drove ${driven.length} operations of ${classesDriven} Api classes: ${conforming} conform, ${known} known SDK defects` +
        (failing ? `, ${failing} fail` : ""),
    ];
    for (const key of driven) {
      const outcome = outcomes.get(key)!;
      const defect = defectByKey.get(key);
      if (defect && !outcome.ok) lines.push(`  known SDK defect ${key}: ${defect.defect}`);
      else if (!outcome.ok) lines.push(`  FAIL ${key}`);
    }
    console.log(lines.join("\n"));
    expect(driven.length).toBe(ops.length);
  });
});
