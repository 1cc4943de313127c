import { afterAll, beforeAll } from "vitest";
import { startPrism, type RunningServer } from "@clicksend-kit/mock";
import { createClickSendClient } from "../../src/index.js";
import { recordingFetch } from "./recording-fetch.js";

/** Dummy credentials: Prism only checks that Basic auth is present. */
export const DEMO_CREDENTIALS = { username: "demo@example.com", apiKey: "0D0E0A0D-KEY" } as const;

/**
 * Starts a Prism mock of the bundled spec for the calling test file (stopped after it) and
 * makes clients for it whose `requests` record what they sent.
 */
export function usePrismClient() {
  let prism: RunningServer | undefined;
  beforeAll(async () => {
    prism = await startPrism();
  });
  afterAll(async () => {
    await prism?.stop();
  });
  const url = () => {
    if (!prism) throw new Error("Prism is not running (use the client inside a test)");
    return prism.url;
  };
  return {
    url,
    client() {
      const recorder = recordingFetch();
      const clicksend = createClickSendClient({ ...DEMO_CREDENTIALS, baseUrl: url(), fetch: recorder.fetch });
      return { clicksend, requests: recorder.requests };
    },
  };
}
