/**
 * `CrispTransport.makeUndici` (effect-crisp/node): an `HttpClient` over an undici
 * `Dispatcher`. Its lean exchange (see `exchange.ts`) is one `Effect.async` step
 * over `dispatcher.dispatch` with a handler that collects the body: no body
 * stream, no `AbortController` (undici hands the handler its `abort`), the
 * timeout's timer inside the step. `execute` (anything else: streamed bodies,
 * spans) runs undici's `fetch` on the same dispatcher through the platform's
 * `HttpClient.make`.
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { type Dispatcher, fetch as undiciFetch } from "undici"
import {
  describeFailure,
  type Exchange,
  ExchangeFailure,
  type ExchangeResponse,
  timedOut,
  withExchange
} from "./exchange.js"

/** Splits `scheme://host[:port]/path?query` without parsing it into a `URL`. */
const splitUrl = (url: string): { readonly origin: string; readonly path: string } | undefined => {
  const start = url.indexOf("://")
  if (start === -1) return undefined
  const slash = url.indexOf("/", start + 3)
  return slash === -1 ? { origin: url, path: "/" } : { origin: url.slice(0, slash), path: url.slice(slash) }
}

type RawHeader = Buffer | string

const RETRY_AFTER = "retry-after"

const headerValue = (raw: ReadonlyArray<RawHeader>, name: string): string | undefined => {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!
    if (key.length === name.length && key.toString("latin1").toLowerCase() === name) return raw[i + 1]!.toString("latin1")
  }
  return undefined
}

/** The lean exchange over `dispatcher.dispatch`. */
export const undiciExchange = (dispatcher: Dispatcher): Exchange => (request, timeoutMillis) =>
  Effect.async<ExchangeResponse, ExchangeFailure>((resume) => {
    const target = splitUrl(request.url)
    if (target === undefined) {
      resume(Effect.fail(new ExchangeFailure("network", "InvalidUrl: not an absolute URL")))
      return
    }
    let settled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let abort: ((error?: Error) => void) | undefined
    let stage = "Transport"
    let status = 0
    let retryAfter: string | undefined
    const chunks: Array<Buffer> = []
    const settle = (result: Effect.Effect<ExchangeResponse, ExchangeFailure>) => {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      resume(result)
    }
    // Ends the request on our side: undici then calls `onError`, which finds it settled.
    const cancel = () => {
      if (abort !== undefined) abort()
    }
    if (timeoutMillis !== undefined) {
      timer = setTimeout(() => {
        if (settled) return
        settled = true
        cancel()
        resume(Effect.fail(timedOut))
      }, timeoutMillis)
    }
    const handler: Dispatcher.DispatchHandlers = {
      onConnect(abortRequest) {
        abort = abortRequest
        if (settled) abortRequest()
      },
      onHeaders(statusCode, rawHeaders) {
        if (statusCode < 200) return true // 1xx: the real answer follows
        status = statusCode
        retryAfter = headerValue(rawHeaders as ReadonlyArray<RawHeader>, RETRY_AFTER)
        stage = "Decode"
        return true
      },
      onData(chunk) {
        chunks.push(chunk)
        return true
      },
      onComplete() {
        const text = chunks.length === 0 ? "" : chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")
        settle(Effect.succeed({ status, retryAfter, text }))
      },
      onError(error) {
        settle(Effect.fail(new ExchangeFailure("network", describeFailure(stage, error))))
      }
    }
    dispatcher.dispatch({
      origin: target.origin,
      path: target.path,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers as Record<string, string>,
      body: request.body ?? null
    }, handler)
    return Effect.sync(() => {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      cancel()
    })
  })

/** The platform's way, for `execute`: undici's `fetch` on the same dispatcher. */
const undiciExecute = (dispatcher: Dispatcher): HttpClient.HttpClient =>
  HttpClient.make((request, url, signal) => {
    const headers = request.headers["content-length"] === undefined
      ? request.headers
      : Headers.remove(request.headers, "content-length")
    const send = (body: unknown) =>
      Effect.map(
        Effect.tryPromise({
          try: () =>
            undiciFetch(url, {
              method: request.method,
              headers,
              body: (body ?? null) as never,
              signal,
              dispatcher,
              ...(request.body._tag === "Stream" ? { duplex: "half" as const } : {})
            }) as unknown as Promise<Response>,
          catch: (cause) => new HttpClientError.RequestError({ request, reason: "Transport", cause })
        }),
        (response) => HttpClientResponse.fromWeb(request, response)
      )
    const body = request.body
    switch (body._tag) {
      case "Raw":
        return send(body.body)
      case "Uint8Array":
        return send(body.body)
      case "FormData":
        return send(body.formData)
      case "Stream":
        return Effect.flatMap(Stream.toReadableStreamEffect(body.stream), send)
      case "Empty":
        return send(undefined)
    }
  })

/** The `HttpClient` of `CrispTransport.makeUndici`. */
export const makeUndici = (dispatcher: Dispatcher): HttpClient.HttpClient =>
  withExchange(undiciExecute(dispatcher), undiciExchange(dispatcher))
