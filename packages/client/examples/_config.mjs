// Shared by the examples: where the ClickSend API is and which credentials to use. By default
// that is `pnpm mock` (Prism on http://127.0.0.1:4010, serving the bundled spec) with dummy
// credentials; set CLICKSEND_BASE_URL, CLICKSEND_USERNAME and CLICKSEND_API_KEY to use another.
export const options = {
  baseUrl: process.env.CLICKSEND_BASE_URL ?? "http://127.0.0.1:4010",
  username: process.env.CLICKSEND_USERNAME ?? "demo@example.com",
  apiKey: process.env.CLICKSEND_API_KEY ?? "demo-api-key",
};
