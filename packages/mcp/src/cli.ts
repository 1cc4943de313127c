#!/usr/bin/env node
// The `clicksend-mcp` bin: the ClickSend MCP server on stdio, or on Streamable HTTP at 127.0.0.1.
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { ROUTES, type RouteName } from "./route.js";
import { createClickSendMcpServer, prepareTools, type ClickSendMcpOptions } from "./server.js";
import { serveHttp } from "./http.js";

const USAGE = `Usage: clicksend-mcp [--route clicksend|maton|skillboss] [--base-url URL] [--read-only] [--http [--port N]]

  --route       clicksend (default): CLICKSEND_USERNAME and CLICKSEND_API_KEY
                maton: MATON_API_KEY · skillboss: SKILLBOSS_API_KEY
  --base-url    API host (default: the route's own, or CLICKSEND_BASE_URL)
  --read-only   refuse every operation but GET
  --http        serve Streamable HTTP on 127.0.0.1 (at /mcp) instead of stdio
  --port        port for --http (default 3333)

Credentials are read from the environment only.`;

function fail(message: string): never {
  process.stderr.write(`clicksend-mcp: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        route: { type: "string", default: "clicksend" },
        "base-url": { type: "string" },
        "read-only": { type: "boolean", default: false },
        http: { type: "boolean", default: false },
        port: { type: "string", default: "3333" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!ROUTES.includes(values.route as RouteName)) fail(`--route must be one of ${ROUTES.join(", ")}, not "${values.route}"`);
  const baseUrl = values["base-url"] ?? (process.env.CLICKSEND_BASE_URL?.trim() || undefined);
  const options: ClickSendMcpOptions = { route: values.route as RouteName, readOnly: values["read-only"], ...(baseUrl ? { baseUrl } : {}) };
  const tools = prepareTools();

  if (values.http) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${values.port}"`);
    const { url } = await serveHttp(() => createClickSendMcpServer(options, tools), port);
    process.stderr.write(`clicksend-mcp: Streamable HTTP at ${url}\n`);
    return;
  }
  await createClickSendMcpServer(options, tools).connect(new StdioServerTransport());
}

main().catch((err: unknown) => {
  // Messages of this package and the client never hold a credential.
  process.stderr.write(`clicksend-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
