#!/usr/bin/env node
// `pnpm mock`: a ClickSend stand-in on 127.0.0.1 for trying the client without credentials.
import { startPrism } from "./prism.js";

const port = Number(process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a TCP port number (1-65535), got ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const server = await startPrism({ port });
console.log(`ClickSend mock (Prism, PID ${server.pid}) listening on ${server.url}`);
console.log(`Try: createClickSendClient({ username: "demo", apiKey: "demo", baseUrl: "${server.url}" })`);
const shutdown = () => void server.stop().then(() => process.exit(0));
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
