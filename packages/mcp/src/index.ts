// Public entry of @clicksend-kit/mcp: the MCP server of the `clicksend-mcp` bin, to embed in another process.
export { createClickSendMcpServer, prepareTools, refusal, type ClickSendMcpOptions, type ClickSendTools } from "./server.js";
export { buildCatalog, needsConfirmation, priceOperationFor, type JsonSchema, type Operation } from "./catalog.js";
export { searchOperations, type OperationMatch } from "./search.js";
export { ROUTES, type RouteName } from "./route.js";
export { MAX_LIST_ITEMS } from "./trimming.js";
