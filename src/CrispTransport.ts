/**
 * Lean `HttpClient` layers for `CrispHttp`.
 *
 * `CrispHttp` runs on any `HttpClient`. The ones made here are ordinary
 * `HttpClient`s (their `execute` goes through the platform's `HttpClient.make`,
 * spans and all) that also carry a lean path `CrispHttp` takes: the whole
 * exchange — send, read the body — in one asynchronous step, the per-attempt
 * timeout armed inside it, the request aborted when the fiber is interrupted or
 * the timeout fires. That leaves out what a general-purpose client pays for on
 * every request (a span, an `AbortController` and a response wrapper, a cached
 * effect per body read) and effect-crisp's own timeout fiber. With
 * `platformSpans` or `propagateTracing` on, or on a client changed with
 * `HttpClient.transform` and friends, `CrispHttp` takes the ordinary path.
 *
 * `layerFetch` uses only web standards (`fetch`, `AbortController`): it runs on
 * Node 20+, Deno, Bun, browsers and edge runtimes. It is what `Crisp.layer` and
 * `Crisp.layerConfig` use. On Node, while `globalThis.fetch` is Node's own, its
 * lean path hands a request straight to the dispatcher that `fetch` runs on
 * (undici's global dispatcher: `setGlobalDispatcher` — a proxy, a `MockAgent` —
 * applies), without `fetch`'s `Request`, `Response` and body stream on top: less
 * than half of `fetch`'s CPU per call. It then neither follows redirects (the
 * Crisp API sends none) nor asks for a compressed answer. A `fetch` someone put
 * in its place (msw, nock, a polyfill) is called instead, and so is any `fetch`
 * given to `makeFetch`; the very first request, before Node has made its
 * dispatcher, goes through `fetch` too. `CrispTransport.layerUndici` from
 * `effect-crisp/node` runs the same path on an undici `Agent` of its own.
 *
 * @example
 * ```ts
 * import { Effect, Layer, Redacted } from "effect"
 * import { CrispHttp, CrispTransport, WebsiteSettings } from "effect-crisp"
 *
 * const CrispLive = CrispHttp.layer({ identifier: "id", key: Redacted.make("key") }).pipe(
 *   Layer.provide(CrispTransport.layerFetch)
 * )
 * const program = WebsiteSettings.get("website-id").pipe(Effect.provide(CrispLive))
 * ```
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { Layer } from "effect"
import * as internal from "./internal/http/fetch.js"

/**
 * The `fetch` function a client calls (the global `fetch` has this shape).
 *
 * @example
 * ```ts
 * import type { CrispTransport } from "effect-crisp"
 *
 * const logged: CrispTransport.FetchFunction = (input, init) => {
 *   console.log(init?.method, String(input))
 *   return fetch(input, init)
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type FetchFunction = internal.FetchFunction

/**
 * An `HttpClient` over `fetch`: the given function, or the global `fetch` as it
 * is when each request is sent.
 *
 * @example
 * ```ts
 * import { HttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { CrispTransport } from "effect-crisp"
 *
 * declare const workerFetch: CrispTransport.FetchFunction
 * const Transport = Layer.succeed(HttpClient.HttpClient, CrispTransport.makeFetch(workerFetch))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeFetch: (fetch?: FetchFunction) => HttpClient.HttpClient = internal.makeFetch

/**
 * `HttpClient.HttpClient` over the global `fetch`, with the lean path for
 * `CrispHttp` (on Node, through the dispatcher of Node's own `fetch`; see the
 * module's documentation). Edge-safe.
 *
 * @example
 * ```ts
 * import { Layer, Redacted } from "effect"
 * import { CrispHttp, CrispTransport } from "effect-crisp"
 *
 * const CrispLive = CrispHttp.layer({ identifier: "id", key: Redacted.make("key") }).pipe(
 *   Layer.provide(CrispTransport.layerFetch)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFetch: Layer.Layer<HttpClient.HttpClient> = Layer.sync(HttpClient.HttpClient, () => internal.makeFetch())
