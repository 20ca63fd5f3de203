/**
 * The authenticated HTTP layer every Crisp REST call runs on.
 *
 * It holds the credentials (the key stays `Redacted`), builds requests against the
 * REST base URL with Basic auth, `X-Crisp-Tier` and `User-Agent`, applies the
 * per-attempt timeout and the retry policy, unwraps Crisp's `{error, reason, data}`
 * envelope, and maps every failure to a {@link CrispError}.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer, Redacted } from "effect"
 * import { CrispHttp, WebsiteSettings } from "effect-crisp"
 *
 * const CrispLive = CrispHttp.layer({
 *   identifier: "plugin-token-identifier",
 *   key: Redacted.make("plugin-token-key"),
 *   tier: "plugin"
 * }).pipe(Layer.provide(FetchHttpClient.layer))
 *
 * const program = WebsiteSettings.get("website-id").pipe(Effect.provide(CrispLive))
 * ```
 *
 * @since 0.1.0
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type { ResponseError } from "@effect/platform/HttpClientError"
import type { HttpMethod } from "@effect/platform/HttpMethod"
import { Clock, Config, Context, Duration, Effect, FiberRef, Layer, Option, Redacted, Schema } from "effect"
import { dual } from "effect/Function"
import type { Predicate } from "effect/Predicate"
import { globalValue } from "effect/GlobalValue"
import { type CrispError, CrispInvalidRequest, CrispTransportError } from "./CrispError.js"
import { exchange as sendAndDecode } from "./internal/rest/route.js"
import { parseTemplate, PathProblem } from "./internal/rest/path.js"
import { withSpanIfTraced } from "./internal/http/span.js"
import { encodeQuery } from "./internal/http/query.js"
import { type BodyResult, parseRetryAfter, readBody, statusError, type RequestInfo } from "./internal/http/response.js"
import { compileRetry, isIdempotent, retryAfter, type RetryPolicy, type RetrySchedules } from "./internal/http/retry.js"
import { version } from "./internal/http/version.js"
import { isLive, type Local, MAX_TIMER_MILLIS, timeoutFail } from "./internal/http/timeout.js"
import {
  describeFailure,
  type Exchange,
  ExchangeFailure,
  exchangeOf,
  type ExchangeRequest,
  run as runExchange,
  timedOut
} from "./internal/http/exchange.js"
import { type BudgetOptions, type BudgetState, makeBudget, type Ticket } from "./internal/http/budget.js"
import { completeInFlight } from "./internal/http/inflight.js"
import { SharedStore } from "./internal/redis/service.js"
import type { PathValue } from "./internal/rest/path.js"

export type { RetryPolicy } from "./internal/http/retry.js"
export type { BudgetOptions, BudgetState } from "./internal/http/budget.js"
export { CrispHttp, type CrispRequest, type Service, type Tier } from "./internal/http/service.js"
import { CrispHttp, type CrispRequest, type Service, type Tier } from "./internal/http/service.js"


/**
 * The production REST base URL.
 *
 * @example
 * ```ts
 * import { CrispHttp } from "effect-crisp"
 *
 * const isProduction = (url: string) => url === CrispHttp.DEFAULT_REST_URL
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_REST_URL = "https://api.crisp.chat/v1/"

/**
 * Options of {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The token identifier. */
  readonly identifier: string
  /** The token key. It is only ever read to build the `Authorization` header. */
  readonly key: Redacted.Redacted<string>
  /** Default `"plugin"`. */
  readonly tier?: Tier
  /** Default `https://api.crisp.chat/v1/`. */
  readonly restUrl?: string
  /** Timeout of one attempt (the whole retry sequence may take longer). Default 10 seconds. */
  readonly timeout?: Duration.DurationInput
  /** Retry policy, or `false` for none. */
  readonly retry?: RetryPolicy | false
  /** Replaces the `User-Agent` header (default `effect-crisp/<version>`). */
  readonly userAgent?: string
  /**
   * Send W3C `traceparent` / `b3` headers to Crisp. Off by default: they tell a
   * third party about your tracing.
   */
  readonly propagateTracing?: boolean
  /**
   * Keep the platform HttpClient's own `http.client` span under ours. Off by
   * default: our span (named after the method, with the path template) already
   * covers the call, and the platform's carries the filled URL, which can hold an
   * email address. The `Authorization` header is always redacted from it.
   * `propagateTracing` turns it on too: the propagated span is that one. Over a
   * `CrispTransport` client, either option makes calls take the client's ordinary
   * `execute` path, which has that span, instead of its lean one.
   */
  readonly platformSpans?: boolean
  /**
   * A request budget shared by every fiber using this layer: a steady rate with a
   * burst, adaptive slow-down on 420/429, and a daily allowance. See the bulk-jobs
   * guide.
   */
  readonly budget?: BudgetOptions
}

