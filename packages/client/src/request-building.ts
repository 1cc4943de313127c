import type { QuerySerializer, QuerySerializerOptions } from "openapi-fetch";

type OpenapiFetch = typeof import("openapi-fetch");
type Query = Record<string, unknown>;

/** The query with its parameter names (and an object parameter's keys) percent-encoded. */
function encodeNames(query: Query): Query {
  const out: Query = {};
  for (const [name, value] of Object.entries(query)) {
    out[encodeURIComponent(name)] =
      value !== null && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [encodeURIComponent(key), item]))
        : value;
  }
  return out;
}

/**
 * openapi-fetch's query serializer for the options given (default: `form` + explode for arrays,
 * `deepObject` for objects), with the names encoded as well as the values, so a name such as
 * `q&admin` stays one parameter. A serializer function is used as it is.
 */
export function querySerializerFor(
  openapiFetch: OpenapiFetch,
  option: QuerySerializer<unknown> | QuerySerializerOptions | undefined,
): (query: Query) => string {
  if (typeof option === "function") return option as (query: Query) => string;
  const serialize = openapiFetch.createQuerySerializer(option);
  return (query) => serialize(encodeNames(query));
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * openapi-fetch's path serializer, refusing a value that would address another endpoint:
 * missing, empty, `.` or `..` (which URL parsing resolves even when percent-encoded).
 */
export const pathSerializerOf = (openapiFetch: OpenapiFetch) => (path: string, params: Record<string, unknown>): string => {
  for (const [, placeholder] of path.matchAll(PLACEHOLDER)) {
    const name = placeholder!.replace(/^[.;]/, "").replace(/\*$/, "");
    const value = params?.[name];
    const text = value == null ? "" : typeof value === "object" ? Object.values(value).join(",") : String(value);
    if (text === "" || text === "." || text === "..") {
      throw new TypeError(
        `path parameter "${name}" of ${path} is ${value == null ? "missing" : JSON.stringify(text)}; ` +
          'it must be a non-empty value other than "." or ".." (anything else would address another endpoint)',
      );
    }
  }
  return openapiFetch.defaultPathSerializer(path, params);
};
