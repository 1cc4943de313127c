// Send an SMS, see which messages ClickSend accepted, and count segments before sending.
//   pnpm mock                      # in one terminal
//   node examples/send-sms.mjs     # in another, from packages/client after `pnpm build`
import { countSmsSegments, createClickSendClient, splitMessages } from "@clicksend-kit/client";
import { options } from "./_config.mjs";

const clicksend = createClickSendClient(options);

const text = "Your appointment is confirmed for 10:30 tomorrow. Reply YES to confirm or call us on 1300 000 000.";
const { encoding, characters, segments } = countSmsSegments(text);
console.log(`message: ${characters} ${encoding} characters, ${segments} segment(s)`);

const { data, error } = await clicksend.POST("/v3/sms/send", {
  body: {
    messages: [
      { to: "+61411111111", body: text, source: "examples", custom_string: "appt-20391" },
      { to: "+61422222222", body: text, source: "examples", custom_string: "appt-20392" },
    ],
  },
});
if (error) {
  // A ClickSendApiError: status, responseCode, responseMsg, and whether the outcome is unknown.
  console.error(`send failed: ${error.message}`);
  process.exit(1);
}

// ClickSend answers 200 for the call even when some messages are rejected: check each.
const { accepted, rejected } = splitMessages(data);
for (const m of accepted) console.log(`accepted ${m.to}: ${m.message_id} (${m.message_parts} part(s), ${m.message_price})`);
for (const m of rejected) console.log(`rejected ${m.to}: ${m.status}`);
console.log(`total price ${data.data.total_price} ${data.data._currency?.currency_name_short ?? ""}`.trim());
