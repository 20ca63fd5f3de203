/**
 * `CrispTransport.makeFetch`: an `HttpClient` over `fetch` whose lean exchange
 * (see `exchange.ts`) is one asynchronous step: `fetch`, then the body as text,
 * with the timeout's timer and the abort inside it. Only web standards: it runs
 * wherever `fetch` does (Node 20+, Deno, Bun, workers, edge runtimes, browsers).
 * Over Node's own global `fetch`, the exchange goes straight to the dispatcher
 * that `fetch` runs on (see `fetchExchange`).
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { dispatchExchange, type Dispatcher } from "./dispatch.js"
import { armed, describeFailure, type Exchange, ExchangeFailure, withExchange } from "./exchange.js"

/** The `fetch` to call: a given one, or the global one as it is when the request is sent. */
export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>

const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init)

/** Where undici (Node's `fetch` included) keeps the global dispatcher; shared by every undici copy. */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1")

/**
 * Whether `fetch` is the one Node installs: its source loads Node's own undici.
 * Anything else — a `fetch` replaced to intercept requests (msw, nock, a
 * polyfill), or the native `fetch` of Deno, Bun, workers and browsers — is not.
 */
const isNodeFetch = (fetch: unknown): boolean =>
  typeof fetch === "function" && Function.prototype.toString.call(fetch).includes("internal/deps/undici/undici")

let lastFetch: unknown
let lastIsNode = false

/**
 * The dispatcher Node's own `fetch` would send through — undici's global one, as
 * `setGlobalDispatcher` sets it (a proxy, a `MockAgent`) — when `globalThis.fetch`
 * is Node's own and that dispatcher exists (Node makes it with its first `fetch`);
 * otherwise `undefined`, and the request goes through `globalThis.fetch`.
 */
const nodeDispatcher = (): Dispatcher | undefined => {
  const fetch = globalThis.fetch
  if (fetch !== lastFetch) {
    lastFetch = fetch
    lastIsNode = isNodeFetch(fetch)
  }
  if (!lastIsNode) return undefined
  const found = (globalThis as { readonly [GLOBAL_DISPATCHER]?: Partial<Dispatcher> })[GLOBAL_DISPATCHER]
  return typeof found?.dispatch === "function" ? found as Dispatcher : undefined
}

/** The lean exchange over a `fetch`: the body read as text, aborted through an `AbortController`. */
const viaFetch = (fetchFunction: FetchFunction): Exchange => (request, timeoutMillis, settle) =>
  armed(timeoutMillis, settle, (settle) => {
    let stage = "Transport"
    const failed = (cause: unknown) => settle(new ExchangeFailure("network", describeFailure(stage, cause)))
    const controller = new AbortController()
    try {
      fetchFunction(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: controller.signal
      }).then((response) => {
        stage = "Decode"
        const status = response.status
        // Only a 420/429 needs it: a header lookup less on every other answer.
        const retryAfter = status === 429 || status === 420 ? response.headers.get("retry-after") ?? undefined : undefined
        return response.text().then((text) => settle({ status, retryAfter, text }))
      }).then(undefined, failed)
    } catch (cause) {
      failed(cause)
    }
    return () => controller.abort()
  })

const globalExchange = viaFetch(globalFetch)

/**
 * The lean exchange of a `CrispTransport` fetch client. Over the global `fetch`
 * on Node, the request goes to the dispatcher Node's `fetch` would hand it to
 * (see {@link nodeDispatcher}), without `fetch`'s own layers on top (the
 * `Request` and `Response` objects, the body stream, an `AbortSignal`): less
 * than half of `fetch`'s CPU per call. Anywhere else, and over a given `fetch`,
 * through `fetch`.
 */
export const fetchExchange = (fetchFunction: FetchFunction): Exchange => {
  if (fetchFunction !== globalFetch) return viaFetch(fetchFunction)
  let dispatcher: Dispatcher | undefined
  let lean: Exchange | undefined
  return (request, timeoutMillis, settle) => {
    const found = nodeDispatcher()
    if (found === undefined) return globalExchange(request, timeoutMillis, settle)
    if (found !== dispatcher) {
      dispatcher = found
      lean = dispatchExchange(found)
    }
    return lean!(request, timeoutMillis, settle)
  }
}

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
