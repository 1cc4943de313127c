import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "@clicksend-kit/types";
import { usePrismClient } from "../helpers/prism-client.js";

// Operations whose responses carry no ClickSend envelope (`x-clicksend-envelope: false`): alpha
// tags and own numbers answer with the object itself, and deleting a default sender answers 204
// with no body.
const mock = usePrismClient();
const client = mock.client;

describe("alpha tags, own numbers and default-sender deletion against the Prism mock", () => {
  it("requests an Australian alpha tag with its business and gets the bare AlphaTag back", async () => {
    const { clicksend, requests } = client();
    const body: Schema<"AlphaTagRequest"> = {
      alpha_tag: "ClinicCo",
      reason: "Company Name",
      countries: ["AU"],
      businesses: [
        {
          country: "AU",
          business_name: "ClinicCo Pty Ltd",
          business_relationship: "PRIMARY",
          abn: "51824753556",
          business_info: { website: "https://clinicco.example", phone_number: "+61397654321" },
          business_address: { addr_line1: "242 Exhibition Street", city: "Melbourne", state: "VIC", postal: "3000" },
          representative: { first_name: "Maria", last_name: "Lopez", email: "maria@clinicco.example" },
        },
      ],
    };
    const { data, error, response } = await clicksend.POST("/v3/alpha-tags", { body });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expectTypeOf(data!).toEqualTypeOf<Schema<"AlphaTag">>();
    expect(data).toMatchObject({ alpha_tag: "ClinicCo", status: "PENDING", countries: ["AU"] });
    expect(data).not.toHaveProperty("http_code");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/alpha-tags");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("is refused by the mock when an alpha tag is too long", async () => {
    const { clicksend } = client();
    const { data, response } = await clicksend.POST("/v3/alpha-tags", { body: { alpha_tag: "ClinicCoMelbourne" } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
  });

  it("starts and checks an own-number verification", async () => {
    const { clicksend, requests } = client();
    const started = await clicksend.POST("/v3/own-numbers/verifications", { body: { phone_number: "+61412345678", country: "AU" } });
    expect(started.error).toBeUndefined();
    expectTypeOf(started.data!).toEqualTypeOf<Schema<"OwnNumberVerification">>();
    const verificationId = started.data!.id;
    const checked = await clicksend.POST("/v3/own-numbers/verifications/{verification_id}/verify", {
      params: { path: { verification_id: verificationId } },
      body: { code: "482913", phone_number: "+61412345678" },
    });
    expect(checked.error).toBeUndefined();
    expect(checked.data).toMatchObject({ status: "APPROVED", remaining_attempts: 2 });
    expect(new URL(requests[1]!.url).pathname).toBe(`/v3/own-numbers/verifications/${verificationId}/verify`);
  });

  it("lists own numbers with a cursor page", async () => {
    const { clicksend } = client();
    const { data, error } = await clicksend.GET("/v3/own-numbers", { params: { query: { page_size: 10 } } });
    expect(error).toBeUndefined();
    expectTypeOf(data!.own_numbers).toEqualTypeOf<Schema<"OwnNumber">[]>();
    expect(data!.own_numbers[0]).toMatchObject({ phone_number: "+61412345678", status: "APPROVED" });
    expect(data!._metadata?.pagination?.next).toBeNull();
  });

  it("deletes a default sender with a bodyless 204", async () => {
    const { clicksend } = client();
    const { error, response } = await clicksend.DELETE("/v3/senders/default-senders/{default_sender_id}", {
      params: { path: { default_sender_id: "f99872cc-11a6-48ba-a9f2-bcfb6dd1e3d4" } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(204);
  });
});
