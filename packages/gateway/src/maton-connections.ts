import createClient from "openapi-fetch";
import {
  authorizedFetch,
  bearerAuthorization,
  ClickSendApiError,
  ClickSendConfigError,
  ClickSendConnectionError,
  requireCredential,
  resolveBaseUrl,
  type FetchLike,
} from "@clicksend-kit/client";
import type { components, paths } from "./generated/maton-openapi.js";

/** Maton's control plane, where connections are managed. */
export const MATON_CONTROL_URL = "https://ctrl.maton.ai";

/** One Maton connection (its `connection_id` is what `Maton-Connection` takes). */
export type MatonConnection = components["schemas"]["MatonConnection"];

export interface MatonConnectionsOptions {
  /** Maton API key. Defaults to the `MATON_API_KEY` environment variable. */
  apiKey?: string;
  /** Control-plane host (default `https://ctrl.maton.ai`). */
  baseUrl?: string;
  /** A `fetch` to send requests with (defaults to the global one). */
  fetch?: FetchLike;
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

function connectionPath(connectionId: string): { connection_id: string } {
  if (typeof connectionId !== "string" || connectionId.trim() === "" || /^\.{1,2}$/.test(connectionId.trim())) {
    throw new ClickSendConfigError(`${ROUTE}: a connection ID must be a non-empty string other than "." or "..".`, "connectionId");
  }
  return { connection_id: connectionId.trim() };
}

/**
 * Manages the Maton connections that hold your ClickSend credentials, on Maton's control
 * plane (Bearer `MATON_API_KEY`). Failures throw the client's error classes: a Maton error
 * answer is a `ClickSendApiError` (`responseCode: "MATON_ERROR"`, Maton's message in
 * `responseMsg`), no answer at all a `ClickSendConnectionError`.
 */
export function createMatonConnections(options: MatonConnectionsOptions = {}): MatonConnections {
  const apiKey = requireCredential(options.apiKey, "apiKey", "MATON_API_KEY", ROUTE);
  const baseUrl = resolveBaseUrl(options.baseUrl, MATON_CONTROL_URL, ROUTE);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new ClickSendConfigError(`${ROUTE}: \`fetch\` must be a function.`, "fetch");
  }
  const client = createClient<paths>({
    baseUrl,
    fetch: authorizedFetch({
      authorization: bearerAuthorization(apiKey),
      origin: new URL(baseUrl).origin,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  });

  async function settle<T>(operation: string, operationId: string, call: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    let result: { data?: T; error?: unknown; response: Response };
    try {
      result = await call();
    } catch (cause) {
      throw new ClickSendConnectionError(`${operationId} (${operation}): no answer from Maton`, {
        operation,
        operationId,
        retryable: true,
        maybeDelivered: operation.startsWith("POST"),
        attempts: 1,
        code: (cause as { code?: string })?.code,
      }, { cause });
    }
    const { data, error, response } = result;
    if (response.ok && data !== undefined) return data;
    const body = (error ?? {}) as { error?: unknown; message?: unknown };
    const said = [body.message, body.error].find((v): v is string => typeof v === "string" && v !== "");
    const responseMsg = said ?? `Maton answered HTTP ${response.status}`;
    throw new ClickSendApiError(`${operationId} (${operation}): ${responseMsg}`, {
      status: response.status,
      responseCode: "MATON_ERROR",
      responseMsg,
      operation,
      operationId,
      retryable: response.status === 429 || response.status >= 500,
      maybeDelivered: false,
      attempts: 1,
      http_code: response.status,
      response_code: "MATON_ERROR",
      response_msg: responseMsg,
      data: error ?? null,
    });
  }

  return {
    async list(filter = {}) {
      const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
      const data = await settle("GET /connections", "listMatonConnections", () => client.GET("/connections", { params: { query } }));
      return data.connections;
    },
    async create(input) {
      if (typeof input?.app !== "string" || input.app.trim() === "") {
        throw new ClickSendConfigError(`${ROUTE}: create() needs \`app\`, e.g. { app: "clicksend" }.`, "app");
      }
      const data = await settle("POST /connections", "createMatonConnection", () => client.POST("/connections", { body: { app: input.app } }));
      return data.connection;
    },
    async get(connectionId) {
      const path = connectionPath(connectionId);
      const data = await settle("GET /connections/{connection_id}", "getMatonConnection", () =>
        client.GET("/connections/{connection_id}", { params: { path } }),
      );
      return data.connection;
    },
    async delete(connectionId) {
      const path = connectionPath(connectionId);
      await settle("DELETE /connections/{connection_id}", "deleteMatonConnection", () =>
        client.DELETE("/connections/{connection_id}", { params: { path } }),
      );
    },
  };
}
