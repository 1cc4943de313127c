// Loading ClickSend's Node SDK and finding its operations by reflection.
//
// The SDK is CommonJS with `.d.ts` files that need `@types/request` and `bluebird` to type-check, so
// it is loaded with `require` and described here only as far as the harness relies on it.
import { createRequire } from "node:module";
import type { IncomingMessage } from "node:http";

const require = createRequire(import.meta.url);

/** What every SDK operation resolves (2xx) or rejects (other status) with. */
export interface SdkResult {
  response: IncomingMessage;
  /** `request` runs with `json: true`, so a JSON answer arrives parsed; anything else as a string. */
  body: unknown;
}

/** An instance of one of the SDK's `*Api` classes. */
export interface SdkApi {
  basePath: string;
  [method: string]: unknown;
}

export type SdkApiClass = new (username: string, password: string, basePath?: string) => SdkApi;
/** A model class of the SDK, e.g. `SmsMessage`: its instances are plain objects with camelCase fields. */
export type SdkModelClass = (new () => Record<string, unknown>) & {
  getAttributeTypeMap(): { name: string; baseName: string; type: string }[];
};

/** The module as loaded: `*Api` classes, model classes, enums and helpers. */
export type Sdk = Record<string, unknown>;

export const SDK_VERSION: string = (require("clicksend/package.json") as { version: string }).version;
export const sdk: Sdk = require("clicksend") as Sdk;

/** Helpers every `*Api` class has; everything else on a prototype with a function value is an operation. */
export const GENERIC_MEMBERS = new Set(["constructor", "setDefaultAuthentication", "setApiKey"]);

export interface Operation {
  /** `SMSApi.smsSendPost` */
  key: string;
  api: string;
  method: string;
}

/** Every `*Api` class the module exports, by name. */
export function apiClasses(module: Sdk = sdk): Map<string, SdkApiClass> {
  const out = new Map<string, SdkApiClass>();
  for (const [name, value] of Object.entries(module).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.endsWith("Api") && typeof value === "function" && value.prototype) out.set(name, value as SdkApiClass);
  }
  return out;
}

/**
 * Every operation method of every `*Api` class: own prototype members whose value is a function,
 * except the generic helpers. Accessors (`basePath`, `useQuerystring`, `username`, `password`)
 * have no `value` and drop out by themselves.
 */
export function operations(module: Sdk = sdk): Operation[] {
  const out: Operation[] = [];
  for (const [api, cls] of apiClasses(module)) {
    for (const method of Object.getOwnPropertyNames(cls.prototype).sort()) {
      if (GENERIC_MEMBERS.has(method)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, method);
      if (typeof descriptor?.value !== "function") continue;
      out.push({ key: `${api}.${method}`, api, method });
    }
  }
  return out;
}

/** `new sdk[name]()` with `fields` assigned: a model instance as an SDK user builds one. */
export function model<T extends Record<string, unknown>>(name: string, fields: T): Record<string, unknown> & T {
  const cls = sdk[name];
  if (typeof cls !== "function") throw new Error(`clicksend ${SDK_VERSION} exports no model class "${name}"`);
  const modelClass = cls as SdkModelClass;
  // The SDK serializes only the attributes it knows: a misspelt field would vanish from the request.
  const known = new Set(modelClass.getAttributeTypeMap().map((a) => a.name));
  for (const field of Object.keys(fields)) {
    if (!known.has(field)) throw new Error(`${name} has no attribute "${field}" (attributes: ${[...known].join(", ")})`);
  }
  return Object.assign(new modelClass(), fields);
}
