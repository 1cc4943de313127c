import type { PageItem, PaginatedPath } from "@clicksend-kit/types";
import type { ClickSendClient, InitArgs } from "./client-types.js";
import type { GetPaths } from "./generated/methods.js";

/** The `init` of a paged GET; `page` is where to start (default 1). */
export type PaginateInit<P extends PaginatedPath> = P extends keyof GetPaths ? InitArgs<GetPaths[P], "json"> : never;

interface Page {
  current_page?: number;
  last_page?: number;
  data?: unknown[];
}

/**
 * Iterates the items of a paged list, page after page (`page`/`limit`), until `last_page`.
 * Only paged list paths type-check. Leaving the loop early (`break`, `return`, a throw)
 * requests no further page. A failed page throws its `ClickSendError`; a server that answers
 * another page than the one asked for throws instead of being paged forever.
 *
 * @example
 * for await (const sms of paginate(clicksend, "/v3/sms/history", { params: { query: { limit: 100 } } })) {
 *   console.log(sms.message_id, sms.status);
 * }
 */
export async function* paginate<P extends PaginatedPath>(
  client: ClickSendClient,
  path: P,
  ...init: PaginateInit<P>
): AsyncGenerator<PageItem<P>, void, undefined> {
  const options = (init[0] ?? {}) as { params?: { query?: { page?: number } } };
  let page = options.params?.query?.page ?? 1;
  for (;;) {
    const call = { ...options, params: { ...options.params, query: { ...options.params?.query, page } } };
    const { data, error } = await (client.GET as (p: string, i: unknown) => Promise<{ data?: { data: Page }; error?: unknown }>)(path, call);
    if (error !== undefined) throw error;
    const body = data!.data;
    const items = Array.isArray(body?.data) ? body.data : [];
    const current = typeof body?.current_page === "number" ? body.current_page : page;
    if (current !== page) {
      throw new Error(`paginate ${path}: asked for page ${page}, the server answered page ${current}; stopping rather than reading the same pages again`);
    }
    yield* items as PageItem<P>[];
    if (items.length === 0 || typeof body?.last_page !== "number" || current >= body.last_page) return;
    page = current + 1;
  }
}
