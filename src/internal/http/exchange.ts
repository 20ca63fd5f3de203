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

/** Receives the outcome of an exchange, once. */
export type Settle = (outcome: ExchangeResponse | ExchangeFailure) => void

/**
 * One exchange: sends `request`, calls `settle` once with the outcome, and returns
 * how to abort it. With `timeoutMillis`, settles with {@link timedOut} (after
 * aborting the request) when the whole response has not arrived by then. A plain
 * callback rather than an `Effect`, so that `CrispHttp` can read the answer in the
 * same step (see {@link run} for the `Effect`).
 */
export type Exchange = (
  request: ExchangeRequest,
  timeoutMillis: number | undefined,
  settle: Settle
) => () => void

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
 * Runs `start` (which sends, calls `settle` once and returns how to abort) with the
 * timeout's timer beside it: whatever comes first — the outcome, the timer (which
 * aborts), or the returned abort — wins, and the rest is ignored.
 */
export const armed = (
  timeoutMillis: number | undefined,
  settle: Settle,
  start: (settle: Settle) => () => void
): () => void => {
  let settled = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const abort = start((outcome) => {
    if (settled) return
    settled = true
    if (timer !== undefined) clearTimeout(timer)
    settle(outcome)
  })
  if (timeoutMillis !== undefined && !settled) {
    timer = setTimeout(() => {
      if (settled) return
      settled = true
      abort()
      settle(timedOut)
    }, timeoutMillis)
  }
  return () => {
    if (settled) return
    settled = true
    if (timer !== undefined) clearTimeout(timer)
    abort()
  }
}

/** One exchange as an `Effect`: one asynchronous step; interrupting it aborts the request. */
export const run = (
  exchange: Exchange,
  request: ExchangeRequest,
  timeoutMillis: number | undefined
): Effect.Effect<ExchangeResponse, ExchangeFailure> =>
  Effect.async((resume) => {
    const abort = exchange(request, timeoutMillis, (outcome) =>
      resume(outcome instanceof ExchangeFailure ? Effect.fail(outcome) : Effect.succeed(outcome)))
    return Effect.sync(abort)
  })
