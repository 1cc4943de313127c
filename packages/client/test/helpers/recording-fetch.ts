/** A `fetch` that sends for real and remembers each request (cloned, so bodies stay readable). */
export function recordingFetch(inner: (input: Request) => Promise<Response> = (r) => fetch(r)) {
  const requests: Request[] = [];
  const fetchFn = async (input: Request): Promise<Response> => {
    requests.push(input.clone());
    return inner(input);
  };
  return { fetch: fetchFn, requests };
}
