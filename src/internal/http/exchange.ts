/**
 * The lean path of the `CrispTransport` clients.
 *
 * An `HttpClient` made by `CrispTransport` carries, besides the platform's
 * `execute`, one extra function under {@link ExchangeTypeId}: a whole exchange
 * (send, read the body) in one asynchronous step, with the per-attempt timeout
 * armed inside that step and the request aborted when the fiber is interrupted or
 * the timer fires. `CrispHttp` uses it when it finds it (and no platform span is
 * wanted); for anything else the client is an ordinary `HttpClient`. A client
 * that went through `HttpClient.transform` and friends is a new object without it,
 * so it takes the ordinary path: nothing changes behaviour silently.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"

/** The key of the lean exchange on a `CrispTransport` client. */
export const ExchangeTypeId: unique symbol = Symbol.for("effect-crisp/CrispTransport/exchange")

/** One request, ready to go: a full URL, plain headers, a text body or none. */
export interface ExchangeRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
}

/** A whole response: the status, the one header `CrispHttp` reads (on 420/429 only), the body as text. */
export interface ExchangeResponse {
  readonly status: number
  readonly retryAfter: string | undefined
  readonly text: string
}

/** Why an exchange failed: no answer in time, or a network problem (`detail` names its kind, never a value). */
export class ExchangeFailure {
  readonly _tag = "ExchangeFailure"
  constructor(readonly kind: "network" | "timeout", readonly detail: string) {}
}

/** The timeout failure (it carries nothing specific). */
export const timedOut: ExchangeFailure = new ExchangeFailure("timeout", "timeout")

/**
 * One exchange. With `timeoutMillis`, fails with {@link timedOut} (after aborting
 * the request) when the whole response has not arrived by then.
 */
export type Exchange = (
  request: ExchangeRequest,
  timeoutMillis: number | undefined
) => Effect.Effect<ExchangeResponse, ExchangeFailure>

interface WithExchange {
  readonly [ExchangeTypeId]: Exchange
}

/** Adds the lean exchange to a client made for it. */
export const withExchange = (client: HttpClient.HttpClient, exchange: Exchange): HttpClient.HttpClient =>
  Object.assign(client, { [ExchangeTypeId]: exchange })

/** The lean exchange of a `CrispTransport` client, if `client` is one. */
export const exchangeOf = (client: HttpClient.HttpClient): Exchange | undefined =>
  (client as Partial<WithExchange>)[ExchangeTypeId]

/**
 * A failure's description as the platform clients word it — `stage: message
 * (code)` — e.g. `Transport: fetch failed (ECONNREFUSED)`. Messages of the
 * runtime's network errors name the problem, not the data.
 */
export const describeFailure = (stage: string, cause: unknown): string => {
  if (cause instanceof Error) {
    const own = (cause as Error & { code?: unknown }).code
    const inner = (cause as Error & { cause?: unknown }).cause
    const code = inner instanceof Error ? ((inner as Error & { code?: unknown }).code ?? inner.message) : own
    return code === undefined ? `${stage}: ${cause.message}` : `${stage}: ${cause.message} (${String(code)})`
  }
  return stage
}

/**
 * The one asynchronous step of an exchange. `start` sends the request, calls
 * `settle` once with the outcome, and returns how to abort it. With
 * `timeoutMillis`, a timer aborts it and fails with {@link timedOut}; when the
 * fiber is interrupted, it is aborted too. Whatever comes first wins; the rest
 * is ignored.
 */
export const oneStep = (
  timeoutMillis: number | undefined,
  start: (settle: (result: Effect.Effect<ExchangeResponse, ExchangeFailure>) => void) => () => void
): Effect.Effect<ExchangeResponse, ExchangeFailure> =>
  Effect.async<ExchangeResponse, ExchangeFailure>((resume) => {
    let settled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const settle = (result: Effect.Effect<ExchangeResponse, ExchangeFailure>) => {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      resume(result)
    }
    const abort = start(settle)
    if (timeoutMillis !== undefined && !settled) {
      timer = setTimeout(() => {
        if (settled) return
        settled = true
        abort()
        resume(Effect.fail(timedOut))
      }, timeoutMillis)
    }
    return Effect.sync(() => {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      abort()
    })
  })
