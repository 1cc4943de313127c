import { describe, expect, it } from "vitest";
import { MESSAGE_STATUSES, splitMessages } from "../src/index.js";

const sent = {
  http_code: 200,
  response_code: "SUCCESS",
  response_msg: "Messages queued for delivery.",
  data: {
    total_price: 0.0792,
    total_count: 3,
    queued_count: 1,
    messages: [
      { to: "+61411111111", body: "hi", message_id: "A", status: "SUCCESS", message_price: "0.0792" },
      { to: "+6100000", body: "hi", message_id: "B", status: "INVALID_RECIPIENT", message_price: "0.0000" },
      { to: "+61422222222", body: "hi", message_id: "C", status: "INSUFFICIENT_CREDIT", message_price: "0.0000" },
    ],
  },
};

describe("splitMessages", () => {
  it("splits a send answer (the call's data) into accepted and rejected messages", () => {
    const { accepted, rejected } = splitMessages(sent);
    expect(accepted.map((m) => m.message_id)).toEqual(["A"]);
    expect(rejected.map((m) => [m.message_id, m.status])).toEqual([
      ["B", "INVALID_RECIPIENT"],
      ["C", "INSUFFICIENT_CREDIT"],
    ]);
  });

  it("takes the envelope's data too", () => {
    expect(splitMessages(sent.data).rejected).toHaveLength(2);
  });

  it("keeps statuses it does not know as rejections", () => {
    const { accepted, rejected } = splitMessages({ messages: [{ status: "QUEUED_FOR_REVIEW" }, { status: "SUCCESS" }] });
    expect(accepted).toHaveLength(1);
    expect(rejected).toEqual([{ status: "QUEUED_FOR_REVIEW" }]);
  });

  it("lists the documented statuses, SUCCESS first", () => {
    expect(MESSAGE_STATUSES[0]).toBe("SUCCESS");
    expect(MESSAGE_STATUSES).toContain("INVALID_RECIPIENT");
  });

  it("explains what it expected when given something else", () => {
    expect(() => splitMessages({ data: { total: 3 } } as never)).toThrow(/expected a send or price answer with a `messages` list/);
    expect(() => splitMessages(undefined as never)).toThrow(TypeError);
  });
});
