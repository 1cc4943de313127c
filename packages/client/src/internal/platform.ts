// The platform transport (#transport: node:http on Node, the global fetch elsewhere; see
// package.json `imports`), loaded on the first request so importing the client stays cheap.
type Transport = typeof import("#transport");
let loaded: Promise<Transport> | undefined;

export const platform = (): Promise<Transport> => (loaded ??= import("#transport"));
