import type { Client } from "openapi-fetch";
import type { paths } from "@clicksend-kit/types";
import type { ClickSendClient } from "./client-types.js";

/**
 * The same client, typed as openapi-fetch's `Client<paths>`, for code written against
 * openapi-fetch. The client itself is not assignable to that type: openapi-fetch's methods accept
 * any extra key in `init`, which would let a misspelled field compile again. Calls made through
 * this view are checked only as loosely as openapi-fetch checks them.
 */
export function asOpenApiFetchClient(client: ClickSendClient): Client<paths> {
  return client as unknown as Client<paths>;
}
