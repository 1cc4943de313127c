// The facts of one operation, read the same way from our bundle and from ClickSend's own
// descriptions (OpenAPI 3.x or Swagger 2.0): its parameters, its request body fields and the
// fields of the `data` its 200 response carries. Names and types only, never prose or examples.
import { deref, listOperations, operationParameters } from './openapi-walk.mjs';
import { exampleFields, fieldFact, schemaFields } from './schema-fields.mjs';

// Headers every client sets for itself; they are not part of an operation's contract.
const TRANSPORT_HEADERS = new Set(['content-type', 'accept', 'authorization']);

/** `/v3/sms/{message_id}/cancel` → `/v3/sms/{}/cancel`: operations match whatever the path parameters are called. */
export function pathShape(path) {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
}

/** `"POST /v3/sms/{}/cancel"`, the key operations of different documents are matched by. */
export function matchKey(method, path) {
  return `${method.toUpperCase()} ${pathShape(path)}`;
}

/** True for a Swagger 2.0 document. */
function isSwagger2(doc) {
  return typeof doc.swagger === 'string';
}

/** The prefix paths of `doc` need to read as ClickSend's (`/v3/...`). */
function basePath(doc) {
  if (isSwagger2(doc)) return (doc.basePath ?? '').replace(/\/+$/, '');
  return '';
}

/** Every operation of `doc` with its facts, keyed by `matchKey`. */
export function documentFacts(doc) {
  const prefix = basePath(doc);
  const operations = {};
  for (const entry of listOperations(doc, 'paths')) {
    const path = `${prefix}${entry.path}`;
    const key = matchKey(entry.method, path);
    operations[key] = { method: entry.method.toUpperCase(), path, ...operationFacts(doc, entry) };
  }
  return operations;
}

/** `{ operationId, deprecated?, parameters, body?, data?, dataFromExample? }` for one operation. */
export function operationFacts(doc, entry) {
  const where = entry.key;
  const facts = { operationId: entry.operation.operationId ?? null };
  if (entry.operation.deprecated) facts.deprecated = true;
  facts.parameters = {};
  let swaggerBody = null;
  const formFields = {};
  for (const parameter of operationParameters(doc, entry)) {
    if (parameter.in === 'header' && TRANSPORT_HEADERS.has(String(parameter.name).toLowerCase())) continue;
    if (parameter.in === 'body') {
      swaggerBody = parameter;
      continue;
    }
    const schema = parameter.schema ? deref(doc, parameter.schema, where) : parameter; // 2.0 keeps type on the parameter
    const fact = fieldFact(schema, parameter.required === true || parameter.in === 'path');
    if (parameter.in === 'formData') {
      formFields[parameter.name] = fact;
      continue;
    }
    facts.parameters[`${parameter.in}.${parameter.name}`] = { in: parameter.in, name: parameter.name, ...fact };
  }

  const body = requestBodyFacts(doc, entry, swaggerBody, formFields);
  if (body) facts.body = body;
  Object.assign(facts, responseDataFacts(doc, entry));
  return facts;
}

function requestBodyFacts(doc, entry, swaggerBody, formFields) {
  const where = `${entry.key} request body`;
  if (swaggerBody) {
    return { mediaType: 'application/json', required: swaggerBody.required === true, fields: schemaFields(doc, swaggerBody.schema, { where }) };
  }
  if (Object.keys(formFields).length) {
    return { mediaType: 'application/x-www-form-urlencoded', required: true, fields: formFields };
  }
  const requestBody = entry.operation.requestBody ? deref(doc, entry.operation.requestBody, where) : null;
  if (!requestBody?.content) return null;
  const [mediaType, media] = Object.entries(requestBody.content)[0];
  if (!media?.schema) return { mediaType, required: requestBody.required === true, fields: {} };
  return { mediaType, required: requestBody.required === true, fields: schemaFields(doc, media.schema, { where }) };
}

/** The 200 (or first 2xx) response's `data` fields, from its schema, or from its example when it has no schema. */
function responseDataFacts(doc, entry) {
  const responses = entry.operation.responses ?? {};
  const status = ['200', '201'].find((s) => responses[s]) ?? Object.keys(responses).find((s) => /^2/.test(s));
  if (!status) return {};
  const response = deref(doc, responses[status], `${entry.key} response ${status}`);
  const media = response.content ? Object.values(response.content)[0] : response.schema ? { schema: response.schema } : null;
  if (!media) return {};
  const out = {};
  if (media.schema) {
    const fields = schemaFields(doc, media.schema, { where: `${entry.key} response ${status}` });
    const data = Object.fromEntries(Object.entries(fields).filter(([path]) => path === 'data' || path.startsWith('data.') || path.startsWith('data[]')));
    if (Object.keys(data).length) out.data = data;
  }
  const example = firstExample(doc, media);
  if (example && typeof example === 'object' && 'data' in example) out.dataFromExample = exampleFields(example.data, 'data');
  return out;
}

function firstExample(doc, media) {
  if (media.example !== undefined) return media.example;
  const named = media.examples ? Object.values(media.examples)[0] : undefined;
  if (named) return deref(doc, named, 'example').value;
  const schema = media.schema ? deref(doc, media.schema, 'response schema') : null;
  return schema?.example;
}

