import type { ClickSendClient, Middleware } from "@clicksend-kit/client";
import {
  assertNoReservedHeaders,
  bearerAuthorization,
  createRouteClient,
  requireCredential,
  resolveBaseUrl,
  transportOptions,
  type TransportOptions,
} from "@clicksend-kit/client/route";

/** Options every gateway route takes. */
export interface GatewayOptions extends TransportOptions {
  /** The gateway's API key; defaults to the route's environment variable. */
  apiKey?: string;
  /** Gateway host; requests go to `{baseUrl}/clicksend/v3/...`. */
  baseUrl?: string;
}

/** Turns a gateway's answer into ClickSend's own (its wrapper or its own error body). */
export type AnswerAdapter = (response: Response) => Response | Promise<Response>;

interface GatewayRoute {
  /** Function name, for error messages. */
  name: string;
  envVar: string;
  defaultBaseUrl: string;
  middleware: Middleware[];
  adaptResponse: AnswerAdapter;
}

/** Both gateways proxy ClickSend's own paths under `/clicksend` with a Bearer key. */
export function createGatewayClient(route: GatewayRoute, options: GatewayOptions): ClickSendClient {
  const apiKey = requireCredential(options.apiKey, "apiKey", route.envVar, route.name);
  const baseUrl = resolveBaseUrl(options.baseUrl, route.defaultBaseUrl, route.name, "/clicksend");
  assertNoReservedHeaders(options.headers, route.name);
  return createRouteClient({
    // fetch, headers, timeoutMs, retry, logger, …: the same retries, timeouts and errors as ClickSend's own route.
    ...transportOptions(options, route.name),
    baseUrl,
    authorization: bearerAuthorization(apiKey),
    middleware: route.middleware,
    // Below all middleware, before retries are decided: a gateway's wrapped 429 is a 429.
    adaptResponse: route.adaptResponse,
  });
}

/** An answer adapter as openapi-fetch middleware, for users who build their own client. */
export function adapterMiddleware(adapt: AnswerAdapter): Middleware {
  return { onResponse: ({ response }) => adapt(response) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON body of a response (left readable), or undefined when it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get("content-type") ?? "").includes("json")) return undefined;
  try {
    return JSON.parse(await response.clone().text());
  } catch {
    return undefined;
  }
}

export function jsonResponse(body: unknown, status: number, from: Response): Response {
  const headers = new Headers(from.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * A ClickSend-style error envelope for an answer the gateway itself gave (`response_code:
 * "GATEWAY_ERROR"`, its message in `response_msg`, its body in `data`), so the client raises
 * the same error classes on every route. The status is kept when it is an error, else 502.
 */
export function gatewayErrorEnvelope(gateway: string, reason: string, body: Record<string, unknown>, response: Response): Response {
  const detail = [body.message, body.error, body.detail].find((v) => typeof v === "string" && v !== "");
  const status = response.status >= 400 ? response.status : 502;
  return jsonResponse(
    { http_code: status, response_code: "GATEWAY_ERROR", response_msg: `${gateway} returned ${reason}${detail ? `: ${String(detail)}` : ""}`, data: body },
    status,
    response,
  );
}

/**
 * Turns a gateway's own JSON error answer (its 401 for a bad key, 429, 5xx: `{ "error": … }`
 * or `{ "message": … }`, not ClickSend's envelope) into an error envelope. ClickSend's own
 * envelopes and non-JSON bodies pass through untouched.
 */
export function gatewayErrorAnswer(gateway: string): AnswerAdapter {
  return async (response) => {
    if (response.ok) return response;
    const body = await readJson(response);
    if (!isRecord(body) || "http_code" in body || ("status" in body && "result" in body)) return response;
    return gatewayErrorEnvelope(gateway, `HTTP ${response.status}`, body, response);
  };
}
