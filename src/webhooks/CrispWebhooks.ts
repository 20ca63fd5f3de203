/**
 * Crisp Web Hooks as an events source: `CrispWebhooks.layer(options)` provides the same
 * `CrispEvents` service the RTM socket does (one set of Schemas, one hub), fed by an
 * HTTP handler that you mount in your server. A bot written against `CrispEvents` runs
 * unchanged on either source.
 *
 * The handler comes in three forms, all sharing one `receive`:
 *
 * - {@link handler}: an `@effect/platform` `HttpApp`, for `HttpRouter.post("/crisp", CrispWebhooks.handler)`;
 * - {@link webHandler}: a `(request: Request) => Promise<Response>` for fetch-style
 *   frameworks (Hono, Next.js route handlers, Bun, Deno, workers);
 * - `receive({ body, headers, url })` on the {@link CrispWebhooks} service, for anything else.
 *
 * Answers: 200 once the subscribers took the event from the hub (or when it is a
 * repeat of one already taken), 401 for a bad or missing signature or website key,
 * 400 for a body that is not a hook envelope, 413 over `maxBodyBytes`, 405 for
 * anything but POST, 503 when nobody took it within `enqueueTimeout`, when nobody
 * subscribes, or once the layer is shutting down (Crisp delivers it again later).
 * A 200 therefore means the program's stream has the event: a shutdown cannot lose it.
 *
 * @example
 * ```ts
 * import { HttpRouter, HttpServer } from "@effect/platform"
 * import { NodeHttpServer, NodeRuntime } from "@effect/platform-node"
 * import { Config, Effect, Layer, Stream } from "effect"
 * import { createServer } from "node:http"
 * import { CrispEvents } from "effect-crisp/realtime"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const Hooks = CrispWebhooks.layerConfig() // CRISP_HOOK_SECRET and/or CRISP_HOOK_KEY
 *
 * const Server = HttpRouter.empty.pipe(
 *   HttpRouter.post("/crisp", CrispWebhooks.handler),
 *   HttpServer.serve(),
 *   Layer.provide(NodeHttpServer.layer(createServer, { port: 8080 }))
 * )
 *
 * const bot = CrispEvents.on("message:send").pipe(Stream.runForEach((message) => Effect.log(message.content)))
 *
 * Layer.launch(Server).pipe(Effect.zip(bot, { concurrent: true }), Effect.provide(Hooks), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Config, ConfigError, Context, type Duration, Effect, Either, Layer, Option, type Redacted, Runtime } from "effect"
import { CrispEvents } from "../realtime/CrispEvents.js"
import { type HubOptions, makeHub } from "../internal/realtime/EventHub.js"
import * as receiver from "../internal/webhooks/receiver.js"
import * as Signature from "./Signature.js"

/**
 * Verifies one delivery (see `Signature.verify`).
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const check = CrispWebhooks.verify({
 *   body: "{\"event\":\"message:send\",\"data\":{}}",
 *   timestamp: "1700000000000",
 *   signature: "…",
 *   secret: Redacted.make("hook-signing-secret")
 * })
 * ```
 *
 * @since 0.1.0
 * @category verification
 */
export const verify: typeof Signature.verify = Signature.verify

/**
 * Signs a delivery as Crisp does, for tests (see `Signature.sign`).
 *
 * @example
 * ```ts
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const signed = CrispWebhooks.sign({ secret: "test-secret", body: { event: "message:send", data: {} } })
 * ```
 *
 * @since 0.1.0
 * @category signing
 */
export const sign: typeof Signature.sign = Signature.sign

