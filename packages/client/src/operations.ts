import { operations } from "./generated/operations.js";
import type { OperationEntry, OperationTable } from "./operation-table.js";

/** An operation of the spec, found for a method and a path. */
export interface ResolvedOperation extends OperationEntry {
  /** `POST /v3/sms/send`: the method and the path template. */
  readonly operation: string;
}

/** What the spec says about one operation. */
export interface OperationInfo {
  operationId: string;
  /** `x-idempotent`: safe to send twice, so the client may retry it. */
  idempotent: boolean;
  deprecated: boolean;
}

/** One level of path segments: literal segments first, then a `{parameter}` segment. */
interface Level {
  literal: Map<string, Level>;
  parameter?: Level;
  /** Operations whose template ends here, by method. */
  operations: Map<string, ResolvedOperation>;
}

const newLevel = (): Level => ({ literal: new Map(), operations: new Map() });

/** The templates of a table as a tree of segments, so a concrete path is matched segment by segment. */
export function buildOperationTree(table: OperationTable): Level {
  const root = newLevel();
  for (const [method, templates] of Object.entries(table)) {
    for (const [template, entry] of Object.entries(templates)) {
      let level = root;
      for (const segment of template.split("/").slice(1)) {
        if (/^\{[^{}]+\}$/.test(segment)) level = level.parameter ??= newLevel();
        else {
          let next = level.literal.get(segment);
          if (!next) level.literal.set(segment, (next = newLevel()));
          level = next;
        }
      }
      level.operations.set(method, { ...entry, operation: `${method} ${template}` });
    }
  }
  return root;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function match(level: Level, segments: readonly string[], index: number, method: string): ResolvedOperation | undefined {
  if (index === segments.length) return level.operations.get(method);
  const segment = segments[index]!;
  const literal = level.literal.get(decode(segment));
  const found = literal && match(literal, segments, index + 1, method);
  if (found) return found;
  // A parameter takes any non-empty segment; a template placeholder written as-is matches itself.
  return segment !== "" && level.parameter ? match(level.parameter, segments, index + 1, method) : undefined;
}

/**
 * The operation a method and a path address, matched against a tree of templates: a template
 * (`/v3/recharge/purchase/{package_id}`) and a filled-in path (`/v3/recharge/purchase/7`, also
 * with a trailing slash) find the same operation; literal segments win over parameters.
 */
export function resolveIn(tree: Level, method: string, path: string): ResolvedOperation | undefined {
  const segments = path.split("/").slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop();
  return match(tree, segments, 0, method.toUpperCase());
}

let tree: Level | undefined;

/** The ClickSend operation of `METHOD path` (a template or a filled-in path), when the spec has one. */
export function resolveOperation(method: string, path: string): ResolvedOperation | undefined {
  return resolveIn((tree ??= buildOperationTree(operations)), method, path);
}

/**
 * The spec's metadata for a call: `operationInfo("POST", "/v3/sms/send")` →
 * `{ operationId: "sendSms", idempotent: false, deprecated: false }`.
 */
export function operationInfo(method: string, path: string): OperationInfo | undefined {
  const found = resolveOperation(method, path);
  return found && { operationId: found.operationId, idempotent: found.idempotent, deprecated: found.deprecated === true };
}

/**
 * Whether the client may send `METHOD path` twice: the spec's `x-idempotent`. A path the spec
 * does not describe is not: the client cannot know what it does.
 */
export function isIdempotent(method: string, path: string): boolean {
  return resolveOperation(method, path)?.idempotent ?? false;
}
