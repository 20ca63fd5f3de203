/**
 * `CrispTransport.makeFetch`: an `HttpClient` over `fetch` whose lean exchange
 * (see `exchange.ts`) is one asynchronous step: `fetch`, then the body as text,
 * with the timeout's timer and the abort inside it. Only web standards: it runs
 * wherever `fetch` does (Node 20+, Deno, Bun, workers, edge runtimes, browsers);
 * on Node's own `fetch` the abort goes through its dispatcher (see `abortable`).
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { armed, describeFailure, type Exchange, ExchangeFailure, type ExchangeRequest, withExchange } from "./exchange.js"

/** The `fetch` to call: a given one, or the global one as it is when the request is sent. */
export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>

const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init)

/**
 * What an undici `Dispatcher` (Node's own `fetch` runs on one) looks like here: the
 * handler it is given receives the request's `abort` in `onConnect`.
 */
interface Dispatcher {
  readonly dispatch: (options: unknown, handler: DispatchHandler) => boolean
}
interface DispatchHandler {
  onConnect?: (abort: (reason?: unknown) => void, ...rest: Array<unknown>) => void
}

/** Where undici (Node's `fetch` included) keeps the global dispatcher; shared by every undici copy. */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1")

/**
 * The global dispatcher of Node's `fetch`, once the first `fetch` has made it; `undefined`
 * on runtimes without one (Deno, Bun, workers, browsers).
 */
const nodeDispatcher = (): Dispatcher | undefined => {
  const found = (globalThis as { readonly [GLOBAL_DISPATCHER]?: Partial<Dispatcher> })[GLOBAL_DISPATCHER]
  return typeof found?.dispatch === "function" ? found as Dispatcher : undefined
}

/**
 * How to abort one `fetch`. With Node's own `fetch`, it is given a `dispatcher`
 * that wraps the global one and keeps the `abort` undici hands the request: an
 * `AbortSignal` costs Node's `fetch` a controller of its own, a listener, a
 * `WeakRef` and a `FinalizationRegistry` entry per request (~11 µs of CPU per
 * call in-process). Anywhere else, the standard way: an `AbortController`. The
 * wrapper relies on the dispatch handler's `onConnect(abort)`, which the `fetch`
 * of undici 6 and 7 (Node 20 to 24) passes.
 */
const abortable = (
  fetchFunction: FetchFunction,
  request: ExchangeRequest
): { readonly init: RequestInit; readonly abort: () => void } => {
  const { method, headers } = request
  const body = request.body ?? null
  const global = fetchFunction === globalFetch ? nodeDispatcher() : undefined
  if (global === undefined) {
    const controller = new AbortController()
    return { init: { method, headers, body, signal: controller.signal }, abort: () => controller.abort() }
  }
  let abortRequest: ((reason?: unknown) => void) | undefined
  let aborted = false
  const dispatcher: Dispatcher = {
    dispatch: (options, handler) => {
      const onConnect = handler.onConnect
      handler.onConnect = function(this: DispatchHandler, abort, ...rest) {
        abortRequest = abort
        onConnect?.call(this, abort, ...rest)
        // Aborted while still queued: end it before it is written.
        if (aborted) abort(abortError())
      }
      return global.dispatch(options, handler)
    }
  }
  return {
    init: { method, headers, body, dispatcher } as RequestInit,
    abort: () => {
      aborted = true
      abortRequest?.(abortError())
    }
  }
}

const abortError = () => new DOMException("This operation was aborted", "AbortError")

/** The lean exchange over `fetch`. */
export const fetchExchange = (fetchFunction: FetchFunction): Exchange => (request, timeoutMillis, settle) =>
  armed(timeoutMillis, settle, (settle) => {
    let stage = "Transport"
    const failed = (cause: unknown) => settle(new ExchangeFailure("network", describeFailure(stage, cause)))
    const { abort, init } = abortable(fetchFunction, request)
    try {
      fetchFunction(request.url, init).then((response) => {
        stage = "Decode"
        const status = response.status
        // Only a 420/429 needs it: a header lookup less on every other answer.
        const retryAfter = status === 429 || status === 420 ? response.headers.get("retry-after") ?? undefined : undefined
        return response.text().then((text) => settle({ status, retryAfter, text }))
      }).then(undefined, failed)
    } catch (cause) {
      failed(cause)
    }
    return abort
  })

/**
 * An `HttpClient` through the platform's `HttpClient.make` (spans, trace headers,
 * abort on interruption), sending with `send`: what `execute` of the CrispTransport
 * clients does. Every request body kind is passed on; the response streams.
 */
export const platformClient = (
  send: (url: URL, init: RequestInit & { readonly duplex?: "half" }) => Promise<Response>
): HttpClient.HttpClient =>
  HttpClient.make((request, url, signal) => {
    const headers = request.headers["content-length"] === undefined
      ? request.headers
      : Headers.remove(request.headers, "content-length")
    const sendWith = (body: BodyInit | undefined) =>
      Effect.map(
        Effect.tryPromise({
          try: () =>
            send(url, {
              method: request.method,
              headers,
              body: body ?? null,
              signal,
              ...(request.body._tag === "Stream" ? { duplex: "half" as const } : {})
            }),
          catch: (cause) => new HttpClientError.RequestError({ request, reason: "Transport", cause })
        }),
        (response) => HttpClientResponse.fromWeb(request, response)
      )
    const body = request.body
    switch (body._tag) {
      case "Raw":
        return sendWith(body.body as BodyInit)
      case "Uint8Array":
        return sendWith(body.body as Uint8Array<ArrayBuffer>)
      case "FormData":
        return sendWith(body.formData)
      case "Stream":
        return Effect.flatMap(Stream.toReadableStreamEffect(body.stream), sendWith)
      case "Empty":
        return sendWith(undefined)
    }
  })

/** The `HttpClient` of `CrispTransport.makeFetch`. */
export const makeFetch = (fetchFunction: FetchFunction = globalFetch): HttpClient.HttpClient =>
  withExchange(platformClient(fetchFunction), fetchExchange(fetchFunction))
