/**
 * Test layers: `CrispHttp` and `CrispEvents` over one in-memory {@link FakeCrisp},
 * in process, without sockets. The program under test runs unchanged; the test
 * plays the visitor, emits events, reads the requests and injects failures through
 * {@link Control}. Works under `it.effect` and the `TestClock`.
 *
 * @example
 * ```ts
 * import { it } from "@effect/vitest"
 * import { Effect, Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 * import { CrispTest } from "effect-crisp/testing"
 *
 * it.effect("sees the visitor's message", () =>
 *   Effect.gen(function*() {
 *     const control = yield* CrispTest.Control
 *     const first = yield* Effect.fork(Stream.runHead(CrispEvents.on("message:send")))
 *     yield* Effect.yieldNow()
 *     yield* control.visitorSends("website-1", "session-1", "hello")
 *   }).pipe(Effect.provide(CrispTest.layer())))
 * ```
 *
 * @since 0.1.0
 */
import { HttpClient, HttpClientError, HttpClientResponse } from "@effect/platform"
import { Context, Effect, Layer, Option, Redacted, Stream } from "effect"
import * as CrispHttp from "../CrispHttp.js"
import { type EventName, decode, type Payload } from "../realtime/CrispEvent.js"
import { CrispEvents } from "../realtime/CrispEvents.js"
import { type HubOptions, makeHub } from "../internal/realtime/EventHub.js"
import * as FakeCrisp from "./FakeCrisp.js"

/**
 * What a test can do to the fake Crisp behind the layer: everything of
 * {@link FakeCrisp.FakeCrisp} (act as a visitor, read the request log, inject
 * faults, rate-limit, seed and inspect state), plus typed event emission and a
 * transcript reader.
 *
 * @since 0.1.0
 * @category models
 */
export interface ControlService extends FakeCrisp.FakeCrisp {
  /** Emits any known event with a typed payload, as Crisp would. */
  readonly emit: <N extends EventName>(name: N, data: Payload<N>) => Effect.Effect<void>
  /** Emits an event by any name with any payload (unknown names, malformed payloads). */
  readonly emitRaw: (name: string, data: Readonly<Record<string, unknown>>) => Effect.Effect<void>
  /** The messages of a conversation, oldest first (empty for an unknown conversation). */
  readonly messages: (websiteId: string, sessionId: string) => Effect.Effect<ReadonlyArray<FakeCrisp.Message>>
  /**
   * Waits until events emitted next will reach the program: until `subscribers`
   * (default 1) subscriptions to `CrispEvents` are open (`CrispTest`), or until the
   * RTM socket is authenticated (`CrispSimulator`). Call it after forking a bot and
   * before acting as the visitor. Works under the `TestClock`.
   */
  readonly awaitListening: (subscribers?: number) => Effect.Effect<void>
}

/**
 * The control service of {@link layer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispTest } from "effect-crisp/testing"
 *
 * const visitorSaysHi = Effect.flatMap(CrispTest.Control, (c) => c.visitorSends("website-1", "s1", "Hi"))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class Control extends Context.Tag("effect-crisp/testing/CrispTest/Control")<Control, ControlService>() {}

/**
 * Options of {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * `CrispHttp` options (credentials, tier, retry, budget...). Default: the
   * default plugin token, and retries without delay so that failure-injection tests
   * need no clock adjustment.
   */
  readonly http?: Partial<CrispHttp.Options>
  /** Options of the event hub behind `CrispEvents`. */
  readonly hub?: HubOptions
}

/**
 * The {@link Control} service over any fake (`CrispSimulator` uses it too).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispTest, FakeCrisp } from "effect-crisp/testing"
 *
 * const control = Effect.map(FakeCrisp.make(), (fake) => CrispTest.makeControl(fake, () => Effect.void))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeControl = (
  fake: FakeCrisp.FakeCrisp,
  awaitListening: (subscribers?: number) => Effect.Effect<void>
): ControlService => ({
  ...fake,
  awaitListening,
  emit: (name, data) => fake.publish({ name, data: data as Readonly<Record<string, unknown>> }),
  emitRaw: (name, data) => fake.publish({ name, data }),
  messages: (websiteId, sessionId) =>
    Effect.map(fake.conversation(websiteId, sessionId), Option.match({
      onNone: () => [],
      onSome: (conversation) => conversation.messages
    }))
})

/** Yields (no clock involved) until `count` reaches `n`. */
const untilSubscribed = (count: Effect.Effect<number>, n: number): Effect.Effect<void> =>
  Effect.flatMap(count, (current) => current >= n ? Effect.void : Effect.zipRight(Effect.yieldNow(), untilSubscribed(count, n)))