/**
 * What became of one delivery: `Delivered` (with the event), `Duplicate`, or `Rejected`
 * (with the HTTP status and a typed error).
 *
 * @example
 * ```ts
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const describe = (outcome: CrispWebhooks.Outcome): string =>
 *   outcome._tag === "Rejected" ? `${outcome.status}: ${outcome.error.message}` : outcome._tag
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = receiver.Outcome

/**
 * Constructors and matchers of {@link Outcome}.
 *
 * @example
 * ```ts
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const status = CrispWebhooks.Outcome.$match({
 *   Delivered: () => "ok",
 *   Duplicate: () => "repeat",
 *   Rejected: ({ status }) => `refused ${status}`
 * })
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const Outcome = receiver.Outcome

/**
 * The request `receive` reads: raw body, headers, URL (for `?key=`), method.
 *
 * @example
 * ```ts
 * import type { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const input: CrispWebhooks.ReceiveInput = {
 *   body: "{\"event\":\"message:send\",\"data\":{}}",
 *   headers: { "x-crisp-request-timestamp": "1700000000000", "x-crisp-signature": "…" },
 *   url: "/crisp",
 *   method: "POST"
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type ReceiveInput = receiver.ReceiveInput

/**
 * Default `maxBodyBytes`: 1 MiB. Crisp's hook bodies are a few kilobytes.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const Hooks = CrispWebhooks.layer({
 *   secret: Redacted.make("s3cret"),
 *   maxBodyBytes: CrispWebhooks.DEFAULT_MAX_BODY_BYTES / 4
 * })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_BODY_BYTES: number = receiver.DEFAULT_MAX_BODY_BYTES

/**
 * Options of {@link layer}. Set `secret` for plugin hooks (signed), `websiteKey` for
 * website hooks (unsigned, protected by a `?key=` URL parameter), or both: a delivery
 * that carries `X-Crisp-Signature` is then checked against the secret, one that does
 * not must carry the right `?key=`.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import type { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const options: CrispWebhooks.Options = {
 *   secret: Redacted.make("hook-signing-secret"),
 *   websiteKey: Redacted.make("long-random-key"),
 *   tolerance: "5 minutes"
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Options = CommonOptions & (
  | { readonly secret: Redacted.Redacted<string>; readonly websiteKey?: Redacted.Redacted<string> | undefined }
  | { readonly secret?: Redacted.Redacted<string> | undefined; readonly websiteKey: Redacted.Redacted<string> }
)

/**
 * The options of {@link layer} other than the credentials.
 *
 * @example
 * ```ts
 * import type { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const tuning: CrispWebhooks.CommonOptions = {
 *   maxBodyBytes: 256 * 1024,
 *   hub: { capacity: 1024, strategy: "suspend" },
 *   enqueueTimeout: "2 seconds",
 *   duplicates: 5_000
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface CommonOptions {
  /**
   * Freshness window of signed deliveries, either side of now; `false` switches the
   * check off. Default 5 minutes. Repeats are recognised within the same window.
   */
  readonly tolerance?: Duration.DurationInput | false | undefined
  /** Largest body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
  /**
   * The event hub. Default `{ strategy: "suspend" }`: a delivery waits (up to
   * `enqueueTimeout`) for a slow subscriber to take it, instead of dropping events;
   * Crisp retries what was answered 503.
   */
  readonly hub?: HubOptions | undefined
  /**
   * How long a delivery may wait for the subscribers to take it before it is answered
   * 503 (and withdrawn). Default 5 seconds.
   */
  readonly enqueueTimeout?: Duration.DurationInput | undefined
  /**
   * How many recent deliveries are remembered to recognise repeats; `false` for none.
   * Default 10,000. With `CrispRedis.layer` (`effect-crisp/redis`) provided underneath,
   * repeats are recognised across every replica on the same Redis and prefix.
   */
  readonly duplicates?: number | false | undefined
}

/**
 * The receiver service: the handler in its three forms.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const fetchHandler = Effect.map(CrispWebhooks.CrispWebhooks, (service: CrispWebhooks.Service) => service.toWebHandler)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Verifies, decodes and enqueues one delivery; never fails (a refusal is an {@link Outcome}). */
  readonly receive: (input: ReceiveInput) => Effect.Effect<Outcome>
  /** The handler as an `@effect/platform` `HttpApp`. */
  readonly httpApp: Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>
  /** The handler over fetch `Request` / `Response`, as an Effect. */
  readonly handleWeb: (request: Request) => Effect.Effect<Response>
  /**
   * The handler for fetch-style frameworks; runs on the runtime the layer was built
   * in (a `Logger` merged next to the layer does not reach it: use {@link webHandler}).
   */
  readonly toWebHandler: (request: Request) => Promise<Response>
}

