import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { RunningServer } from "./prism.js";

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/clicksend/v3/sms/send?x=1`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /**
   * Misbehave at the socket level, as a crashing server or a dropped connection does:
   * `"before-response"` resets the connection (TCP RST) without answering; `"mid-response"`
   * sends the status line, the headers (with the full `content-length`) and half the body,
   * then resets it.
   */
  reset?: "before-response" | "mid-response";
  /** Never answer: the request hangs until the client gives up (its timeout) or the server stops. */
  noAnswer?: boolean;
}

/** Decides the answer to a request; may be async (e.g. to forward it elsewhere). */
export type ReplyHandler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface RecordingServer extends RunningServer {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
}

const defaultReply: ReplyHandler = () => ({
  status: 200,
  body: { http_code: 200, response_code: "SUCCESS", response_msg: "Recorded.", data: null },
});

/**
 * An HTTP server on 127.0.0.1 (on `options.port`, else a free port) that records every request
 * and answers with `handler`.
 * Tests use it to play ClickSend or a gateway, including misbehaving ones.
 */
export async function startRecordingServer(handler: ReplyHandler = defaultReply, options: { port?: number } = {}): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => handler(recorded))
        .then((reply) => {
          if (reply.noAnswer) return;
          const text = typeof reply.body === "string" ? reply.body : reply.body === undefined ? "" : JSON.stringify(reply.body);
          const isJson = typeof reply.body !== "string" && reply.body !== undefined;
          const headers = { ...(isJson ? { "content-type": "application/json" } : {}), ...reply.headers };
          if (reply.reset === "before-response") {
            req.socket.resetAndDestroy();
            return;
          }
          if (reply.reset === "mid-response") {
            const bytes = Buffer.from(text);
            res.writeHead(reply.status ?? 200, { ...headers, "content-length": String(bytes.length) });
            res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.resetAndDestroy());
            return;
          }
          res.writeHead(reply.status ?? 200, headers);
          res.end(text);
        })
        .catch((err: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(`recording server handler failed: ${err instanceof Error ? err.message : String(err)}`);
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("recording server has no address");
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    pid: process.pid,
    requests,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return stopped;
    },
  };
}

/** Sends a recorded request on to `baseUrl` (same method, path, headers and body) and returns its answer. */
export async function forward(request: RecordedRequest, baseUrl: string, path = request.url, headers?: Record<string, string>): Promise<Reply> {
  const outgoing = new Headers();
  for (const [name, value] of Object.entries(headers ?? request.headers)) {
    if (value === undefined || ["host", "content-length", "connection"].includes(name.toLowerCase())) continue;
    outgoing.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const res = await fetch(new URL(path, baseUrl), {
    method: request.method,
    headers: outgoing,
    ...(request.body && request.method !== "GET" && request.method !== "HEAD" ? { body: request.body } : {}),
  });
  const text = await res.text();
  // Pass the answer's headers on (Retry-After matters to clients), minus what the body re-send recomputes.
  const replyHeaders: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"].includes(name)) replyHeaders[name] = value;
  });
  return { status: res.status, headers: replyHeaders, body: text };
}
