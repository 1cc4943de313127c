// The transport on Node: `fetch`'s shape (`(request, { headers })` → `Response`) over node:http and
// node:https with their global keep-alive agents. Node's built-in fetch runs every request and
// response through WHATWG streams and abort signals; this writes the body the client already
// serialized and hands back the bytes it read (see body.ts), which makes sequential sends on a
// kept-alive connection markedly faster (see bench/). node:http loads on the first request, so
// importing the client stays cheap.
//
// Deliberate differences from fetch: redirects are not followed (ClickSend's API does not
// redirect, and a redirect must never carry credentials elsewhere) and no compression is asked for.
import type * as Http from "node:http";
import { REQUEST_BODY, REQUEST_SIGNAL, RESPONSE_BYTES, type AbortHandle, type PlatformFetch } from "./body.js";

/** This transport takes lean requests (see body.ts). */
export const outOfBand = true;

type Send = (typeof Http)["request"];
let http: Promise<Send> | undefined;
let https: Promise<Send> | undefined;

const failed = (message: string, cause: unknown) => new TypeError(message, { cause });

export const platformFetch: PlatformFetch = async (request, init) => {
  const url = new URL(request.url);
  const send = await (url.protocol === "https:"
    ? (https ??= import("node:https").then((m) => m.request as Send))
    : (http ??= import("node:http").then((m) => m.request)));
  const headers: Record<string, string> = {};
  init.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const stored = (request as { [REQUEST_BODY]?: unknown })[REQUEST_BODY];
  const body = typeof stored === "string" ? stored : request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  if (body !== undefined) headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
  const handle = (request as { [REQUEST_SIGNAL]?: AbortHandle })[REQUEST_SIGNAL];
  const state: { aborted: boolean; reason?: unknown } = handle ?? request.signal;

  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const fail = (err: () => unknown) => {
      if (!settled) reject(state.aborted ? state.reason : err());
      settled = true;
    };
    if (state.aborted) return fail(() => state.reason);
    const req = send(url, { method: request.method, headers, ...(handle ? {} : { signal: request.signal }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        if (settled) return;
        settled = true;
        const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const responseHeaders = new Headers();
        const raw = res.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) responseHeaders.append(raw[i]!, raw[i + 1]!);
        const status = res.statusCode!;
        const nullBody = handle || status === 204 || status === 304 || request.method === "HEAD";
        const response = new Response(nullBody ? null : (bytes as Uint8Array<ArrayBuffer>), {
          status,
          statusText: res.statusMessage ?? "",
          headers: responseHeaders,
        });
        Object.defineProperty(response, "url", { value: request.url });
        resolve(Object.assign(response, { [RESPONSE_BYTES]: bytes }));
      });
      // A connection that drops mid-response ends the message without `end`.
      res.on("error", (err) => fail(() => failed("terminated", err)));
      res.on("close", () => fail(() => failed("terminated", Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }))));
    });
    if (handle) handle.onabort = () => req.destroy();
    req.on("error", (err) => fail(() => failed("fetch failed", err)));
    req.end(body);
  });
};
