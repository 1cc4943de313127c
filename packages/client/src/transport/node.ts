// The transport on Node: node:http and node:https with keep-alive agents of their own. Node's
// built-in fetch runs every request and response through WHATWG streams; this writes the body the
// client already serialized and hands back the bytes it read, which makes sequential sends on a
// kept-alive connection faster (see bench/). node:http loads on the first request, so importing
// the client stays cheap.
//
// Like every transport of the client it follows no redirect, and it asks for no compression.
import type * as Http from "node:http";
import { BUFFERED, TOO_LARGE, type OutgoingRequest, type Transport } from "./types.js";

interface Module {
  request: (typeof Http)["request"];
  agent: Http.Agent;
}
let http: Promise<Module> | undefined;
let https: Promise<Module> | undefined;

const load = (name: "node:http" | "node:https"): Promise<Module> =>
  import(name).then((m: typeof Http) => ({ request: m.request, agent: new m.Agent({ keepAlive: true }) }));

const failed = (message: string, cause: unknown) => new TypeError(message, { cause });

/**
 * Origins seen to close the connection right after answering although they offered to keep it
 * open. A kept-alive socket to them would be handed to the next request just as it closes (a
 * reset, and for a send an unknown outcome), so their requests get a fresh connection each.
 */
const closers = new Set<string>();
/** A server closing an idle connection this soon after its answer is taken for one of those. */
const CLOSED_RIGHT_AFTER_MS = 1_000;
/** What watches a kept-alive socket between two requests. */
const idleWatch = new WeakMap<object, () => void>();

/**
 * A `Response` over bytes already read: its body methods answer from them directly, without the
 * stream a `Response` built on bytes would set up and read (a measurable share of a call).
 */
class BufferedResponse extends Response {
  readonly #bytes: Buffer | null;
  readonly [BUFFERED] = true;

  constructor(bytes: Buffer | null, init: ResponseInit, url: string) {
    super(null, init);
    this.#bytes = bytes;
    Object.defineProperty(this, "url", { value: url });
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#bytes && new Response(this.#bytes as Uint8Array<ArrayBuffer>).body;
  }
  override text(): Promise<string> {
    return Promise.resolve(this.#bytes ? this.#bytes.toString("utf8") : "");
  }
  override json(): Promise<any> {
    return this.text().then(JSON.parse);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new Uint8Array(this.#bytes ?? []).buffer);
  }
  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return Promise.resolve(new Uint8Array(this.#bytes ?? []));
  }
  override blob(): Promise<Blob> {
    return Promise.resolve(new Blob(this.#bytes ? [this.#bytes as Uint8Array<ArrayBuffer>] : [], { type: this.headers.get("content-type") ?? "" }));
  }
  override clone(): Response {
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers }, this.url);
  }
}

export const send: Transport = async (outgoing: OutgoingRequest) => {
  const url = new URL(outgoing.url);
  const { request, agent } = await (url.protocol === "https:" ? (https ??= load("node:https")) : (http ??= load("node:http")));
  const headers: Record<string, string> = {};
  outgoing.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const { body, abort, maxResponseBytes } = outgoing;
  if (body !== undefined) headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);

  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (!settled) reject(error);
      settled = true;
    };
    const origin = url.origin;
    const fresh = closers.has(origin);
    let answered = false;
    if (abort.aborted) return fail(abort.reason);
    const req = request(url, { method: outgoing.method, headers, agent: fresh ? false : agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) {
          fail(Object.assign(new RangeError(`response body larger than ${maxResponseBytes} bytes`), { code: TOO_LARGE, status: res.statusCode }));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => {
        const socket = req.socket;
        if (socket && !fresh) {
          const ended = Date.now();
          const watch = () => {
            if (Date.now() - ended < CLOSED_RIGHT_AFTER_MS) closers.add(origin);
          };
          idleWatch.set(socket, watch);
          socket.once("close", watch);
        }
        if (settled) return;
        const status = res.statusCode!;
        const responseHeaders = new Headers();
        const raw = res.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) responseHeaders.append(raw[i]!, raw[i + 1]!);
        const nullBody = status === 204 || status === 304 || outgoing.method === "HEAD";
        const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const response = new BufferedResponse(nullBody ? null : bytes, { status, statusText: res.statusMessage ?? "", headers: responseHeaders }, outgoing.url);
        settled = true;
        resolve(response);
      });
      // A connection that drops mid-response ends the message without `end`.
      res.on("error", (err) => fail(failed("terminated", err)));
      res.on("close", () => {
        if (!res.complete) fail(failed("terminated", Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" })));
      });
    });
    req.on("socket", (socket) => {
      // A socket kept alive and now reused: it is no longer idle.
      const watch = idleWatch.get(socket);
      if (watch) socket.off("close", watch);
      idleWatch.delete(socket);
    });
    const stopListening = abort.onAbort((reason) => {
      fail(reason);
      req.destroy();
    });
    req.on("close", stopListening);
    req.on("error", (err) => {
      // A reused connection the server had already closed: the next request gets a fresh one.
      if (req.reusedSocket && !answered) closers.add(origin);
      fail(abort.aborted ? abort.reason : failed("fetch failed", err));
    });
    req.end(body);
  });
};
