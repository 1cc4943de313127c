// The two call styles and the errors they give.
import { ClickSendApiError, createClickSendClient, isClickSendError, unwrap } from "@clicksend-kit/client";
import { options } from "./_config.mjs";

const clicksend = createClickSendClient({ ...options, timeoutMs: 10_000, retry: { retries: 2 }, logger: console });

// 1. openapi-fetch's style: check `error`, which is a ClickSendApiError (and ClickSend's envelope).
const first = await clicksend.GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: 587713 } } });
if (first.error) console.log(`lookup failed: ${first.error.responseCode}`);
else console.log(`template: ${first.data.data.template_name}`);

// 2. The throwing style: unwrap() resolves to `data` or throws the same error.
try {
  // The mock rejects a message without a body, as ClickSend does (the types reject it too).
  await unwrap(clicksend.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111" }] } }));
} catch (err) {
  if (err instanceof ClickSendApiError) {
    console.log(`send rejected: ${err.status} ${err.responseCode} (retryable: ${err.retryable}, maybe delivered: ${err.maybeDelivered})`);
  } else if (isClickSendError(err)) {
    // A connection error or timeout. For a send, `maybeDelivered` says the outcome is unknown:
    // check the history (e.g. by custom_string) before sending again.
    console.log(`no answer: ${err.message}`);
  } else {
    throw err;
  }
}
