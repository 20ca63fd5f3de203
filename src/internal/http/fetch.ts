/**
 * `CrispTransport.makeFetch`: an `HttpClient` over `fetch` whose lean exchange
 * (see `exchange.ts`) is one `Effect.async` step: `fetch`, then the body as text,
 * with the timeout's timer and the abort inside it. Only web standards: it runs
 * wherever `fetch` does (Node 20+, Deno, Bun, workers, edge runtimes, browsers).
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { describeFailure, type Exchange, ExchangeFailure, oneStep, withExchange } from "./exchange.js"

/** The `fetch` to call: a given one, or the global one as it is when the request is sent. */
export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>

const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init)

/** The lean exchange over `fetch`. */
export const fetchExchange = (fetchFunction: FetchFunction): Exchange => (request, timeoutMillis) =>
  oneStep(timeoutMillis, (settle) => {
    const controller = new AbortController()
    let stage = "Transport"
    const failed = (cause: unknown) => settle(Effect.fail(new ExchangeFailure("network", describeFailure(stage, cause))))
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
        return response.text().then((text) => settle(Effect.succeed({ status, retryAfter, text })))
      }).then(undefined, failed)
    } catch (cause) {
      failed(cause)
    }
    return () => controller.abort()
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
