import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "@clicksend-kit/types";
import { usePrismClient } from "../helpers/prism-client.js";

// Account, subaccounts, recharge, dedicated numbers, default senders, global sending and the
// no-API-key verification flows against Prism serving the bundled spec: the typed client sends
// what the spec describes, gets the spec's examples back, Prism rejects a request that breaks
// the spec's `required`, and Prism lets the `security: []` calls through without Basic auth.
const mock = usePrismClient();
const client = mock.client;

describe("account, subaccounts, recharge, numbers and senders against the Prism mock", () => {
  it("reads the account as a typed Account with its currency", async () => {
    const { clicksend, requests } = client();
    const { data, error, response } = await clicksend.GET("/v3/account");
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"Account">>();
    expectTypeOf(data!.data._subaccount).toEqualTypeOf<Schema<"Subaccount"> | undefined>();
    expectTypeOf(data!.data.active).toEqualTypeOf<0 | 1 | undefined>();
    expect(data!.data).toMatchObject({ user_id: 672721, username: "ops@example.com", balance: "2.005718", country: "US" });
    expect(data!.data._currency?.currency_name_short).toBe("USD");
    expect(requests[0]!.method).toBe("GET");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/account");
  });

  it("creates a subaccount with its permissions and gets the new API key back", async () => {
    const { clicksend, requests } = client();
    const body: Schema<"SubaccountInput"> = {
      api_username: "support-team",
      password: "c0rrect-Horse-battery",
      email: "support@example.com",
      phone_number: "+61411111111",
      first_name: "Jane",
      last_name: "Citizen",
      access_reporting: 1,
      access_billing: 0,
    };
    const { data, error } = await clicksend.POST("/v3/subaccounts", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"Subaccount">>();
    expectTypeOf<Schema<"SubaccountInput">["access_billing"]>().toEqualTypeOf<0 | 1 | undefined>();
    expect(data!.data).toMatchObject({ subaccount_id: 563840, api_username: "support-team", access_reporting: 1, access_billing: 0 });
    expect(data!.data.api_key).toMatch(/^[0-9A-F-]{36}$/);
    expect(requests[0]!.method).toBe("POST");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/subaccounts");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("lists recharge packages for a country, typed per package", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.GET("/v3/recharge/packages", { params: { query: { country: "AU" } } });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data.packages).toEqualTypeOf<Schema<"RechargePackage">[]>();
    expect(data!.data.packages.map((p) => p.package_id)).toEqual([1, 2]);
    expect(data!.data.packages[0]).toMatchObject({ package_price: "20", sms_quantity: 202 });
    expect(data!.data.currency?.currency_name_short).toBe("AUD");
    expect(Object.fromEntries(new URL(requests[0]!.url).searchParams)).toEqual({ country: "AU" });
  });

  it("buys a package with a PUT whose only input is the path", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.PUT("/v3/recharge/purchase/{package_id}", { params: { path: { package_id: 2 } } });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"RechargePurchase">>();
    expect(data!.data).toMatchObject({ amount: 50, currency: "USD" });
    expect(requests[0]!.method).toBe("PUT");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/recharge/purchase/2");
  });

  it("searches dedicated numbers in a country with a digit pattern, as a typed page", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.GET("/v3/numbers/search/{country}", {
      params: { path: { country: "AU" }, query: { search: "2806", search_type: 1, page: 1, limit: 20 } },
    });
    expect(error).toBeUndefined();
    const page = data!.data;
    expectTypeOf(page.data).toExtend<Schema<"AvailableDedicatedNumber">[]>();
    expectTypeOf<Schema<"AvailableDedicatedNumber">[]>().toExtend<typeof page.data>();
    expect(page.current_page).toBe(1);
    expect(page.data[0]).toMatchObject({ dedicated_number: "+61280662298", country: "AU", price_total: "18.59" });
    expect(page._currency?.currency_name_short).toBe("AUD");
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe("/v3/numbers/search/AU");
    expect(Object.fromEntries(url.searchParams)).toEqual({ search: "2806", search_type: "1", page: "1", limit: "20" });
  });

  it("creates a default sender for a country with one sender strategy", async () => {
    const { clicksend, requests } = client();
    const body: Schema<"DefaultSenderInput"> = {
      country_code: "AU",
      product_type: "SMS",
      default_sender_strategies: [{ sender_type: "alpha_tag", sender_id: "ClinicCo", note: "Brand name for Australian patients" }],
    };
    const { data, error } = await clicksend.POST("/v3/senders/default-senders", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"DefaultSender">>();
    expectTypeOf<Schema<"DefaultSender">["status"]>().toEqualTypeOf<"ENABLED" | "DISABLED">();
    expect(data!.data).toMatchObject({ country_code: "AU", product_type: "SMS", status: "ENABLED" });
    expect(data!.data.default_sender_strategies[0]).toMatchObject({ sender_type: "alpha_tag", sender_id: "ClinicCo", priority: 1 });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/senders/default-senders");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("reads the countries selected for global sending with their rules", async () => {
    const { clicksend } = client();
    const { data, error } = await clicksend.GET("/v3/user-countries");
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"UserSendingCountry">[]>();
    expect(data!.data.map((c) => c.code)).toEqual(["AU", "NZ"]);
    expect(data!.data[0]).toMatchObject({ id: 14, restricted_sending: false, agreed_at: 1722565411 });
  });

  it("is refused by the mock when a subaccount leaves out its required password", async () => {
    const { clicksend } = client();
    const { data, error, response } = await clicksend.POST("/v3/subaccounts", {
      // @ts-expect-error -- `password` is required for a new subaccount; the mock must reject this too
      body: { api_username: "support-team", email: "support@example.com", phone_number: "+61411111111", first_name: "Jane", last_name: "Citizen" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ http_code: 400, response_code: "BAD_REQUEST" });
  });

  it("lets password recovery through without credentials, while a protected call needs them", async () => {
    // Plain fetch, no Authorization header: the spec marks this call `security: []`.
    const res = await fetch(`${mock.url()}/v3/forgot-password`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "support-team" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ http_code: 200, response_code: "SUCCESS", response_msg: "An email notification has been sent.", data: [] });

    const protectedRes = await fetch(`${mock.url()}/v3/subaccounts`);
    expect(protectedRes.status).toBe(401);
  });

  it("holds username recovery to exactly one of email or phone number", async () => {
    const send = (body: unknown) =>
      fetch(`${mock.url()}/v3/forgot-username`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await send({ email: "ops@example.com" })).status).toBe(200);
    expect((await send({ email: "ops@example.com", phone_number: "+61411111111" })).status).toBe(400);
  });
});
