import type { ClickSendClient, Middleware } from "@clicksend-kit/client";
import { adapterMiddleware, createGatewayClient, gatewayErrorAnswer, gatewayErrorEnvelope, isRecord, jsonResponse, readJson, type GatewayOptions } from "./route.js";

/** SkillBoss API hub host. Its documentation also shows `https://api.heybossai.com`; pass that as `baseUrl` to use it. */
export const SKILLBOSS_API_URL = "https://api.skillboss.com";

/** `apiKey` defaults to `SKILLBOSS_API_KEY`; `baseUrl` to `https://api.skillboss.com`. */
export type SkillBossClientOptions = GatewayOptions;

const ROUTE = "createSkillBossClient";

/**
 * Turns SkillBoss's `{ "status": "success", "result": <ClickSend envelope> }` back into
 * ClickSend's own envelope, so callers see the same shapes on every route. The HTTP
 * status follows the envelope's `http_code`, so a ClickSend error inside a successful
 * wrapper still reaches the caller as an error. A wrapper that is not a success becomes
 * a ClickSend-style error envelope carrying the gateway's message. Bodies that are not
 * wrapped (already a ClickSend envelope, or not JSON) pass through untouched.
 */
export function skillBossUnwrap(): Middleware {
  return adapterMiddleware(skillBossAnswer);
}

async function skillBossAnswer(response: Response): Promise<Response> {
  const body = await readJson(response);
  if (!isRecord(body) || !("status" in body) || "http_code" in body) return response;

  if (body.status === "success" && "result" in body) {
    const result = body.result;
    const code = isRecord(result) ? result.http_code : undefined;
    const status = typeof code === "number" && code >= 200 && code <= 599 ? code : response.status;
    return jsonResponse(result, status, response);
  }
  const reason = body.status === "success" ? "a success without a `result`" : `status ${JSON.stringify(body.status)}`;
  return gatewayErrorEnvelope("SkillBoss", reason, body, response);
}

const gatewayErrors = gatewayErrorAnswer("SkillBoss");

/**
 * The typed ClickSend client, routed through the SkillBoss API hub: SkillBoss holds the
 * ClickSend credentials, so only the SkillBoss key (Bearer) leaves this process.
 */
export function createSkillBossClient(options: SkillBossClientOptions = {}): ClickSendClient {
  return createGatewayClient(
    {
      name: ROUTE,
      envVar: "SKILLBOSS_API_KEY",
      defaultBaseUrl: SKILLBOSS_API_URL,
      middleware: [],
      adaptResponse: async (response) => gatewayErrors(await skillBossAnswer(response)),
    },
    options,
  );
}
