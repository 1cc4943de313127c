import { createRequire } from "node:module";
import { isClickSendError, type ClickSendClient } from "@clicksend-kit/client";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import * as z from "zod";
import { buildCatalog, needsConfirmation, priceOperationFor, type Operation } from "./catalog.js";
import { createRouteClient, redact, secretsIn, type RouteName } from "./route.js";
import { searchOperations } from "./search.js";
import { trimEnvelope } from "./trimming.js";
import { ArgumentValidator, type CallArguments } from "./validation.js";

export interface ClickSendMcpOptions {
  /** `clicksend` (default) calls ClickSend directly; `maton` and `skillboss` go through that gateway. */
  route?: RouteName;
  /** API host; defaults to the route's own (ClickSend's, Maton's or SkillBoss's). */
  baseUrl?: string;
  /** Refuse every operation but GET. */
  readOnly?: boolean;
}

const SERVER_NAME = "clicksend";
const { version: VERSION } = createRequire(import.meta.url)("../package.json") as { version: string };
const DEFAULT_LIMIT = 10;

/** Prepared once per process: the catalog of operations and their validators are shared by every session. */
export interface ClickSendTools {
  catalog: Map<string, Operation>;
  validator: ArgumentValidator;
}

export function prepareTools(): ClickSendTools {
  return { catalog: buildCatalog(), validator: new ArgumentValidator() };
}

/**
 * An MCP server with three tools over every operation of the ClickSend API:
 * `search_operations`, `describe_operation` and `call_operation`.
 */
