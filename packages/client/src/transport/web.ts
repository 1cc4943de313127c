// The transport outside Node (browsers, workers, Deno without the node condition): the platform's
// `fetch`, read at call time so instrumentation that patches it later is honoured.
import { fetchTransport } from "./fetch.js";

export const send = fetchTransport((request) => globalThis.fetch(request));
