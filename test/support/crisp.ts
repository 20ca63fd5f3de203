/**
 * `CrispHttp` pointed at a {@link Loopback} server over a real transport, with tiny
 * retry delays so tests wait milliseconds. {@link eachTransport} runs a block of
 * tests once per transport `CrispHttp` is meant to run on.
 */
import { FetchHttpClient, HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect } from "@effect/vitest"
import { Effect, Layer, Redacted, Schema } from "effect"
import type { CrispError } from "../../src/CrispError.js"
import * as CrispHttp from "../../src/CrispHttp.js"
import * as CrispTransport from "../../src/CrispTransport.js"
import * as NodeCrispTransport from "../../src/node/CrispTransport.js"
import { endpoint } from "./endpoint.js"
import * as LoopbackServer from "./loopback.js"
import type { Loopback } from "./loopback.js"

/** An `HttpClient` layer `CrispHttp` can run on, by name. */
export interface Transport {
  readonly name: string
  readonly layer: Layer.Layer<HttpClient.HttpClient>
}

/** `CrispTransport.makeUndici` over the undici 7 Agent that platform-node bundles (the project's undici is 6.x). */
const leanUndici7: Layer.Layer<HttpClient.HttpClient> = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(NodeHttpClient.Dispatcher, (dispatcher) => NodeCrispTransport.makeUndici(dispatcher as never))
).pipe(Layer.provide(NodeHttpClient.dispatcherLayer))

/** The platform's clients and effect-crisp's lean ones: `CrispHttp` must behave the same on each. */
export const transports: ReadonlyArray<Transport> = [
  { name: "FetchHttpClient", layer: FetchHttpClient.layer },
  { name: "NodeHttpClient.layerUndici", layer: NodeHttpClient.layerUndici },
  // On Node, the default goes straight to the dispatcher of Node's fetch; a given fetch is called, with an AbortSignal.
  { name: "CrispTransport.layerFetch", layer: CrispTransport.layerFetch },
  {
    name: "CrispTransport.makeFetch(a given fetch)",
    layer: Layer.sync(HttpClient.HttpClient, () => CrispTransport.makeFetch((input, init) => fetch(input, init)))
  },
  { name: "CrispTransport.layerUndici", layer: NodeCrispTransport.layerUndici },
  { name: "CrispTransport.makeUndici (undici 7)", layer: leanUndici7 }
]

/** Token identifier used by the tests. */
export const IDENTIFIER = "7f1d2c3b-test-identifier"
/** Token key used by the tests: distinctive, so any leak of it is easy to find. */
export const KEY = "sEcReT-kEy-0f9e8d7c6b5a"

/** The REST base URL of a loopback server (`<origin>/v1/`). */
export const restUrl = (server: Pick<Loopback, "origin">): string => `${server.origin}/v1/`

/** Retry policy with millisecond delays. */
export const fastRetry = { maxAttempts: 3, baseDelay: "5 millis", maxDelay: "20 millis" } as const

/**
 * `CrispHttp` against `server` (anything with an `origin`) over `transport`
 * (default `FetchHttpClient`); `options` replace the defaults.
 */
export const layer = (
  server: Pick<Loopback, "origin">,
  options: Partial<CrispHttp.Options> = {},
  transport: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer
): Layer.Layer<CrispHttp.CrispHttp> =>
  CrispHttp.layer({
    identifier: IDENTIFIER,
    key: Redacted.make(KEY),
    restUrl: restUrl(server),
    timeout: "2 seconds",
    retry: fastRetry,
    ...options
  }).pipe(Layer.provide(transport))

/** This module with {@link layer} bound to one transport. */
export interface Over {
  readonly transport: Transport
  readonly layer: (server: Pick<Loopback, "origin">, options?: Partial<CrispHttp.Options>) => Layer.Layer<CrispHttp.CrispHttp>
  readonly IDENTIFIER: string
  readonly KEY: string
  readonly restUrl: typeof restUrl
  readonly fastRetry: typeof fastRetry
  readonly getConversation: typeof getConversation
  readonly sendMessage: typeof sendMessage
  readonly ids: typeof ids
}

/** Runs `body` in one `describe` per transport of {@link transports}, named after it. */
export const eachTransport = (body: (Crisp: Over) => void): void => {
  for (const transport of transports) {
    describe(`over ${transport.name}`, () =>
      body({
        transport,
        layer: (server, options = {}) => layer(server, options, transport.layer),
        IDENTIFIER,
        KEY,
        restUrl,
        fastRetry,
        getConversation,
        sendMessage,
        ids
      }))
  }
}

/** A GET endpoint declared as the resources declare theirs. */
export const getConversation = endpoint({
  name: "Test.getConversation",
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}",
  response: Schema.Struct({ session_id: Schema.String })
})

/** A POST endpoint with a body, declared as the resources declare theirs. */
export const sendMessage = endpoint({
  name: "Test.sendMessage",
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/message",
  body: Schema.Struct({ type: Schema.String, content: Schema.String })
})

/** Path values for the two endpoints above. */
export const ids = { path: { website_id: "w1", session_id: "s1" } }

/** Runs `use` with `CrispHttp` on a fresh loopback server answering with `handler` (retries off). */
export const withServer = <A, E>(
  handler: LoopbackServer.Handler,
  use: (server: Loopback) => Effect.Effect<A, E, CrispHttp.CrispHttp>
): Effect.Effect<A, E> =>
  Effect.gen(function*() {
    const server = yield* LoopbackServer.make(handler)
    return yield* use(server).pipe(Effect.provide(layer(server, { retry: false })))
  }).pipe(Effect.scoped)

/**
 * Checks that `call` fails with `CrispInvalidRequest` naming `field`, and that
 * nothing reached the server.
 */
export const refusedBeforeSending = (
  call: Effect.Effect<unknown, CrispError, CrispHttp.CrispHttp>,
  field: string
): Effect.Effect<void, unknown> =>
  withServer(LoopbackServer.always(LoopbackServer.envelope({})), (server) =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(call)
      expect(error._tag).toBe("CrispInvalidRequest")
      expect(error.message).toContain(field)
      expect(yield* server.requests).toEqual([])
    }))
