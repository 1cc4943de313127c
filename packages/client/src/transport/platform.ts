// The platform transport (#transport: node:http on Node, the global fetch elsewhere; see
// package.json `imports`), loaded on the first request so importing the client stays cheap.
import type { OutgoingRequest, Transport } from "./types.js";

let loaded: Promise<Transport> | undefined;

export const platformTransport: Transport = async (request: OutgoingRequest) =>
  (await (loaded ??= import("#transport").then((m: { send: Transport }) => m.send)))(request);
