import { describe, it } from "vitest";
import type { Client } from "openapi-fetch";
import type { paths } from "@clicksend-kit/types";
import { asOpenApiFetchClient } from "@clicksend-kit/client";
import { createMatonClient, createSkillBossClient } from "../src/index.js";

// The gateway routes return the same client type, so code typed against openapi-fetch takes them.
describe("gateway clients as openapi-fetch clients", () => {
  it("passes where Client<paths> is expected, through asOpenApiFetchClient", () => {
    const takesClient = (c: Client<paths>) => c.GET("/v3/account");
    void takesClient(asOpenApiFetchClient(createMatonClient({ apiKey: "k" })));
    void takesClient(asOpenApiFetchClient(createSkillBossClient({ apiKey: "k" })));
  });
});
