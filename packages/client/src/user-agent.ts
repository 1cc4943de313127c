/**
 * `@clicksend-kit/client/<version> node/<version>` on Node (where a `User-Agent` can be set and
 * servers log it); undefined elsewhere, where the platform sends its own.
 */
export function defaultUserAgent(): string | undefined {
  const node = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
  if (!node?.versions?.node) return undefined;
  return `@clicksend-kit/client/${packageVersion(node.getBuiltinModule)} node/${node.versions.node}`;
}

let version: string | undefined;

/** This package's version, read once from its package.json (a bundle that left it behind says "unknown"). */
function packageVersion(getBuiltinModule: ((id: string) => unknown) | undefined): string {
  if (version) return version;
  try {
    const { createRequire } = getBuiltinModule!("node:module") as typeof import("node:module");
    version = (createRequire(import.meta.url)("../package.json") as { name?: string; version?: string }).version ?? "unknown";
  } catch {
    version = "unknown";
  }
  return version;
}
