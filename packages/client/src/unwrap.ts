type Result = { data?: unknown; error?: unknown; response: Response };
type Data<R> = R extends { data: infer D } ? NonNullable<D> : never;

/**
 * The throwing style: resolves to the `data` of a call, or rejects with its `error`. Connection
 * failures, timeouts and aborts already reject, so one `try`/`catch` sees every `ClickSendError`.
 *
 * @example
 * const sent = await unwrap(clicksend.POST("/v3/sms/send", { body }));
 * // or: const sent = await clicksend.POST("/v3/sms/send", { body }).then(unwrap);
 */
export async function unwrap<R extends Result>(result: R | PromiseLike<R>): Promise<Data<R>> {
  const { data, error } = await result;
  if (error !== undefined) throw error;
  return data as Data<R>;
}