/**
 * What can be changed for one call with {@link withRequestOptions}.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions {
  readonly timeout?: Duration.DurationInput
  readonly retry?: RetryPolicy | false
  readonly restUrl?: string
}


const currentRequestOptions: FiberRef.FiberRef<RequestOptions | undefined> = globalValue(
  "effect-crisp/CrispHttp/currentRequestOptions",
  () => FiberRef.unsafeMake<RequestOptions | undefined>(undefined)
)

/**
 * Changes the timeout, retry policy or base URL for the Crisp calls inside one
 * effect.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispHttp, WebsiteConversations } from "effect-crisp"
 *
 * const quick = WebsiteConversations.getList("website-id", 1).pipe(
 *   CrispHttp.withRequestOptions({ timeout: "2 seconds", retry: false })
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRequestOptions: {
  (options: RequestOptions): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options: RequestOptions): Effect.Effect<A, E, R>
} = dual(2, <A, E, R>(self: Effect.Effect<A, E, R>, options: RequestOptions) =>
  Effect.flatMap(FiberRef.get(currentRequestOptions), (outer) =>
    Effect.locally(self, currentRequestOptions, outer === undefined ? options : { ...outer, ...options })))

const redactAuthorization = (names: ReadonlyArray<string | RegExp>): ReadonlyArray<string | RegExp> =>
  names.includes("authorization") ? names : [...names, "authorization"]

const disableTracing = () => true

const bodyEffect = (body: BodyResult): Effect.Effect<unknown, CrispError> =>
  body.ok ? Effect.succeed(body.data) : Effect.fail(body.error)

const withTrailingSlash = (url: string) => (url.endsWith("/") ? url : url + "/")

// Base64 of the UTF-8 bytes, with `btoa` (every runtime has it; `Buffer` is Node's only).
const basicAuth = (identifier: string, key: Redacted.Redacted<string>) => {
  let binary = ""
  for (const byte of new TextEncoder().encode(`${identifier}:${Redacted.value(key)}`)) binary += String.fromCharCode(byte)
  return "Basic " + btoa(binary)
}

const transportDetail = (error: { readonly reason: string; readonly cause?: unknown }): string =>
  describeFailure(error.reason, error.cause)

/**
 * Builds the service on top of an `HttpClient`.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Redacted } from "effect"
 * import { CrispHttp } from "effect-crisp"
 *
 * const service = CrispHttp.make({ identifier: "id", key: Redacted.make("key") }).pipe(
 *   Effect.provide(FetchHttpClient.layer)
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const base = yield* HttpClient.HttpClient
    const propagate = options.propagateTracing === true
    // The platform adds trace headers from its own span: propagation needs that span.
    const platformSpans = options.platformSpans === true || propagate
    // No platform span unless asked (without it the platform adds no trace headers
    // either): each attempt runs with the platform's tracer disabled. With the span,
    // never the key in a span attribute, and trace headers to Crisp only if asked.
    const client = platformSpans
      ? HttpClient.transform(base, (effect) => {
        const redacted = Effect.locallyWith(effect, Headers.currentRedactedNames, redactAuthorization)
        return propagate ? redacted : Effect.locally(redacted, HttpClient.currentTracerPropagation, false)
      })
      : base
    const attemptLocal: Local<Predicate<HttpClientRequest.HttpClientRequest>> | undefined = platformSpans
      ? undefined
      : { ref: HttpClient.currentTracerDisabledWhen, value: disableTracing }
    const tier = options.tier ?? "plugin"
    const restUrl = withTrailingSlash(options.restUrl ?? DEFAULT_REST_URL)
    const defaultTimeout = Duration.decode(options.timeout ?? "10 seconds")
    const defaultRetry = compileRetry(options.retry)
    const headers: Record<string, string> = {
      authorization: basicAuth(options.identifier, options.key),
      "x-crisp-tier": tier,
      "user-agent": options.userAgent ?? `effect-crisp/${version}`,
      accept: "application/json"
    }

    // One budget per layer, in memory; shared by every process when `effect-crisp/redis` is provided underneath.
    const shared = yield* Effect.serviceOption(SharedStore)
    const budget = Option.isSome(shared)
      ? yield* shared.value.budget(options.identifier, options.budget ?? {})
      : makeBudget(options.budget ?? {})

    // One request per verb carrying the headers; each call only sets its URL (no header copy).
    const templates = new Map<HttpMethod, HttpClientRequest.HttpClientRequest>()
    const template = (method: HttpMethod) => {
      let found = templates.get(method)
      if (found === undefined) {
        found = HttpClientRequest.make(method)("", { headers })
        templates.set(method, found)
      }
      return found
    }

    // What an answer means: `data`, `true`/`false` for HEAD, or the typed error.
    const meaning = (request: CrispRequest, info: RequestInfo, status: number, retryAfter: number | undefined, text: string) =>
      request.method === "HEAD"
        ? (status >= 200 && status < 300) ? Effect.succeed(true)
        : status === 404 ? Effect.succeed(false)
        : Effect.fail(statusError(info, status, undefined, undefined, retryAfter))
        : bodyEffect(readBody(info, status, text, retryAfter))

    // The same, with the budget told. `text` is only read for other verbs; `retry-after` only on 420/429.
    const interpret = <E>(
      ticket: Ticket,
      request: CrispRequest,
      info: RequestInfo,
      status: number,
      retryAfterHeader: () => string | undefined,
      text: Effect.Effect<string, E>
    ): Effect.Effect<unknown, CrispError | E> => {
      const limited = status === 429 || status === 420
      const retryAfter = limited ? parseRetryAfter(retryAfterHeader(), Date.now()) : undefined
      const result: Effect.Effect<unknown, CrispError | E> = request.method === "HEAD"
        ? meaning(request, info, status, retryAfter, "")
        : Effect.flatMap(text, (text) => meaning(request, info, status, retryAfter, text))
      return Effect.zipRight(limited ? budget.onRateLimited(retryAfter, ticket) : budget.onAnswered(ticket), result)
    }

    const timeoutError = (info: RequestInfo, timeout: Duration.Duration) => () =>
      new CrispTransportError({ ...info, kind: "timeout", detail: `no answer within ${Duration.format(timeout)}` })

    // A slot of the budget, then the exchange; a POST or PATCH handed to the client is
    // not abandoned half-sent when interrupted (internal/http/inflight.ts).
    const budgeted = (
      request: CrispRequest,
      info: RequestInfo,
      exchange: (ticket: Ticket) => Effect.Effect<unknown, CrispError>
    ): Effect.Effect<unknown, CrispError> => {
      const idempotent = isIdempotent(request.method)
      return Effect.flatMap(
        budget.acquire(info.method, info.path),
        (ticket) => idempotent ? exchange(ticket) : completeInFlight(exchange(ticket), info)
      )
    }

    // The lean path of a CrispTransport client (see internal/http/exchange.ts): one
    // async step, the timer inside it. Not with platform spans: those need `execute`.
    const lean: Exchange | undefined = platformSpans ? undefined : exchangeOf(base)
    const jsonHeaders: Record<string, string> = { ...headers, "content-type": "application/json" }
    const { acquireNow, answeredNow } = budget

    const leanAttempt = (exchange: Exchange, request: CrispRequest, url: string, info: RequestInfo, timeout: Duration.Duration) => {
      const leanRequest: ExchangeRequest = request.body === undefined
        ? { method: request.method, url, headers, body: undefined }
        : { method: request.method, url, headers: jsonHeaders, body: JSON.stringify(request.body) }
      const failure = (failure: ExchangeFailure) =>
        failure.kind === "timeout"
          ? timeoutError(info, timeout)()
          : new CrispTransportError({ ...info, kind: "network", detail: failure.detail })
      const millis = Duration.toMillis(timeout)
      const timely = millis <= MAX_TIMER_MILLIS
      // Any budget, any clock, any method.
      const general = () => {
        const answered = Effect.clockWith((clock) =>
          // On the live clock the transport's own timer; under any other (the
          // TestClock) `timeoutFail`, so that tests keep control of time.
          isLive(clock) && timely
            ? runExchange(exchange, leanRequest, millis)
            : timeoutFail(runExchange(exchange, leanRequest, undefined), timeout, () => timedOut)
        )
        return budgeted(request, info, (ticket) =>
          Effect.matchEffect(answered, {
            onFailure: (outcome) => Effect.fail(failure(outcome)),
            onSuccess: (response) =>
              interpret(ticket, request, info, response.status, () => response.retryAfter, Effect.succeed(response.text))
          }))
      }
      if (acquireNow === undefined || answeredNow === undefined || !timely || !isIdempotent(request.method)) return general()
      // The hot path of a call that may be repeated (a GET): a slot free at once, on
      // the live clock; from the request to its meaning in one asynchronous step,
      // with plain calls in between (bench/http.ts: ~0.1× of raw fetch's CPU less).
      return Effect.withFiberRuntime<unknown, CrispError>((fiber) => {
        const clock = Context.get(fiber.currentDefaultServices, Clock.Clock)
        const ticket = isLive(clock) ? acquireNow(clock.unsafeCurrentTimeMillis()) : undefined
        if (ticket === undefined) return general()
        return Effect.async<unknown, CrispError>((resume) => {
          const abort = exchange(leanRequest, millis, (outcome) => {
            if (outcome instanceof ExchangeFailure) return resume(Effect.fail(failure(outcome)))
            const { status } = outcome
            if (status === 429 || status === 420) {
              return resume(interpret(ticket, request, info, status, () => outcome.retryAfter, Effect.succeed(outcome.text)))
            }
            answeredNow(clock.unsafeCurrentTimeMillis())
            resume(meaning(request, info, status, undefined, outcome.text))
          })
          return Effect.sync(abort)
        })
      })
    }

    const attempt = (request: CrispRequest, url: string, info: RequestInfo, timeout: Duration.Duration) => {
      if (lean !== undefined) return leanAttempt(lean, request, url, info, timeout)
      let httpRequest = HttpClientRequest.setUrl(template(request.method), url)
      if (request.body !== undefined) httpRequest = HttpClientRequest.bodyUnsafeJson(httpRequest, request.body)
      const exchange = (ticket: Ticket) => client.execute(httpRequest).pipe(
        Effect.flatMap((response): Effect.Effect<unknown, CrispError | ResponseError> =>
          interpret(ticket, request, info, response.status, () => response.headers["retry-after"], response.text)),
        Effect.catchTags({
          RequestError: (error) =>
            Effect.fail(new CrispTransportError({ ...info, kind: "network", detail: transportDetail(error) })),
          ResponseError: (error) =>
            Effect.fail(new CrispTransportError({ ...info, kind: "network", detail: transportDetail(error) }))
        }),
        (self) => timeoutFail(self, timeout, timeoutError(info, timeout), attemptLocal)
      )
      return budgeted(request, info, exchange)
    }

    const send = (request: CrispRequest): Effect.Effect<unknown, CrispError> =>
      Effect.flatMap(FiberRef.get(currentRequestOptions), (overrides) => {
        const info: RequestInfo = { method: request.method, path: request.path }
        const url = (overrides?.restUrl === undefined ? restUrl : withTrailingSlash(overrides.restUrl)) +
          request.path + encodeQuery(request.query)
        const timeout = overrides?.timeout === undefined ? defaultTimeout : Duration.decode(overrides.timeout)
        const schedules: RetrySchedules = overrides?.retry === undefined ? defaultRetry : compileRetry(overrides.retry)
        const schedule = isIdempotent(request.method) ? schedules.idempotent : schedules.other
        const once = attempt(request, url, info, timeout)
        // The retry machinery is only built once an attempt has failed.
        return Effect.catchAll(once, (error) => retryAfter(once, schedule, error))
      })

    return CrispHttp.of({ identifier: options.identifier, key: options.key, tier, restUrl, send, budget: budget.state })
  })

/**
 * A layer from explicit options. Needs an `HttpClient`: any works the same; the
 * leanest are `CrispTransport.layerFetch` and, on Node,
 * `CrispTransport.layerUndici` from `effect-crisp/node`.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer, Redacted } from "effect"
 * import { CrispHttp } from "effect-crisp"
 *
 * const CrispLive = CrispHttp.layer({ identifier: "id", key: Redacted.make("key") }).pipe(
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<CrispHttp, never, HttpClient.HttpClient> =>
  Layer.effect(CrispHttp, make(options))

/**
 * Reads the options from configuration: `CRISP_IDENTIFIER`, `CRISP_KEY` (kept
 * redacted), `CRISP_TIER` (default `plugin`) and `CRISP_REST_URL`. A missing
 * variable fails the layer with a `ConfigError` naming it. `overrides` fill or
 * replace what configuration does not say (timeout, retry policy, ...).
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { CrispHttp } from "effect-crisp"
 *
 * const CrispLive = CrispHttp.layerConfig({ timeout: "5 seconds" }).pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Partial<Options> = {}
): Layer.Layer<CrispHttp, import("effect/ConfigError").ConfigError, HttpClient.HttpClient> =>
  Layer.effect(
    CrispHttp,
    Effect.flatMap(config, (fromConfig) => make({ ...fromConfig, ...overrides }))
  )

/**
 * The configuration read by {@link layerConfig}, for composing your own.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 * import { CrispHttp } from "effect-crisp"
 *
 * const CrispLive = Layer.unwrapEffect(Effect.map(CrispHttp.config, (options) =>
 *   CrispHttp.layer({ ...options, timeout: "5 seconds" }))).pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<Options> = Config.all({
  identifier: Config.string("CRISP_IDENTIFIER"),
  key: Config.redacted("CRISP_KEY"),
  tier: Config.literal("plugin", "website", "user")("CRISP_TIER").pipe(Config.withDefault("plugin" as const)),
  restUrl: Config.option(Config.string("CRISP_REST_URL"))
}).pipe(Config.map(({ restUrl, ...rest }): Options => Option.match(restUrl, {
  onNone: () => rest,
  onSome: (url) => ({ ...rest, restUrl: url })
})))

/**
 * The request budget of the `CrispHttp` in context: the rate in force and what
 * is left of today's allowance.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispHttp } from "effect-crisp"
 *
 * const report = Effect.flatMap(CrispHttp.budgetState, (state) =>
 *   Effect.log(`${state.remainingToday} requests left today at ${state.currentPerSecond}/s`))
 * ```
 *
 * @since 0.1.0
 * @category budget
 */
