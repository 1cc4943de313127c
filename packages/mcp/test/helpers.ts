import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** The bin on stdio, driven by the SDK's own client, with only the given environment (plus PATH/HOME). */
export async function connect(args: string[], env: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "clicksend-mcp-test", version: "0.0.0" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, ...args], env: { PATH: process.env.PATH ?? "", ...env }, stderr: "pipe" }));
  return client;
}

/** Calls a tool and returns its result with the text of its single content block. */
export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content[0];
  return { isError: result.isError === true, text: first?.type === "text" ? first.text : "" };
}

export const SEND_BODY = { messages: [{ to: "+61411111111", body: "Your code is 4821", custom_string: "otp-4821" }] };
