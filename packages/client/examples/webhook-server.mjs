// Receive ClickSend callbacks (inbound SMS, delivery receipts) with parseWebhook().
// Starts a server on 127.0.0.1, delivers one receipt to itself in each form ClickSend uses
// (form POST, JSON POST, GET query), prints what it parsed and exits. Keep the server running
// with `node examples/webhook-server.mjs --serve` and point a ClickSend automation at it.
import { createServer } from "node:http";
import { ClickSendWebhookError, parseWebhook } from "@clicksend-kit/client";

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    const event = await parseWebhook({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
    switch (event.type) {
      case "inboundSms":
        console.log(`inbound SMS from ${event.payload.from}: ${event.payload.body}`);
        break;
      case "smsDeliveryReceipt":
        console.log(`receipt (${event.webhookType}) for ${event.payload.message_id}: ${event.payload.status} ${event.payload.status_code}`);
        break;
      default:
        console.log(`${event.type} (${event.webhookType})`);
    }
    res.writeHead(200).end("OK");
  } catch (err) {
    if (!(err instanceof ClickSendWebhookError)) throw err;
    console.log(`refused: ${err.message}`);
    res.writeHead(400).end(err.reason);
  }
});
await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/hooks/clicksend`;
console.log(`listening on ${url}`);

if (!process.argv.includes("--serve")) {
  const receipt = { message_id: "D6D16B28-46AC-484A-AB0A-A08CD08EF75C", status: "Delivered", status_code: "201", message_type: "sms", custom_string: "appt-20391" };
  await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(receipt) });
  await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...receipt, status_code: 201 }) });
  await fetch(`${url}?${new URLSearchParams(receipt)}`);
  await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "from=%2B61426123123&to=%2B61437085284&body=YES&message_id=F892B812" });
  await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"hello":"world"}' });
  server.close();
}
