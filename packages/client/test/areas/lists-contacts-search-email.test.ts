import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "@clicksend-kit/types";
import { usePrismClient } from "../helpers/prism-client.js";

// Contact lists, contacts, search, transactional email and email marketing against Prism
// serving the bundled spec: the typed client sends what the spec describes, gets the spec's
// examples back, and Prism rejects requests that break the spec's `required` rules.
const mock = usePrismClient();
const client = mock.client;

describe("lists, contacts, search and email against the Prism mock", () => {
  it("creates a contact list and adds a contact to it", async () => {
    const { clicksend, requests } = client();
    const created = await clicksend.POST("/v3/lists", { body: { list_name: "Spring newsletter" } });
    expect(created.error).toBeUndefined();
    expectTypeOf(created.data!.data).toEqualTypeOf<Schema<"ContactList">>();
    expect(created.data!.data).toMatchObject({ list_id: 428, list_name: "Spring newsletter", _contacts_count: 0 });
    const listId = created.data!.data.list_id;

    const contact = {
      phone_number: "+61411111111",
      email: "jane.citizen@example.com",
      first_name: "Jane",
      last_name: "Citizen",
      custom_1: "Gold member",
      address_country: "AU",
    };
    const added = await clicksend.POST("/v3/lists/{list_id}/contacts", { params: { path: { list_id: listId } }, body: contact });
    expect(added.error).toBeUndefined();
    expectTypeOf(added.data!.data).toEqualTypeOf<Schema<"Contact">>();
    expectTypeOf<Schema<"Contact">["phone_number"]>().toEqualTypeOf<string | null | undefined>();
    expect(added.data!.data).toMatchObject({ contact_id: 552786, list_id: 428, phone_number: "+61411111111", first_name: "Jane" });

    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(["POST /v3/lists", "POST /v3/lists/428/contacts"]);
    expect(await requests[0]!.json()).toEqual({ list_name: "Spring newsletter" });
    expect(await requests[1]!.json()).toEqual(contact);
  });

  it("pages through a list's contacts with updated_after", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.GET("/v3/lists/{list_id}/contacts", {
      params: { path: { list_id: 428 }, query: { page: 1, limit: 50, updated_after: 1722470400 } },
    });
    expect(error).toBeUndefined();
    const page = data!.data;
    expectTypeOf(page.data).toEqualTypeOf<Schema<"Contact">[]>();
    expect(page).toMatchObject({ total: 1, current_page: 1, last_page: 1 });
    expect(page.data[0]).toMatchObject({ contact_id: 552786, email: "jane.citizen@example.com" });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe("/v3/lists/428/contacts");
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: "1", limit: "50", updated_after: "1722470400" });
  });

  it("searches contact lists by keyword and gets a typed page of lists", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.GET("/v3/search/contacts-lists", { params: { query: { q: "newsletter", limit: 15 } } });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data.data).toEqualTypeOf<Schema<"ContactList">[]>();
    expect(data!.data.data[0]).toMatchObject({ list_id: 428, list_name: "Spring newsletter" });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe("/v3/search/contacts-lists");
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: "newsletter", limit: "15" });
  });

  it("sends a transactional email with cc and an attachment from a verified sender", async () => {
    const { clicksend, requests } = client();
    const body = {
      to: [{ email: "jane.citizen@example.com", name: "Jane Citizen" }],
      cc: [{ email: "accounts@citizenbakery.example" }],
      from: { email_address_id: 107, name: "Harbour Dental" },
      subject: "Your invoice 20391",
      body: "<p>Hi Jane,</p><p>Your invoice 20391 is attached.</p>",
      attachments: [
        {
          content: "SGVsbG8sIHRoaXMgaXMgeW91ciBpbnZvaWNlLg==",
          type: "application/pdf",
          filename: "invoice-20391.pdf",
          disposition: "attachment" as const,
          content_id: "invoice-20391",
        },
      ],
    };
    const { data, error } = await clicksend.POST("/v3/email/send", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"TransactionalEmail">>();
    expectTypeOf<Schema<"EmailAttachment">["disposition"]>().toEqualTypeOf<"inline" | "attachment">();
    expect(data!.data).toMatchObject({
      message_id: "21C632C1-3FCC-4EFF-8191-6079244F0142",
      from_email_address_id: 107,
      status: "WaitApproval",
      price: "0.0050",
    });
    expect(data!.data._attachments?.[0]).toMatchObject({ file_name: "invoice-20391.pdf", content_type: "application/pdf" });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/email/send");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("creates an email template from a master template", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.POST("/v3/email/templates", { body: { template_name: "Spring check-up", template_id_master: 57 } });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"EmailTemplate">>();
    expect(data!.data).toMatchObject({ template_id: 292, template_id_master: 57, template_name: "Spring check-up" });
    expect(data!.data.body).toMatch(/^<div/);
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/email/templates");
    expect(await requests[0]!.json()).toEqual({ template_name: "Spring check-up", template_id_master: 57 });
  });

  it("sends an email campaign to a list and gets the priced, typed campaign", async () => {
    const { clicksend, requests } = client();
    const body = {
      name: "Spring check-up reminder",
      subject: "Time for your spring check-up",
      body: "<p>Hi {first_name},</p><p>Book your spring check-up this month.</p>",
      from_email_address_id: 107,
      from_name: "Harbour Dental",
      template_id: 292,
      list_id: 428,
      schedule: 1735689600,
    };
    const { data, error } = await clicksend.POST("/v3/email-campaigns/send", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"EmailCampaignSendResult">>();
    expectTypeOf(data!.data.data).toEqualTypeOf<Schema<"EmailCampaign">>();
    // ClickSend spells the count `totlal_count` in this answer.
    expect(data!.data).toMatchObject({ totlal_count: 2, total_price: "0.0132", queued_count: 2 });
    expect(data!.data.data).toMatchObject({ email_campaign_id: 64, list_id: 428, from_email_address_id: 107, status: "Queued" });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/email-campaigns/send");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("rejects a transactional email without a sender (required `from`)", async () => {
    const { clicksend } = client();
    const { data, error, response } = await clicksend.POST("/v3/email/send", {
      // @ts-expect-error -- `from` is required; the mock must reject this too
      body: { to: [{ email: "jane.citizen@example.com" }], subject: "Hello", body: "<p>Hello</p>" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ http_code: 400, response_code: "BAD_REQUEST" });
  });

  it("rejects a contact with no phone number, email or fax number", async () => {
    const { clicksend } = client();
    const { data, response } = await clicksend.POST("/v3/lists/{list_id}/contacts", {
      params: { path: { list_id: 428 } },
      // Types cannot express "one of three", so only the mock (the spec's anyOf) catches this.
      body: { first_name: "Jane", last_name: "Citizen" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
  });

  it("rejects a list search without its required keyword", async () => {
    const { clicksend } = client();
    // @ts-expect-error -- `q` is required by ClickSend's reference
    const { data, response } = await clicksend.GET("/v3/search/contacts-lists", { params: { query: { page: 1 } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
  });
});
