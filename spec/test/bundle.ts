// The bundle as the spec tests read it, through the repo's one OpenAPI walk (scripts/lib/openapi-walk.mjs).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deref as derefIn, listOperations } from "../../scripts/lib/openapi-walk.mjs";

// CLICKSEND_BUNDLE points at another bundle (e.g. a work-in-progress one) to check it the same way.
export const bundlePath = process.env.CLICKSEND_BUNDLE ?? join(import.meta.dirname, "../dist/openapi.json");
export const spec = JSON.parse(readFileSync(bundlePath, "utf8"));

export type Json = Record<string, any>;
export interface Op {
  where: string;
  op: Json;
  pathParams: Json[];
}

export function operations(section: "paths" | "webhooks"): Op[] {
  return listOperations(spec, section).map(({ key, operation, pathItem }: Json) => ({
    where: `${section} ${key}`,
    op: operation,
    pathParams: pathItem.parameters ?? [],
  }));
}

/** Follows `$ref`s within the bundle. */
export function deref<T = Json>(node: Json): T {
  return derefIn(spec, node, "bundle") as T;
}
