// Code samples for every operation and webhook, generated from the bundled spec (never written per
// operation): TypeScript with @clicksend-kit/client, curl, Python with the client that
// openapi-python-client generates (polyglot/python) and Go with the one oapi-codegen generates
// (polyglot/go). Each request sample is the operation's example: its path and required query
// parameters and its JSON body example. Webhook samples show a handler for the callback and
// ClickSend's delivery of the example payload.
import { deref, exampleOf, jsonBody, listOperations } from './openapi.mjs';

export const API_ORIGIN = 'https://rest.clicksend.com';
export const LANGUAGES = [
  { key: 'typescript', lang: 'TypeScript', label: 'TypeScript (@clicksend-kit/client)', ext: 'ts' },
  { key: 'curl', lang: 'Shell', label: 'curl', ext: 'sh' },
  { key: 'python', lang: 'Python', label: 'Python (generated client)', ext: 'py' },
  { key: 'go', lang: 'Go', label: 'Go (generated client)', ext: 'go' },
];

const json = (v, indent = 2) => JSON.stringify(v, null, indent);
const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const indentLines = (text, pad) => text.split('\n').map((l, i) => (i === 0 ? l : pad + l)).join('\n');

/** The request an operation's example makes: path with values, query, body. */
export function exampleRequest(spec, { path, operation, parameters }) {
  const pathParams = [];
  const query = {};
  for (const p of parameters) {
    const value = exampleOf(spec, p);
    if (p.in === 'path') {
      if (value === undefined) throw new Error(`${operation.operationId}: path parameter ${p.name} has no example`);
      pathParams.push({ param: p, value });
    } else if (p.in === 'query' && p.required) {
      if (value === undefined) throw new Error(`${operation.operationId}: required query parameter ${p.name} has no example`);
      query[p.name] = value;
    }
  }
  const media = jsonBody(spec, operation);
  const body = media ? exampleOf(spec, media) : undefined;
  if (media && body === undefined) throw new Error(`${operation.operationId}: the JSON request body has no example`);
  const url = path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(pathParams.find((x) => x.param.name === name).value)));
  // Names keep their brackets (`filter[product_type]`), as ClickSend reads them.
  const search = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
  return { pathParams, query, body, url: search ? `${url}?${search}` : url, hasQueryParams: parameters.some((p) => p.in === 'query') };
}

// ---------- TypeScript ----------

function typescriptRequest(spec, entry) {
  const { operation, path, method } = entry;
  const req = exampleRequest(spec, entry);
  const params = [];
  if (req.pathParams.length) params.push(`path: { ${req.pathParams.map(({ param, value }) => `${JSON.stringify(param.name)}: ${JSON.stringify(value)}`).join(', ')} }`);
  if (Object.keys(req.query).length) params.push(`query: ${JSON.stringify(req.query)}`);
  const init = [];
  if (params.length) init.push(`params: { ${params.join(', ')} }`);
  if (req.body !== undefined) init.push(`body: ${indentLines(json(req.body), '    ')}`);
  const args = init.length ? `, {\n    ${init.join(',\n    ')},\n  }` : '';
  return `// ${operation.summary}: ${method.toUpperCase()} ${path}
import { createClickSendClient, isClickSendError, unwrap } from "@clicksend-kit/client";

const clicksend = createClickSendClient(); // CLICKSEND_USERNAME and CLICKSEND_API_KEY from the environment

try {
  const result = await unwrap(clicksend.${method.toUpperCase()}(${JSON.stringify(path)}${args}));
  console.log(JSON.stringify(result, null, 2));
} catch (err) {
  if (!isClickSendError(err)) throw err;
  // maybeDelivered: ClickSend may have acted on it although no answer came; check before sending again.
  console.error(err.maybeDelivered ? \`\${err.operation}: outcome unknown, check before retrying\` : err.message);
  process.exitCode = 1;
}
`;
}

/** Webhook form of an operation: "post" (form), "json" or "get", and the payload example. */
function webhookForms(spec, entry) {
  const forms = [];
  if (entry.method === 'get') {
    const payload = entry.parameters.find((p) => p.in === 'query');
    forms.push({ form: 'get', payload: exampleOf(spec, payload) });
  } else {
    const content = deref(spec, entry.operation.requestBody)?.content ?? {};
    if (content['application/x-www-form-urlencoded']) forms.push({ form: 'post', payload: exampleOf(spec, content['application/x-www-form-urlencoded']) });
    if (content['application/json']) forms.push({ form: 'json', payload: exampleOf(spec, content['application/json']) });
  }
  for (const f of forms) if (!f.payload) throw new Error(`webhook ${entry.operation.operationId}: no example payload for the ${f.form} form`);
  return forms;
}

