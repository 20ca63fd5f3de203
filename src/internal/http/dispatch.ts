/**
 * The lean exchange over an undici `Dispatcher` (see `exchange.ts`): one
 * asynchronous step over `dispatcher.dispatch`, with a handler that collects the
 * body. No body stream and no `AbortController` (undici hands the handler its
 * `abort`); the timeout's timer inside the step. Only web standards
 * (`TextDecoder`, `Uint8Array`): the root entry uses it on Node's own `fetch`
 * dispatcher (see `fetch.ts`), `effect-crisp/node` on an undici `Agent`.
 *
 * The types below are the part of undici's dispatcher interface this uses (the
 * handler methods undici 6 and 7 call), so that nothing here imports undici.
 */
import { concat } from "../bytes.js"
import { armed, describeFailure, type Exchange, ExchangeFailure } from "./exchange.js"

/** What `dispatch` is given here. */
export interface DispatchOptions {
  readonly origin: string
  readonly path: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | null
}

/** A raw header name or value: a `Buffer` (a `Uint8Array`) on Node, or a string. */
type RawHeader = Uint8Array | string

/** The handler methods undici calls, in its long-standing (undici 6 and 7) form. */
export interface DispatchHandler {
  onConnect(abort: (reason?: Error) => void): void
  onHeaders(statusCode: number, rawHeaders: ReadonlyArray<RawHeader> | null): boolean
  onData(chunk: Uint8Array): boolean
  onComplete(trailers: unknown): void
  onError(error: Error): void
}

/** An undici `Dispatcher`, as far as this module needs one. */
export interface Dispatcher {
  dispatch(options: DispatchOptions, handler: DispatchHandler): boolean
}

/** Splits `scheme://host[:port]/path?query` without parsing it into a `URL`. */
const splitUrl = (url: string): { readonly origin: string; readonly path: string } | undefined => {
  const start = url.indexOf("://")
  if (start === -1) return undefined
  const slash = url.indexOf("/", start + 3)
  return slash === -1 ? { origin: url, path: "/" } : { origin: url.slice(0, slash), path: url.slice(slash) }
}

const utf8 = new TextDecoder()

const text = (raw: RawHeader): string => typeof raw === "string" ? raw : utf8.decode(raw)

const RETRY_AFTER = "retry-after"

const headerValue = (raw: ReadonlyArray<RawHeader> | null, name: string): string | undefined => {
  if (raw === null) return undefined
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!
    if (key.length === name.length && text(key).toLowerCase() === name) return text(raw[i + 1]!)
  }
  return undefined
}

/** The body's chunks as one string (UTF-8; a byte-order mark is dropped, as `Response.text()` does). */
const decode = (chunks: ReadonlyArray<Uint8Array>, length: number): string => {
  if (chunks.length === 0) return ""
  return utf8.decode(chunks.length === 1 ? chunks[0]! : concat(chunks, length))
}

const notAbsolute = new ExchangeFailure("network", "InvalidUrl: not an absolute URL")

/** The lean exchange over `dispatcher.dispatch`. */
export const dispatchExchange = (dispatcher: Dispatcher): Exchange => (request, timeoutMillis, settle) => {
  const target = splitUrl(request.url)
  if (target === undefined) {
    settle(notAbsolute)
    return () => {}
  }
  return armed(timeoutMillis, settle, (settle) => {
    let abort: ((reason?: Error) => void) | undefined
    let aborted = false
    let stage = "Transport"
    let status = 0
    let retryAfter: string | undefined
    const chunks: Array<Uint8Array> = []
    let length = 0
    const failed = (error: unknown) => settle(new ExchangeFailure("network", describeFailure(stage, error)))
    try {
      dispatcher.dispatch({
        origin: target.origin,
        path: target.path,
        method: request.method,
        headers: request.headers,
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
          if (statusCode === 429 || statusCode === 420) retryAfter = headerValue(rawHeaders, RETRY_AFTER)
          stage = "Decode"
          return true
        },
        onData(chunk) {
          chunks.push(chunk)
          length += chunk.length
          return true
        },
        onComplete() {
          settle({ status, retryAfter, text: decode(chunks, length) })
        },
        onError: failed
      })
    } catch (cause) {
      // undici reports its own errors to `onError`; a dispatcher that throws instead is one too.
      failed(cause)
    }
    // undici then calls `onError`, which finds the step settled.
    return () => {
      aborted = true
      abort?.()
    }
  })
}
