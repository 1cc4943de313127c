import { ClickSendConfigError, type ClickSendClient, type Middleware } from "@clicksend-kit/client";
import { createGatewayClient, gatewayErrorAnswer, type GatewayOptions } from "./route.js";

export const MATON_GATEWAY_URL = "https://gateway.maton.ai";

/** `apiKey` defaults to `MATON_API_KEY`; `baseUrl` to `https://gateway.maton.ai`. */
export interface MatonClientOptions extends GatewayOptions {
  /** Which of your ClickSend connections to use (`Maton-Connection`); Maton picks the oldest active one when omitted. */
  connection?: string;
}

const ROUTE = "createMatonClient";

/** Adds `Maton-Connection: <id>` to every request, to pick one of several ClickSend connections. */
export function matonConnection(connectionId: string): Middleware {
  if (typeof connectionId !== "string" || connectionId.trim() === "" || /[\r\n]/.test(connectionId)) {
    throw new ClickSendConfigError(`${ROUTE}: \`connection\` must be a non-empty connection ID on one line.`, "connection");
  }
  const id = connectionId.trim();
  return {
    onRequest({ request }) {
      request.headers.set("Maton-Connection", id);
      return request;
    },
  };
}

/**
 * The typed ClickSend client, routed through Maton's gateway: Maton holds the ClickSend
 * credentials, so only the Maton key (Bearer) leaves this process.
 */
export function createMatonClient(options: MatonClientOptions = {}): ClickSendClient {
  const middleware = options.connection === undefined ? [] : [matonConnection(options.connection)];
  return createGatewayClient({ name: ROUTE, envVar: "MATON_API_KEY", defaultBaseUrl: MATON_GATEWAY_URL, middleware, adaptResponse: gatewayErrorAnswer("Maton") }, options);
}
