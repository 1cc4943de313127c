// One Prism per vitest project instead of one per test file. Prism spends seconds of CPU loading
// the 237-operation bundle; a dozen of them starting at once on a two-core CI box timed tests out.
// Use it as `globalSetup` and read the URL in tests with `prismUrl()` from
// "@clicksend-kit/mock/vitest".
import { startPrism } from "./prism.js";

/** The part of vitest's `TestProject` this setup uses. */
interface ProvidingProject {
  provide(key: "prismUrl", value: string): void;
}

/** Starts Prism on the bundled spec before the project's first test file; stops it by PID after the last. */
export default async function setup(project: ProvidingProject): Promise<() => Promise<void>> {
  const prism = await startPrism();
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