/** What ClickSend sends for a webhook in one form: method, content type, body or query. */
export function webhookDelivery({ form, payload }, endpoint) {
  const fields = new URLSearchParams(Object.entries(payload).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
  if (form === 'get') return { method: 'GET', url: `${endpoint}${endpoint.includes('?') ? '&' : '?'}${fields}` };
  if (form === 'post') return { method: 'POST', url: endpoint, contentType: 'application/x-www-form-urlencoded', body: fields };
  return { method: 'POST', url: endpoint, contentType: 'application/json', body: JSON.stringify(payload) };
}

const WEBHOOK_ENDPOINT = 'https://example.com/clicksend/callbacks?token=YOUR_SECRET_TOKEN';

function typescriptWebhook(spec, entry) {
  const [first] = webhookForms(spec, entry);
  const d = webhookDelivery(first, WEBHOOK_ENDPOINT);
  const init = [`method: ${JSON.stringify(d.method)}`];
  if (d.body) init.push(`headers: { "content-type": ${JSON.stringify(d.contentType)} }`, `body: ${JSON.stringify(d.body)}`);
  return `// ${entry.operation.summary}: a handler for ClickSend's callback, and the delivery it receives
import { ClickSendWebhookError, parseWebhook } from "@clicksend-kit/client";

const SECRET = process.env.WEBHOOK_TOKEN ?? "YOUR_SECRET_TOKEN"; // the token you put in the callback URL

export async function handle(request: Request): Promise<Response> {
  // ClickSend does not sign callbacks: accept only URLs that carry your secret token.
  if (new URL(request.url).searchParams.get("token") !== SECRET) return new Response("forbidden", { status: 403 });
  try {
    const event = await parseWebhook(request);
    console.log(event.type, JSON.stringify(event.payload));
    return new Response("OK");
  } catch (err) {
    if (err instanceof ClickSendWebhookError) return new Response(err.message, { status: 400 });
    throw err;
  }
}

// What ClickSend sends (webhook_type "${first.form}"):
const response = await handle(new Request(${JSON.stringify(d.url)}, { ${init.join(', ')} }));
console.log(response.status, await response.text());
if (!response.ok) process.exitCode = 1;
`;
}

// ---------- curl ----------

const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

function curlRequest(spec, entry) {
  const req = exampleRequest(spec, entry);
  const lines = [`curl --fail-with-body --silent --show-error`, `--user "$CLICKSEND_USERNAME:$CLICKSEND_API_KEY"`, `--request ${entry.method.toUpperCase()}`];
  if (req.body !== undefined) lines.push(`--header 'Content-Type: application/json'`, `--data ${shellQuote(json(req.body))}`);
  if (/[[\]{}]/.test(req.url)) lines.push('--globoff'); // brackets in a parameter name are not a curl URL pattern
  lines.push(shellQuote(`${API_ORIGIN}${req.url}`));
  return `# ${entry.operation.summary}\n${lines.join(' \\\n  ')}\n`;
}

function curlWebhook(spec, entry) {
  return webhookForms(spec, entry)
    .map((f) => {
      const d = webhookDelivery(f, WEBHOOK_ENDPOINT);
      const lines = [`curl --fail-with-body --silent --show-error`, `--request ${d.method}`];
      if (d.body) lines.push(`--header ${shellQuote(`Content-Type: ${d.contentType}`)}`, `--data ${shellQuote(d.body)}`);
      lines.push(shellQuote(d.url));
      return `# What ClickSend sends for webhook_type "${f.form}"\n${lines.join(' \\\n  ')}\n`;
    })
    .join('\n');
}

// ---------- Python (openapi-python-client names) ----------

const PY_RESERVED = new Set(['from', 'import', 'class', 'def', 'global', 'in', 'is', 'lambda', 'pass', 'return', 'type', 'id', 'filter', 'format', 'list', 'dict']);
/** openapi-python-client's words: other characters dropped (`filter[x]` is `filterx`), split at case changes, spaces, _ and -. */
function pyWords(name) {
  return name
    .replace(/[^A-Za-z0-9 _-]+/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[ _-]+/)
    .filter(Boolean);
}
/** openapi-python-client's snake_case. */
export function pySnake(name) {
  return pyWords(name).join('_').toLowerCase();
}
/** openapi-python-client's class names: each word capitalized, all-capital words kept. */
export const pyPascal = (name) => pyWords(name).map((w) => (w === w.toUpperCase() ? w : upperFirst(w.toLowerCase()))).join('');
const pyArg = (name) => {
  const s = pySnake(name);
  return PY_RESERVED.has(s) ? `${s}_` : s;
};
function pyLiteral(v, pad = '') {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string' || typeof v === 'number') return JSON.stringify(v);
  const inner = `${pad}    `;
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => inner + pyLiteral(x, inner)).join(',\n')},\n${pad}]` : '[]';
  const entries = Object.entries(v);
  return entries.length ? `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pyLiteral(x, inner)}`).join(',\n')},\n${pad}}` : '{}';
}
const refName = (schema) => schema?.$ref?.split('/').pop();

