// A loopback HTTP server that plays ClickSend's POST /v3/sms/send for the throughput bench:
// reads the body, answers the documented success envelope, keeps connections alive.
import { createServer } from "node:http";

const body = JSON.stringify({
  http_code: 200,
  response_code: "SUCCESS",
  response_msg: "Messages queued for delivery.",
  data: {
    total_price: 0.0792,
    total_count: 1,
    queued_count: 1,
    messages: [
      {
        direction: "out",
        date: 1722565411,
        to: "+61411111111",
        body: "Your code is 4821",
        from: "sendmobile",
        schedule: "",
        message_id: "1EF50711-2787-68F4-8223-9F9C4393E380",
        message_parts: 1,
        message_price: "0.0792",
        custom_string: "",
        user_id: 496596,
        subaccount_id: 563840,
        country: "AU",
        carrier: "Telstra",
        status: "SUCCESS",
      },
    ],
    _currency: { currency_name_short: "AUD", currency_prefix_d: "$", currency_prefix_c: "c", currency_name_long: "Australian Dollars" },
  },
});
const length = String(Buffer.byteLength(body));

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.method !== "POST" || !req.url.endsWith("/sms/send") || !req.headers.authorization) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"http_code":404,"response_code":"NOT_FOUND","response_msg":"not here","data":null}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