export const budgetState: Effect.Effect<BudgetState, never, CrispHttp> = Effect.flatMap(CrispHttp, (http) => http.budget)

/**
 * Options of {@link request}.
 *
 * @since 0.1.0
 * @category models
 */
export interface RawRequest<A, I> {
  readonly method: HttpMethod
  /** A path template below the base URL, e.g. `"website/{website_id}/visitors/list/{page_number}"`. */
  readonly path: string
  /** Values of the template's placeholders; each is URL-encoded into one segment. */
  readonly params?: Readonly<Record<string, PathValue>>
  readonly query?: Readonly<Record<string, unknown>>
  readonly body?: unknown
  /** Decodes `data`; without it the result is `unknown`. */
  readonly response?: Schema.Schema<A, I>
  /** Name of the span; default `CrispHttp.request`. */
  readonly spanName?: string
}

/**
 * The escape hatch for routes not wrapped yet: authenticated, enveloped, retried,
 * with typed errors.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CrispHttp } from "effect-crisp"
 *
 * const visitors = CrispHttp.request({
 *   method: "GET",
 *   path: "website/{website_id}/visitors/list/{page_number}",
 *   params: { website_id: "website-id", page_number: 1 },
 *   response: Schema.Array(Schema.Struct({ session_id: Schema.String }))
 * })
 * ```
 *
 * @since 0.1.0
 * @category requests
 */
export const request = <A = unknown, I = unknown>(options: RawRequest<A, I>): Effect.Effect<A, CrispError, CrispHttp> => {
  const template = parseTemplate(options.path)
  const path = template.fill(options.params)
  const spanOptions = {
    kind: "client" as const,
    attributes: { "http.request.method": options.method, "crisp.route": template.template },
    captureStackTrace: false
  }
  const sent = path instanceof PathProblem
    ? Effect.fail(new CrispInvalidRequest({ method: options.method, path: template.template, issue: path.issue }))
    : sendAndDecode(
      { method: options.method, path, query: options.query, body: options.body },
      Schema.decodeUnknownEither((options.response ?? Schema.Unknown) as Schema.Schema<unknown, unknown>)
    )
  return withSpanIfTraced(sent as Effect.Effect<A, CrispError, CrispHttp>, options.spanName ?? "CrispHttp.request", spanOptions)
}
