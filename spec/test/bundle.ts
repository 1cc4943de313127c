// The bundle as the spec tests read it, and the walks they share.
import { readFileSync } from "node:fs";
import { join } from "node:path";

// CLICKSEND_BUNDLE points at another bundle (e.g. a work-in-progress one) to check it the same way.
const bundlePath = process.env.CLICKSEND_BUNDLE ?? join(import.meta.dirname, "../dist/openapi.json");
export const spec = JSON.parse(readFileSync(bundlePath, "utf8"));
export const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export type Json = Record<string, any>;
export interface Op {
  where: string;
  op: Json;
  pathParams: Json[];
}

export function operations(section: "paths" | "webhooks"): Op[] {
  const out: Op[] = [];
  for (const [path, item] of Object.entries<Json>(spec[section] ?? {})) {
    for (const method of METHODS) {
      if (item[method]) out.push({ where: `${section} ${method.toUpperCase()} ${path}`, op: item[method], pathParams: item.parameters ?? [] });
    }
  }
  return out;
}

/** Follows `$ref`s within the bundle. */
export function deref<T = Json>(node: Json): T {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc: Json, key: string) => acc?.[key], spec);
  }
  return current as T;
}
