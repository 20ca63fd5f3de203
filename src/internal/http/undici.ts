/**
 * `CrispTransport.makeUndici` (effect-crisp/node): an `HttpClient` over an undici
 * `Dispatcher`. Its lean exchange (see `exchange.ts`) is one asynchronous step
 * over `dispatcher.dispatch` with a handler that collects the body: no body
 * stream, no `AbortController` (undici hands the handler its `abort`), the
 * timeout's timer inside the step. `execute` (anything else: streamed bodies,
 * spans) runs undici's `fetch` on the same dispatcher through the platform's
 * `HttpClient.make`.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { type Dispatcher, fetch as undiciFetch } from "undici"
import { armed, describeFailure, type Exchange, ExchangeFailure, withExchange } from "./exchange.js"
import { platformClient } from "./fetch.js"

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

const notAbsolute = new ExchangeFailure("network", "InvalidUrl: not an absolute URL")

/** The lean exchange over `dispatcher.dispatch`. */
export const undiciExchange = (dispatcher: Dispatcher): Exchange => (request, timeoutMillis, settle) => {
  const target = splitUrl(request.url)
  if (target === undefined) {
    settle(notAbsolute)
    return () => {}
  }
  return armed(timeoutMillis, settle, (settle) => {
    let abort: ((error?: Error) => void) | undefined
    let aborted = false
    let stage = "Transport"
    let status = 0
    let retryAfter: string | undefined
    const chunks: Array<Buffer> = []
    dispatcher.dispatch({
      origin: target.origin,
      path: target.path,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers as Record<string, string>,
      body: request.body ?? null
    }, {
      onConnect(abortRequest) {
        abort = abortRequest
        // Aborted while still queued: end it before it is written.
        if (aborted) abortRequest()
      },
      onHeaders(statusCode, rawHeaders) {
        if (statusCode < 200) return true // 1xx: the real answer follows
        status = statusCode
        if (statusCode === 429 || statusCode === 420) retryAfter = headerValue(rawHeaders as ReadonlyArray<RawHeader>, RETRY_AFTER)
        stage = "Decode"
        return true
      },
      onData(chunk) {
        chunks.push(chunk)
        return true
      },
      onComplete() {
        const text = chunks.length === 0
          ? ""
          : chunks.length === 1
          ? chunks[0]!.toString("utf8")
          : Buffer.concat(chunks).toString("utf8")
        settle({ status, retryAfter, text })
      },
      onError(error) {
        settle(new ExchangeFailure("network", describeFailure(stage, error)))
      }
    })
    // undici then calls `onError`, which finds the step settled.
    return () => {
      aborted = true
      abort?.()
    }
  })
}

/** The `HttpClient` of `CrispTransport.makeUndici`. */
export const makeUndici = (dispatcher: Dispatcher): HttpClient.HttpClient =>
  withExchange(
    platformClient((url, init) => undiciFetch(url, { ...init, dispatcher } as never) as unknown as Promise<Response>),
    undiciExchange(dispatcher)
  )
