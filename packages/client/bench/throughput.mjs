// Requests per second of sequential POST /v3/sms/send against a loopback ClickSend, measured
// in one run for: this client (its defaults: retries, timeouts, the Node transport), plain
// `fetch`, and the official `clicksend` SDK 5.x. Rounds are interleaved and the median taken,
// so a slow moment of the machine hits every contestant alike.
import { createRequire } from "node:module";
import { fmt, median, packageDir, ratio, startLoopbackClickSend } from "./lib.mjs";

const require = createRequire(`${packageDir}/package.json`);

export async function measureThroughput({ requests = 2_000, rounds = 5, warmup = 600 } = {}) {
  const server = await startLoopbackClickSend();
  try {
    const { createClickSendClient } = await import("@clicksend-kit/client");
    const clicksendSdk = require("clicksend");
    const messages = [{ to: "+61411111111", body: "Your code is 4821", source: "bench" }];
    const authorization = `Basic ${Buffer.from("bench-user:bench-key").toString("base64")}`;

    const client = createClickSendClient({ username: "bench-user", apiKey: "bench-key", baseUrl: server.url });
    const sdk = new clicksendSdk.SMSApi("bench-user", "bench-key");
    sdk.basePath = `${server.url}/v3`;
    const message = Object.assign(new clicksendSdk.SmsMessage(), messages[0]);
    const collection = Object.assign(new clicksendSdk.SmsMessageCollection(), { messages: [message] });

    const contestants = {
      "@clicksend-kit/client": async () => {
        const { data, error } = await client.POST("/v3/sms/send", { body: { messages } });
        if (error || data.data.messages[0].status !== "SUCCESS") throw error ?? new Error("unexpected answer");
      },
      "plain fetch": async () => {
        const res = await fetch(`${server.url}/v3/sms/send`, {
          method: "POST",
          headers: { authorization, "content-type": "application/json" },
          body: JSON.stringify({ messages }),
        });
        const data = await res.json();
        if (!res.ok || data.data.messages[0].status !== "SUCCESS") throw new Error("unexpected answer");
      },
      "clicksend SDK 5.x": async () => {
        const { body } = await sdk.smsSendPost(collection);
        if (body.data.messages[0].status !== "SUCCESS") throw new Error("unexpected answer");
      },
    };

    for (const run of Object.values(contestants)) for (let i = 0; i < warmup; i++) await run();
    const samples = Object.fromEntries(Object.keys(contestants).map((k) => [k, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of Object.entries(contestants)) {
        const start = performance.now();
        for (let i = 0; i < requests; i++) await run();
        samples[name].push((requests / (performance.now() - start)) * 1000);
      }
    }
    return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rps = await measureThroughput();
  const fetchRps = rps["plain fetch"];
  for (const [name, value] of Object.entries(rps)) console.log(`${name.padEnd(24)} ${fmt(value).padStart(7)} req/s  ${ratio(value, fetchRps)} plain fetch`);
}
