import { prismUrl } from "@clicksend-kit/mock/vitest";
import { createClickSendClient } from "../../src/index.js";
import { recordingFetch } from "./recording-fetch.js";

/** Dummy credentials: Prism only checks that Basic auth is present. */
export const DEMO_CREDENTIALS = { username: "demo@example.com", apiKey: "0D0E0A0D-KEY" } as const;

/**
 * Clients for the project's shared Prism mock of the bundled spec (started by the vitest
 * globalSetup), whose `requests` record what they sent.
 */
export function usePrismClient() {
  const url = prismUrl;
  return {
    url,
    client() {
      const recorder = recordingFetch();
      const clicksend = createClickSendClient({ ...DEMO_CREDENTIALS, baseUrl: url(), fetch: recorder.fetch });
      return { clicksend, requests: recorder.requests };
    },
  };
}
