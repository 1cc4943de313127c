import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

const HOST = "127.0.0.1";

/**
 * Streamable HTTP at `http://127.0.0.1:<port>/mcp`, stateless: each POST gets its own server
 * and transport (the catalog behind them is shared). Only loopback Host headers are accepted,
 * so a web page cannot reach it by DNS rebinding.
 */
export async function serveHttp(newServer: () => McpServer, port: number): Promise<{ url: string; server: Server }> {
  const allowedHosts: string[] = [];
  const http = createServer((req, res) => {
    if (new URL(req.url ?? "/", `http://${HOST}`).pathname !== "/mcp") {
      res.writeHead(404).end();
      return;
    }
    if (!allowedHosts.includes(req.headers.host ?? "")) {
      res.writeHead(403, { "content-type": "text/plain" }).end("Forbidden: only loopback Host headers are accepted");
      return;
    }
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    const server = newServer();
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end(err instanceof Error ? err.message : "Internal error");
      });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, HOST, resolve);
  });
  const bound = (http.address() as AddressInfo).port;
  allowedHosts.push(`${HOST}:${bound}`, `localhost:${bound}`);
  return { url: `http://${HOST}:${bound}/mcp`, server: http };
}
