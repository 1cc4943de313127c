// Read the SMS history page by page with paginate(); leaving the loop early requests no more pages.
import { createClickSendClient, paginate } from "@clicksend-kit/client";
import { options } from "./_config.mjs";

const clicksend = createClickSendClient(options);
let count = 0;
for await (const sms of paginate(clicksend, "/v3/sms/history", { params: { query: { limit: 100, order_by: "date:desc" } } })) {
  console.log(`${sms.message_id}  ${sms.to}  ${sms.status}`);
  if (++count === 50) break;
}
console.log(`${count} message(s)`);
