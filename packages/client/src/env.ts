// Reads an environment variable where one exists (Node, Bun, Deno with --allow-env);
// browsers and edge runtimes without `process` simply have none.
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value.trim() === "" ? undefined : value;
}