/**
 * The receiver of the current {@link layer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const outcome = Effect.flatMap(CrispWebhooks.CrispWebhooks, (hooks) =>
 *   hooks.receive({ body: "{}", headers: {}, url: "/crisp?key=k" }))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class CrispWebhooks extends Context.Tag("effect-crisp/CrispWebhooks")<CrispWebhooks, Service>() {}

/**
 * The default hub options of the web hook source: `suspend`, so that a slow
 * subscriber slows the HTTP answers down (and Crisp retries) instead of losing events.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const Hooks = CrispWebhooks.layer({
 *   secret: Redacted.make("s3cret"),
 *   hub: { ...CrispWebhooks.DEFAULT_HUB, capacity: 256 }
 * })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_HUB: HubOptions = { strategy: "suspend" }

/**
 * Provides `CrispEvents` fed by Web Hook deliveries, and the {@link CrispWebhooks}
 * receiver to mount in a server. The hub lives as long as the layer.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * // Plugin hooks (signed):
 * const Plugin = CrispWebhooks.layer({ secret: Redacted.make("hook-signing-secret"), tolerance: "2 minutes" })
 * // Website hooks (unsigned; URL configured in Crisp as https://example.com/crisp?key=…):
 * const Website = CrispWebhooks.layer({ websiteKey: Redacted.make("long-random-key") })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<CrispEvents | CrispWebhooks> =>
  Layer.scopedContext(Effect.gen(function*() {
    const hub = yield* makeHub({ ...DEFAULT_HUB, ...options.hub })
    const service = yield* receiver.make(options, hub)
    return Context.make(CrispEvents, hub.service).pipe(Context.add(CrispWebhooks, service))
  }))

/**
 * The configuration read by {@link layerConfig}: `CRISP_HOOK_SECRET` (plugin hooks'
 * signing secret) and/or `CRISP_HOOK_KEY` (website hooks' `?key=`), both redacted; at
 * least one must be set.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const credentials = Effect.gen(function*() {
 *   const { secret, websiteKey } = yield* CrispWebhooks.config
 *   return { signed: secret !== undefined, keyed: websiteKey !== undefined }
 * })
 * ```
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<Options> = Config.all({
  secret: Config.option(Config.redacted("CRISP_HOOK_SECRET")),
  websiteKey: Config.option(Config.redacted("CRISP_HOOK_KEY"))
}).pipe(Config.mapOrFail(({ secret, websiteKey }): Either.Either<Options, ConfigError.ConfigError> => {
  if (Option.isSome(secret)) {
    return Either.right(Option.isSome(websiteKey) ? { secret: secret.value, websiteKey: websiteKey.value } : { secret: secret.value })
  }
  if (Option.isSome(websiteKey)) return Either.right({ websiteKey: websiteKey.value })
  return Either.left(ConfigError.MissingData(
    ["CRISP_HOOK_SECRET"],
    "Expected CRISP_HOOK_SECRET (plugin hooks) or CRISP_HOOK_KEY (website hooks) to be set"
  ))
}))

/**
 * {@link layer} from configuration (see {@link config}); `overrides` set the other
 * options (tolerance, size limit, hub, ...).
 *
 * @example
 * ```ts
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const Hooks = CrispWebhooks.layerConfig({ maxBodyBytes: 256 * 1024 })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: CommonOptions = {}
): Layer.Layer<CrispEvents | CrispWebhooks, ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(config, (credentials) => layer({ ...overrides, ...credentials })))

/**
 * The handler as an `HttpApp`, to mount in an `HttpRouter` (or serve alone). Needs the
 * {@link CrispWebhooks} service from {@link layer}.
 *
 * @example
 * ```ts
 * import { HttpRouter } from "@effect/platform"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const router = HttpRouter.empty.pipe(HttpRouter.post("/crisp", CrispWebhooks.handler))
 * ```
 *
 * @since 0.1.0
 * @category handlers
 */
export const handler: Effect.Effect<
  HttpServerResponse.HttpServerResponse,
  never,
  HttpServerRequest.HttpServerRequest | CrispWebhooks
> = Effect.flatMap(CrispWebhooks, (service) => service.httpApp)

/**
 * The `(request: Request) => Promise<Response>` handler for fetch-style frameworks.
 * The Promise exists only at this boundary. Each request runs on the runtime of the
 * effect that asked for the handler (a `ManagedRuntime`'s, say): its logger, tracer
 * and services, including a `Logger` merged next to the layer.
 *
 * @example
 * ```ts
 * import { Effect, Layer, ManagedRuntime, Redacted, Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const runtime = ManagedRuntime.make(CrispWebhooks.layer({ secret: Redacted.make("s3cret") }))
 * runtime.runFork(CrispEvents.on("message:send").pipe(Stream.runForEach((m) => Effect.log(m.content))))
 * const fetchHandler = await runtime.runPromise(CrispWebhooks.webHandler)
 * // Hono: app.post("/crisp", (c) => fetchHandler(c.req.raw)); Bun: Bun.serve({ fetch: fetchHandler })
 * ```
 *
 * @since 0.1.0
 * @category handlers
 */
export const webHandler: Effect.Effect<(request: Request) => Promise<Response>, never, CrispWebhooks> = Effect.gen(
  function*() {
    const service = yield* CrispWebhooks
    const runPromise = Runtime.runPromise(yield* Effect.runtime<never>())
    return (request: Request) => runPromise(service.handleWeb(request))
  }
)

/**
 * Receives one delivery with the current {@link CrispWebhooks} service.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * declare const rawBody: string
 * declare const headers: Record<string, string>
 *
 * const status = CrispWebhooks.receive({ body: rawBody, headers }).pipe(Effect.map((outcome) => outcome.status))
 * ```
 *
 * @since 0.1.0
 * @category handlers
 */
export const receive = (input: ReceiveInput): Effect.Effect<Outcome, never, CrispWebhooks> =>
  Effect.flatMap(CrispWebhooks, (service) => service.receive(input))
