// Public entry of @clicksend-kit/gateway: the same typed ClickSend client, sent through
// the Maton gateway or the SkillBoss API hub, plus the middlewares for DIY clients.
export { createMatonClient, matonConnection, MATON_GATEWAY_URL, type MatonClientOptions } from "./maton.js";
export {
  createMatonConnections,
  MATON_CONTROL_URL,
  type MatonConnection,
  type MatonConnections,
  type MatonConnectionsOptions,
} from "./maton-connections.js";
export { createSkillBossClient, skillBossUnwrap, SKILLBOSS_API_URL, type SkillBossClientOptions } from "./skillboss.js";
export type { GatewayOptions } from "./route.js";
export type { ClickSendClient } from "@clicksend-kit/client";
export { authorizedFetch, bearerAuthorization } from "@clicksend-kit/client/route";