/**
 * The generated model class a JSON body example goes into, or undefined when the client takes a
 * plain dict (a oneOf whose branches only differ in what they require).
 */
function pythonBodyClass(spec, operation, schema, example) {
  const resolved = deref(spec, schema);
  const branches = resolved.oneOf ?? resolved.anyOf;
  if (!branches) return refName(schema) ? pyPascal(refName(schema)) : `${pyPascal(operation.operationId)}Body`;
  const fits = branches.find((b) => (deref(spec, b).required ?? []).every((k) => k in example));
  if (!fits || !(refName(fits) || deref(spec, fits).title)) return undefined;
  return pyPascal(refName(fits) ?? deref(spec, fits).title);
}

function pythonRequest(spec, entry) {
  const { operation } = entry;
  const req = exampleRequest(spec, entry);
  const fn = pySnake(operation.operationId);
  const modelImports = [];
  const args = ['client=client'];
  for (const { param, value } of req.pathParams) args.push(`${pyArg(param.name)}=${pyLiteral(value)}`);
  for (const [name, value] of Object.entries(req.query)) {
    const p = entry.parameters.find((x) => x.in === 'query' && x.name === name);
    const enumClass = p.schema?.enum ? `${pyPascal(operation.operationId)}${pyPascal(name)}` : deref(spec, p.schema)?.enum ? refName(p.schema) : undefined;
    if (enumClass) modelImports.push(enumClass);
    args.push(`${pyArg(name)}=${enumClass ? `${enumClass}(${pyLiteral(value)})` : pyLiteral(value)}`);
  }
  let bodyLine = '';
  if (req.body !== undefined) {
    const cls = pythonBodyClass(spec, operation, jsonBody(spec, operation).schema, req.body);
    if (cls) modelImports.push(cls);
    bodyLine = cls ? `body = ${cls}.from_dict(${pyLiteral(req.body)})\n` : `body = ${pyLiteral(req.body)}\n`;
    args.push('body=body');
  }
  return `# ${operation.summary}
import base64
import os

from clicksend_client import AuthenticatedClient
from clicksend_client.api.${pySnake(entry.tag)} import ${fn}
${modelImports.length ? `from clicksend_client.models import ${[...new Set(modelImports)].join(', ')}\n` : ''}
# ClickSend uses HTTP Basic auth with your username and API key.
credentials = base64.b64encode(f"{os.environ['CLICKSEND_USERNAME']}:{os.environ['CLICKSEND_API_KEY']}".encode()).decode()
client = AuthenticatedClient(base_url=${JSON.stringify(API_ORIGIN)}, token=credentials, prefix="Basic")

${bodyLine}response = ${fn}.sync_detailed(${args.join(', ')})
if response.status_code >= 300:
    raise SystemExit(f"${operation.operationId} failed: HTTP {response.status_code}: {response.content[:300]!r}")
print(response.status_code, response.parsed)
`;
}

function pythonWebhook(spec, entry) {
  const schema = entry.method === 'get' ? entry.parameters.find((p) => p.in === 'query').schema : deref(spec, entry.operation.requestBody).content[Object.keys(deref(spec, entry.operation.requestBody).content)[0]].schema;
  const cls = pyPascal(refName(schema));
  const [first] = webhookForms(spec, entry);
  const source = first.form === 'json' ? 'json.loads(body)' : first.form === 'get' ? 'dict(parse_qsl(query))' : 'dict(parse_qsl(body))';
  return `# ${entry.operation.summary}: parse the callback into the generated model
import json
from urllib.parse import parse_qsl

from clicksend_client.models import ${cls}

${first.form === 'get' ? `query = ${JSON.stringify(new URLSearchParams(first.payload).toString())}` : `body = ${JSON.stringify(webhookDelivery(first, '').body)}`}  # what ClickSend sends (webhook_type "${first.form}")
event = ${cls}.from_dict(${source})
print(event)
`;
}

// ---------- Go (oapi-codegen names) ----------

/** oapi-codegen's Go name for an operationId or schema name. */
export const goName = (name) => name.split(/[^A-Za-z0-9]+/).filter(Boolean).map(upperFirst).join('');

