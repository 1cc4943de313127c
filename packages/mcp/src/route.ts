import { createClickSendClient, type ClickSendClient } from "@clicksend-kit/client";
import { createMatonClient, createSkillBossClient } from "@clicksend-kit/gateway";

/** How calls reach ClickSend: directly, or through a gateway that holds the ClickSend credentials. */
export type RouteName = "clicksend" | "maton" | "skillboss";

export const ROUTES: readonly RouteName[] = ["clicksend", "maton", "skillboss"];

/** The environment variables holding each route's secrets. */
export const SECRET_VARIABLES: Record<RouteName, readonly string[]> = {
  clicksend: ["CLICKSEND_API_KEY"],
  maton: ["MATON_API_KEY"],
  skillboss: ["SKILLBOSS_API_KEY"],
};

/**
 * The client of a route, with credentials read from the environment by the client itself
 * (`CLICKSEND_USERNAME`/`CLICKSEND_API_KEY`, `MATON_API_KEY` or `SKILLBOSS_API_KEY`).
 */
export function createRouteClient(route: RouteName, baseUrl: string | undefined): ClickSendClient {
  const options = baseUrl === undefined ? {} : { baseUrl };
  // No logger: on stdio, stdout is the protocol channel.
  switch (route) {
    case "clicksend":
      return createClickSendClient({ ...options, logLevel: "off" });
    case "maton":
      return createMatonClient({ ...options, logLevel: "off" });
    case "skillboss":
      return createSkillBossClient({ ...options, logLevel: "off" });
  }
}

/**
 * Every form in which a secret of the environment could appear in text: each secret variable's
 * value, and the Basic credentials built from the ClickSend username and key.
 */
export function secretsIn(env: Record<string, string | undefined>): string[] {
  const secrets = Object.values(SECRET_VARIABLES)
    .flat()
    .map((name) => env[name])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  if (env.CLICKSEND_USERNAME && env.CLICKSEND_API_KEY) {
    secrets.push(Buffer.from(`${env.CLICKSEND_USERNAME}:${env.CLICKSEND_API_KEY}`).toString("base64"));
  }
  return secrets;
}

/** `text` with every secret replaced by `[REDACTED]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[REDACTED]");
  return out;
}
