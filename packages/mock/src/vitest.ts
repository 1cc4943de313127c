// Test-side half of vitest-global-setup.ts.
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the project's shared Prism mock (set by @clicksend-kit/mock/vitest-global-setup). */
    prismUrl: string;
  }
}

/** Base URL of the Prism mock shared by every test file of this vitest project. */
export function prismUrl(): string {
  const url = inject("prismUrl");
  if (!url) throw new Error('No shared Prism: add globalSetup: ["@clicksend-kit/mock/vitest-global-setup"] to this project\'s vitest config');
  return url;
}