function goPathArg(spec, { param, value }, vars) {
  const schema = param.schema ?? {};
  const ref = refName(schema);
  const variable = `${goName(param.name).charAt(0).toLowerCase()}${goName(param.name).slice(1)}`;
  if (ref && (deref(spec, schema).anyOf || deref(spec, schema).oneOf)) {
    vars.push(`var ${variable} clicksend.${goName(ref)}\n\tif err := json.Unmarshal([]byte(${JSON.stringify(JSON.stringify(value))}), &${variable}); err != nil {\n\t\tlog.Fatal(err)\n\t}`);
    return variable;
  }
  if (deref(spec, schema).format === 'uuid') return `uuid.MustParse(${JSON.stringify(String(value))})`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function goRequest(spec, entry) {
  const { operation } = entry;
  const req = exampleRequest(spec, entry);
  const name = goName(operation.operationId);
  const vars = [];
  const args = ['ctx', ...req.pathParams.map((p) => goPathArg(spec, p, vars))];
  if (req.hasQueryParams) {
    vars.push(`var params clicksend.${name}Params\n\tif err := json.Unmarshal([]byte(${'`'}${JSON.stringify(req.query)}${'`'}), &params); err != nil {\n\t\tlog.Fatal(err)\n\t}`);
    args.push('&params');
  }
  if (req.body !== undefined) {
    vars.push(`var body clicksend.${name}JSONRequestBody\n\tif err := json.Unmarshal([]byte(${'`'}${json(req.body).replace(/`/g, '` + "`" + `')}${'`'}), &body); err != nil {\n\t\tlog.Fatal(err)\n\t}`);
    args.push('body');
  }
  const usesUuid = args.some((a) => a.startsWith('uuid.'));
  const usesJson = vars.length > 0;
  return `// ${operation.summary}
package main

import (
	"context"
${usesJson ? '\t"encoding/json"\n' : ''}	"fmt"
	"log"
	"net/http"
	"os"

${usesUuid ? '\t"github.com/google/uuid"\n' : ''}	"github.com/clicksend-kit/polyglot/go/clicksend"
)

func main() {
	ctx := context.Background()
	// ClickSend uses HTTP Basic auth with your username and API key.
	basicAuth := clicksend.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
		req.SetBasicAuth(os.Getenv("CLICKSEND_USERNAME"), os.Getenv("CLICKSEND_API_KEY"))
		return nil
	})
	client, err := clicksend.NewClientWithResponses(${JSON.stringify(API_ORIGIN)}, basicAuth)
	if err != nil {
		log.Fatal(err)
	}
${vars.map((v) => `\t${v}\n`).join('')}
	res, err := client.${name}WithResponse(${args.join(', ')})
	if err != nil {
		log.Fatal(err) // no answer: connection failure or timeout
	}
	if res.StatusCode() >= 300 {
		log.Fatalf("${operation.operationId} failed: HTTP %d: %.300s", res.StatusCode(), res.Body)
	}
	fmt.Println(res.StatusCode(), string(res.Body))
}
`;
}

function goWebhook(spec, entry) {
  const schema = entry.method === 'get' ? entry.parameters.find((p) => p.in === 'query').schema : deref(spec, entry.operation.requestBody).content[Object.keys(deref(spec, entry.operation.requestBody).content)[0]].schema;
  const type = goName(refName(schema));
  return `// ${entry.operation.summary}: an HTTP handler that reads the callback into the generated model
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	"github.com/clicksend-kit/polyglot/go/clicksend"
)

func main() {
	http.HandleFunc("/clicksend/callbacks", func(w http.ResponseWriter, r *http.Request) {
		// ClickSend does not sign callbacks: accept only URLs that carry your secret token.
		if r.URL.Query().Get("token") != os.Getenv("WEBHOOK_TOKEN") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		if err := r.ParseForm(); err != nil { // form POST and GET query string
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fields := map[string]string{}
		for key := range r.Form {
			fields[key] = r.Form.Get(key)
		}
		raw, _ := json.Marshal(fields)
		var event clicksend.${type}
		if err := json.Unmarshal(raw, &event); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		log.Printf("%+v", event)
		w.Write([]byte("OK"))
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", nil))
}
`;
}

/**
 * Samples for every operation and webhook of the bundle:
 * [{ operationId, section, method, path, tag, samples: { typescript, curl, python, go } }].
 */
export function generateSamples(spec) {
  return listOperations(spec).map((entry) => {
    const hook = entry.section === 'webhooks';
    return {
      operationId: entry.operation.operationId,
      section: entry.section,
      method: entry.method,
      path: entry.path,
      tag: entry.tag,
      samples: hook
        ? { typescript: typescriptWebhook(spec, entry), curl: curlWebhook(spec, entry), python: pythonWebhook(spec, entry), go: goWebhook(spec, entry) }
        : { typescript: typescriptRequest(spec, entry), curl: curlRequest(spec, entry), python: pythonRequest(spec, entry), go: goRequest(spec, entry) },
    };
  });
}
