// The transport outside Node (browsers, workers, Deno without the node condition): the platform's
// `fetch`, read at call time so instrumentation that patches it later is honoured.
import type { PlatformFetch } from "./body.js";

export const platformFetch: PlatformFetch = (request, init) => globalThis.fetch(request, init);

/** The platform fetch needs body and signal on the request itself. */
export const outOfBand = false;
