import createClient from "openapi-fetch";
import { ClickSendConfigError } from "@clicksend-kit/client";
import {
  authorizer,
  bearerAuthorization,
  buildOperationTree,
  createClickSendError,
  createLog,
  credentialForms,
  fetchTransport,
  platformTransport,
  redactor,
  requireCredential,
  resolveBaseUrl,
  resolveIn,
  retryingFetch,
  retryPolicy,
  transportOptions,
  defaultUserAgent,
  type CallRecord,
  type RouteRuntime,
  type TransportOptions,
} from "@clicksend-kit/client/route";
import type { components, paths } from "./generated/maton-openapi.js";

/** Maton's control plane, where connections are managed. */
export const MATON_CONTROL_URL = "https://ctrl.maton.ai";

/** One Maton connection (its `connection_id` is what `Maton-Connection` takes). */
export type MatonConnection = components["schemas"]["MatonConnection"];

/** `fetch`, `timeoutMs`, `retry`, `logger`, `logLevel` and `maxResponseBytes` work as on the clients. */
export interface MatonConnectionsOptions extends Omit<TransportOptions, "headers"> {
  /** Maton API key. Defaults to the `MATON_API_KEY` environment variable. */
  apiKey?: string;
  /** Control-plane host (default `https://ctrl.maton.ai`). */
  baseUrl?: string;
}

export interface MatonConnections {
  /** Your connections, optionally only one app's (`"clicksend"`) and one status (`"ACTIVE"`). */
  list(filter?: { app?: string; status?: string }): Promise<MatonConnection[]>;
  /** Starts a connection to `app`; open its `url` to finish connecting. Not retried: each call creates one. */
  create(input: { app: string }): Promise<MatonConnection>;
  get(connectionId: string): Promise<MatonConnection>;
  delete(connectionId: string): Promise<void>;
}

const ROUTE = "createMatonConnections";

/** Maton's connection operations: reads and deletes may be sent twice, a create may not. */
const MATON_OPERATIONS = buildOperationTree({
  GET: {
    "/connections": { operationId: "listMatonConnections", idempotent: true },
    "/connections/{connection_id}": { operationId: "getMatonConnection", idempotent: true },
  },
  POST: { "/connections": { operationId: "createMatonConnection", idempotent: false } },
  DELETE: { "/connections/{connection_id}": { operationId: "deleteMatonConnection", idempotent: true } },
});

function connectionPath(connectionId: string): { connection_id: string } {
  if (typeof connectionId !== "string" || connectionId.trim() === "" || /^\.{1,2}$/.test(connectionId.trim())) {
    throw new ClickSendConfigError(`${ROUTE}: a connection ID must be a non-empty string other than "." or "..".`, "connectionId");
  }
  return { connection_id: connectionId.trim() };
}

/**
 * Manages the Maton connections that hold your ClickSend credentials, on Maton's control
 * plane (Bearer `MATON_API_KEY`), with the clients' retries, timeouts, redaction and logging.
 * Failures throw the client's error classes: a Maton error answer is a `ClickSendApiError`
 * (`responseCode: "MATON_ERROR"`, Maton's message in `responseMsg`), no answer at all a
 * `ClickSendConnectionError` or `ClickSendTimeoutError`.
 */
export function createMatonConnections(options: MatonConnectionsOptions = {}): MatonConnections {
  const apiKey = requireCredential(options.apiKey, "apiKey", "MATON_API_KEY", ROUTE);
  const baseUrl = resolveBaseUrl(options.baseUrl, MATON_CONTROL_URL, ROUTE);
  const checked = transportOptions(options, ROUTE);
  const authorization = bearerAuthorization(apiKey);
  const redact = redactor(credentialForms(authorization));
  const runtime: RouteRuntime = {
    authorize: authorizer(authorization, new URL(baseUrl).origin),
    resolve: (method, path) => resolveIn(MATON_OPERATIONS, method, path),
    adaptResponse: undefined,
    log: createLog(checked.logger, checked.logLevel, redact),
    redact,
    userAgent: defaultUserAgent(),
    warned: new Set(),
  };
  const transport = checked.fetch ? fetchTransport(checked.fetch) : platformTransport;
  const client = createClient<paths>({ baseUrl });
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");

  /** The `fetch` of one call, and what it learns about the call. */
  function callFetch() {
    const record: CallRecord = { attempts: 0 };
    const fetch = retryingFetch(runtime, {
      transport,
      timeoutMs: checked.timeoutMs ?? 30_000,
      retry: retryPolicy(checked.retry, undefined),
      signal: undefined,
      maxResponseBytes: checked.maxResponseBytes ?? 32 * 1024 * 1024,
      basePath,
      record,
    });
    return { fetch, record };
  }

  async function settle<T>(method: string, path: string, call: (fetch: ReturnType<typeof callFetch>["fetch"]) => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    const { fetch, record } = callFetch();
    const { data, error, response } = await call(fetch);
    if (response.ok && data !== undefined) return data;
    const body = (typeof error === "object" && error !== null ? error : {}) as { error?: unknown; message?: unknown };
    const said = [body.message, body.error].find((v): v is string => typeof v === "string" && v !== "");
    const envelope = { http_code: response.status, response_code: "MATON_ERROR", response_msg: said ?? `Maton answered HTTP ${response.status}`, data: error ?? null };
    throw createClickSendError(
      { method, path: record.path ?? path, operation: record.operation ?? runtime.resolve(method, path), attempts: record.attempts, redact },
      { kind: "response", response, body: envelope },
    );
  }

  return {
    async list(filter = {}) {
      const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
      const data = await settle("GET", "/connections", (fetch) => client.GET("/connections", { params: { query }, fetch }));
      return data.connections;
    },
    async create(input) {
      if (typeof input?.app !== "string" || input.app.trim() === "") {
        throw new ClickSendConfigError(`${ROUTE}: create() needs \`app\`, e.g. { app: "clicksend" }.`, "app");
      }
      const data = await settle("POST", "/connections", (fetch) => client.POST("/connections", { body: { app: input.app }, fetch }));
      return data.connection;
    },
    async get(connectionId) {
      const path = connectionPath(connectionId);
      const data = await settle("GET", "/connections/{connection_id}", (fetch) => client.GET("/connections/{connection_id}", { params: { path }, fetch }));
      return data.connection;
    },
    async delete(connectionId) {
      const path = connectionPath(connectionId);
      await settle("DELETE", "/connections/{connection_id}", (fetch) => client.DELETE("/connections/{connection_id}", { params: { path }, fetch }));
    },
  };
}
