import { spawn } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { prismUrl } from "@clicksend-kit/mock/vitest";
import { expect, it } from "vitest";
import { CLI } from "./helpers.js";

it("serves the same tools over Streamable HTTP on 127.0.0.1, and refuses another Host", async () => {
  const child = spawn(process.execPath, [CLI, "--http", "--port", "0", "--base-url", prismUrl()], {
    env: { PATH: process.env.PATH ?? "", CLICKSEND_USERNAME: "http-user", CLICKSEND_API_KEY: "http-key" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /Streamable HTTP at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
        if (found) resolve(found[1]!);
      });
      child.once("exit", (code) => reject(new Error(`clicksend-mcp exited with ${code}: ${stderr}`)));
    });
    const client = new Client({ name: "clicksend-mcp-http-test", version: "0.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["call_operation", "describe_operation", "search_operations"]);
    const result = await client.callTool({ name: "call_operation", arguments: { operationId: "getAccount" } });
    expect(result.isError).toBeFalsy();
    await client.close();

    // fetch never sends another Host than the URL's; node:http does, as a rebound DNS name would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
      const req = request(url, { method: "POST", headers: { host: "attacker.example", "content-type": "application/json", accept: "application/json, text/event-stream" } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(403);
  } finally {
    child.kill();
    if (child.exitCode === null) await once(child, "exit");
  }
});