export function createClickSendMcpServer(options: ClickSendMcpOptions = {}, tools: ClickSendTools = prepareTools()): McpServer {
  const { catalog, validator } = tools;
  const route = options.route ?? "clicksend";
  const readOnly = options.readOnly === true;
  // Credentials come from the environment only; these are the forms they could take in text.
  const secrets = secretsIn(process.env);

  // Built now so a missing credential is reported on the first call, while search and describe still work.
  let client: ClickSendClient | undefined;
  let clientProblem: string | undefined;
  try {
    client = createRouteClient(route, options.baseUrl);
  } catch (err) {
    clientProblem = err instanceof Error ? err.message : String(err);
  }

  const text = (value: unknown, isError = false): CallToolResult => ({
    content: [{ type: "text", text: redact(typeof value === "string" ? value : JSON.stringify(value), secrets) }],
    ...(isError ? { isError: true } : {}),
  });
  const unknownOperation = (operationId: string): CallToolResult =>
    text(`Unknown operationId "${operationId}". Find operations with search_operations.`, true);

  const server = new McpServer({ name: SERVER_NAME, version: VERSION });

  server.registerTool(
    "search_operations",
    {
      title: "Search ClickSend operations",
      description:
        `Find ClickSend API operations (${catalog.size} in all: SMS, MMS, voice, email, post, fax, contacts, lists, account, numbers, …) by words. ` +
        "Returns operationId, method, path, summary and whether the operation changes anything. Next: describe_operation, then call_operation.",
      inputSchema: {
        query: z.string().describe('Words to look for, e.g. "send sms", "contact lists", "account balance"'),
        tag: z.string().optional().describe(`Only operations of this tag: ${[...new Set([...catalog.values()].flatMap((op) => op.tags))].join(", ")}`),
        limit: z.number().int().min(1).max(50).optional().describe(`Most results to return (default ${DEFAULT_LIMIT})`),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ query, tag, limit }) => text(searchOperations(catalog.values(), query, { ...(tag === undefined ? {} : { tag }), limit: limit ?? DEFAULT_LIMIT })),
  );

  server.registerTool(
    "describe_operation",
    {
      title: "Describe a ClickSend operation",
      description:
        "What one operation takes and returns: its path and query parameters and request body as JSON Schema, an example body, " +
        "what it returns, whether it is idempotent and whether call_operation needs confirm: true for it.",
      inputSchema: { operationId: z.string().describe('An operationId from search_operations, e.g. "sendSms"') },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ operationId }) => {
      const op = catalog.get(operationId);
      if (!op) return unknownOperation(operationId);
      const price = priceOperationFor(op, catalog);
      return text({
        operationId: op.operationId,
        method: op.method,
        path: op.path,
        summary: op.summary,
        description: op.description,
        tags: op.tags,
        ...(op.deprecated ? { deprecated: true } : {}),
        idempotent: op.idempotent,
        needsConfirm: needsConfirmation(op),
        ...(price ? { priceFirstWith: price.operationId } : {}),
        params: op.params,
        ...(op.body ? { body: op.body } : {}),
        ...(op.example === undefined ? {} : { example: op.example }),
        ...(op.returns ? { returns: op.returns } : {}),
      });
    },
  );

  server.registerTool(
    "call_operation",
    {
      title: "Call a ClickSend operation",
      description:
        "Call one ClickSend operation by operationId and get ClickSend's answer (its envelope; long lists are cut, with how to page on). " +
        "Arguments are checked against the operation's schemas before anything is sent. " +
        (readOnly
          ? "This server is read-only: only GET operations run."
          : "Operations that send, buy, transfer, create or delete run only with confirm: true; price a send first with its price operation. " +
            "A call that is not idempotent is never retried, so nothing is sent twice."),
      inputSchema: {
        operationId: z.string().describe('An operationId from search_operations, e.g. "getAccount"'),
        params: z
          .object({
            path: z.record(z.string(), z.unknown()).optional().describe("Path parameters, e.g. { list_id: 123 }"),
            query: z.record(z.string(), z.unknown()).optional().describe("Query parameters, e.g. { page: 2, limit: 50 }"),
          })
          .optional(),
        body: z.unknown().optional().describe("The JSON request body, as describe_operation shows it"),
        confirm: z.boolean().optional().describe("true to run an operation that sends, buys, transfers, creates or deletes"),
      },
      annotations: readOnly
        ? { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true }
        : { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    },
    async ({ operationId, params, body, confirm }) => {
      const op = catalog.get(operationId);
      if (!op) return unknownOperation(operationId);
      if (readOnly && op.method !== "GET") {
        return text(`Refused: this server is read-only and ${op.operationId} (${op.method} ${op.path}) is not a read. Nothing was sent.`, true);
      }
      const args: CallArguments = { params: params as CallArguments["params"], body };
      const problems = validator.problems(op, args);
      if (problems.length > 0) {
        return text(`Refused: the arguments do not match ${op.operationId}'s schema, so nothing was sent.\n${problems.join("\n")}\nSee describe_operation for its parameters and body.`, true);
      }
      if (needsConfirmation(op) && confirm !== true) return text(refusal(op, catalog), true);
      if (!client) return text(`Cannot call ClickSend: ${clientProblem}`, true);
      const answer = await call(client, op, args);
      return text(answer.value, !answer.ok);
    },
  );

  async function call(api: ClickSendClient, op: Operation, args: CallArguments): Promise<{ ok: boolean; value: unknown }> {
    const init = {
      params: { ...(args.params?.path ? { path: args.params.path } : {}), ...(args.params?.query ? { query: args.params.query } : {}) },
      ...(args.body === undefined ? {} : { body: args.body }),
    };
    // The operation is chosen at run time, so the typed per-path signature cannot apply here.
    const request = api.request as unknown as (method: string, path: string, init: unknown) => Promise<{ data?: unknown; error?: unknown }>;
    try {
      const { data, error } = await request(op.method.toLowerCase(), op.path, init);
      return error ? { ok: false, value: errorAnswer(error) } : { ok: true, value: trimEnvelope(data, op.operationId) };
    } catch (err) {
      // No answer came: a connection failure, a timeout. The error says whether it may have arrived.
      return { ok: false, value: errorAnswer(err) };
    }
  }

  return server;
}

/** What a refused call would have done, and for sends which price operation to call first. */
export function refusal(op: Operation, catalog: Map<string, Operation>): string {
  const what = op.method === "DELETE" ? "delete" : op.idempotent ? "change" : /\/send$/.test(op.path) ? "send" : "change, and may not be repeated safely";
  const price = priceOperationFor(op, catalog);
  return [
    `Refused: ${op.operationId} (${op.method} ${op.path}) would ${what} for real: ${op.summary}.`,
    price ? `Call ${price.operationId} (${price.method} ${price.path}) with the same body first to see what it costs.` : undefined,
    "Nothing was sent. To run it, call call_operation again with the same arguments and confirm: true.",
  ]
    .filter(Boolean)
    .join(" ");
}

/** An error a call ended with, as the agent sees it: ClickSend's fields, and how the call ended. */
function errorAnswer(err: unknown): unknown {
  if (isClickSendError(err)) {
    const envelope = err as unknown as Record<string, unknown>;
    return {
      ...("http_code" in envelope ? { http_code: envelope.http_code, response_code: envelope.response_code, response_msg: envelope.response_msg, data: envelope.data } : {}),
      error: err.toJSON(),
    };
  }
  return { error: { message: err instanceof Error ? err.message : String(err) } };
}
