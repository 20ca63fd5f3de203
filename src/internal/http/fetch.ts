/**
 * `CrispTransport.makeFetch`: an `HttpClient` over `fetch` whose lean exchange
 * (see `exchange.ts`) is one `Effect.async` step: `fetch`, then the body as text,
 * with the timeout's timer and the abort inside it. Only web standards: it runs
 * wherever `fetch` does (Node 20+, Deno, Bun, workers, edge runtimes, browsers).
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import {
  describeFailure,
  type Exchange,
  ExchangeFailure,
  type ExchangeResponse,
  timedOut,
  withExchange
} from "./exchange.js"

/** The `fetch` to call: a given one, or the global one as it is when the request is sent. */
export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>

const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init)

/** The lean exchange over `fetch`. */
export const fetchExchange = (fetchFunction: FetchFunction): Exchange => (request, timeoutMillis) =>
  Effect.async<ExchangeResponse, ExchangeFailure>((resume) => {
    const controller = new AbortController()
    let settled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let stage = "Transport"
    const settle = (result: Effect.Effect<ExchangeResponse, ExchangeFailure>) => {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      resume(result)
    }
    if (timeoutMillis !== undefined) {
      timer = setTimeout(() => {
        if (settled) return
        settled = true
        controller.abort()
        resume(Effect.fail(timedOut))
      }, timeoutMillis)
    }
    let sent: Promise<Response>
    try {
      sent = fetchFunction(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: controller.signal
      })
    } catch (cause) {
      settle(Effect.fail(new ExchangeFailure("network", describeFailure(stage, cause))))
      return
    }
    sent.then((response) => {
      stage = "Decode"
      return response.text().then((text) =>
        settle(Effect.succeed({ status: response.status, retryAfter: response.headers.get("retry-after") ?? undefined, text }))
      )
    }).then(undefined, (cause: unknown) => settle(Effect.fail(new ExchangeFailure("network", describeFailure(stage, cause)))))
    return Effect.sync(() => {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      controller.abort()
    })
  })

/** The platform's way, for `execute`: any body, a streamed response, spans and trace headers. */
const fetchExecute = (fetchFunction: FetchFunction): HttpClient.HttpClient =>
  HttpClient.make((request, url, signal) => {
    const headers = request.headers["content-length"] === undefined
      ? request.headers
      : Headers.remove(request.headers, "content-length")
    const send = (body: BodyInit | undefined) =>
      Effect.map(
        Effect.tryPromise({
          try: () =>
            fetchFunction(url, {
              method: request.method,
              headers,
              body: body ?? null,
              signal,
              ...(request.body._tag === "Stream" ? { duplex: "half" } : {})
            } as RequestInit),
          catch: (cause) => new HttpClientError.RequestError({ request, reason: "Transport", cause })
        }),
        (response) => HttpClientResponse.fromWeb(request, response)
      )
    return sendBody(request, send)
  })

const sendBody = <A, E>(
  request: HttpClientRequest.HttpClientRequest,
  send: (body: BodyInit | undefined) => Effect.Effect<A, E>
): Effect.Effect<A, E> => {
  const body = request.body
  switch (body._tag) {
    case "Raw":
      return send(body.body as BodyInit)
    case "Uint8Array":
      return send(body.body as Uint8Array<ArrayBuffer>)
    case "FormData":
      return send(body.formData)
    case "Stream":
      return Effect.flatMap(Stream.toReadableStreamEffect(body.stream), send)
    case "Empty":
      return send(undefined)
  }
}

/** The `HttpClient` of `CrispTransport.makeFetch`. */
export const makeFetch = (fetchFunction: FetchFunction = globalFetch): HttpClient.HttpClient =>
  withExchange(fetchExecute(fetchFunction), fetchExchange(fetchFunction))
