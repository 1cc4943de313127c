// `pnpm mock` / `npx clicksend-mock`: a ClickSend stand-in for trying the client without
// credentials. PORT (default 4010) and HOST (default 127.0.0.1) choose where it listens.
import { PortInUseError } from "./free-port.js";
import { startPrism } from "./prism.js";

function fail(message: string): never {
  console.error(`clicksend-mock: ${message}`);
  process.exit(1);
}

const port = Number(process.env.PORT || 4010);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a TCP port number (1-65535), got ${JSON.stringify(process.env.PORT)}`);
const host = process.env.HOST || "127.0.0.1";

const server = await startPrism({ port, host }).catch((err: unknown) => {
  if (err instanceof PortInUseError) fail(`${err.message}; stop what listens there or choose another port, e.g. PORT=${port + 1}`);
  throw err;
});
console.log(`ClickSend mock (Prism, PID ${server.pid}) listening on ${server.url}`);
console.log(`Try: createClickSendClient({ username: "demo", apiKey: "demo", baseUrl: "${server.url}" })`);
const shutdown = () => void server.stop().then(() => process.exit(0));
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