/** The base URL the in-process client answers; nothing is ever sent to it. */
const BASE_URL = "http://fake-crisp.invalid/v1/"

/**
 * An `HttpClient` whose requests are answered by a {@link FakeCrisp.FakeCrisp} in
 * process. A dropped connection is a transport error, as over a real socket.
 *
 * @example
 * ```ts
 * import { Effect, Layer, Redacted } from "effect"
 * import { HttpClient } from "@effect/platform"
 * import { CrispHttp } from "effect-crisp"
 * import { CrispTest, FakeCrisp } from "effect-crisp/testing"
 *
 * const http = Effect.gen(function*() {
 *   const fake = yield* FakeCrisp.make()
 *   return yield* CrispHttp.make({ identifier: "plugin-identifier", key: Redacted.make("plugin-key"), restUrl: "http://x/v1/" })
 *     .pipe(Effect.provideService(HttpClient.HttpClient, CrispTest.httpClient(fake)))
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const httpClient = (fake: FakeCrisp.FakeCrisp): HttpClient.HttpClient =>
  HttpClient.make((request, url) => {
    const body = request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : undefined
    const marker = url.pathname.indexOf("/v1/")
    const path = marker === -1 ? url.pathname.slice(1) : url.pathname.slice(marker + 4)
    return Effect.flatMap(
      fake.handle({ method: request.method, path, query: Object.fromEntries(url.searchParams), headers: request.headers, body }),
      (answer) =>
        "drop" in answer
          ? Effect.fail(
            new HttpClientError.RequestError({ request, reason: "Transport", description: "FakeCrisp dropped the connection" })
          )
          : Effect.succeed(HttpClientResponse.fromWeb(
            request,
            new Response(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers })
          ))
    )
  })

/**
 * `CrispHttp`, `CrispEvents`, {@link Control} and the `FakeCrisp` itself, over one
 * in-memory Crisp. Every change the fake makes (a visitor's message, a state
 * change, a new profile, …) arrives on `CrispEvents` as Crisp would send it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 * import { CrispTest } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const control = yield* CrispTest.Control
 *   yield* control.visitorSends("website-1", "session-1", "hello")
 *   return yield* WebsiteConversations.getMessages("website-1", "session-1")
 * }).pipe(Effect.provide(CrispTest.layer()))
 *
 * // Start from a seed, with a request budget on the CrispHttp side:
 * const Seeded = CrispTest.layer(
 *   { conversations: [{ website_id: "website-1", session_id: "session-1" }] },
 *   { http: { budget: { perSecond: 20 } } }
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  seed?: FakeCrisp.FakeCrispSeed,
  options: Options = {}
): Layer.Layer<CrispHttp.CrispHttp | CrispEvents | Control | FakeCrisp.FakeCrisp, FakeCrisp.FakeCrispError> =>
  Layer.scopedContext(Effect.gen(function*() {
    const fake = yield* FakeCrisp.make(seed)
    const hub = yield* makeHub(options.hub)
    const identifier = options.http?.identifier ?? FakeCrisp.DEFAULT_PLUGIN_TOKEN.identifier
    // As the simulator's socket does: a token limited to some websites hears only theirs.
    const websites = fake.tokenWebsites(identifier)
    const fakeEvents = yield* fake.subscribe
    yield* Effect.forkScoped(
      Stream.runForEach(fakeEvents, (event) => {
        const websiteId = typeof event.data.website_id === "string" ? event.data.website_id : undefined
        if (websites !== undefined && (websiteId === undefined || !websites.includes(websiteId))) return Effect.void
        return hub.publish(decode(event.name, event.data, {
          source: "test",
          timestamp: event.timestamp,
          ...(websiteId === undefined ? {} : { websiteId })
        }))
      })
    )
    const http = yield* CrispHttp.make({
      identifier: FakeCrisp.DEFAULT_PLUGIN_TOKEN.identifier,
      key: Redacted.make(FakeCrisp.DEFAULT_PLUGIN_TOKEN.key),
      tier: FakeCrisp.DEFAULT_PLUGIN_TOKEN.tier,
      retry: { baseDelay: "0 millis" },
      ...options.http,
      restUrl: BASE_URL
    }).pipe(Effect.provideService(HttpClient.HttpClient, httpClient(fake)))
    return Context.make(CrispHttp.CrispHttp, http).pipe(
      Context.add(CrispEvents, hub.service),
      Context.add(Control, makeControl(fake, (n = 1) => untilSubscribed(hub.subscribers, n))),
      Context.add(FakeCrisp.FakeCrisp, fake)
    )
  }))
