/**
 * A `fetch` that answers from `handle` without a network, failing the way the real one does: a
 * dropped connection rejects with `TypeError('fetch failed')`, an aborted signal with its reason.
 * URLs must be absolute (any origin will do).
 */
export function inProcessFetch(handle: (request: Request) => Promise<Response>): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    request.signal.throwIfAborted()
    const response = await handle(request)
    request.signal.throwIfAborted()
    if (response.type === 'error') {
      throw new TypeError('fetch failed', { cause: new Error('the fake Toggl API dropped the connection') })
    }
    return response
  }
}
