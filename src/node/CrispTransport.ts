/**
 * The `CrispTransport` of `effect-crisp/node`: everything of the root entry's
 * `CrispTransport` (`layerFetch`, `makeFetch`), plus clients over undici, the
 * HTTP engine under Node's own `fetch`, used directly. Needs the `undici` package
 * (an optional peer dependency: install it to use this entry).
 *
 * @example
 * ```ts
 * import { Effect, Layer, Redacted } from "effect"
 * import { CrispHttp, WebsiteSettings } from "effect-crisp"
 * import { CrispTransport } from "effect-crisp/node"
 *
 * const CrispLive = CrispHttp.layer({ identifier: "id", key: Redacted.make("key") }).pipe(
 *   Layer.provide(CrispTransport.layerUndici)
 * )
 * const program = WebsiteSettings.get("website-id").pipe(Effect.provide(CrispLive))
 * ```
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { Effect, Layer } from "effect"
import { Agent, type Dispatcher } from "undici"
import * as internal from "../internal/http/undici.js"

export * from "../CrispTransport.js"

/**
 * An `HttpClient` over an undici `Dispatcher` (an `Agent`, a `Pool`, a
 * `ProxyAgent`, a `MockAgent`, …) that you own and close; with the lean path for
 * `CrispHttp`.
 *
 * @example
 * ```ts
 * import { HttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { Agent } from "undici"
 * import { CrispTransport } from "effect-crisp/node"
 *
 * const agent = new Agent({ connections: 16 })
 * const Transport = Layer.succeed(HttpClient.HttpClient, CrispTransport.makeUndici(agent))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeUndici = (dispatcher: Dispatcher): HttpClient.HttpClient => internal.makeUndici(dispatcher)

/**
 * `HttpClient.HttpClient` over an undici `Agent` of its own (default options),
 * closed when the layer's scope ends; with the lean path for `CrispHttp`.
 *
 * @example
 * ```ts
 * import { Layer, Redacted } from "effect"
 * import { CrispHttp } from "effect-crisp"
 * import { CrispTransport } from "effect-crisp/node"
 *
 * const CrispLive = CrispHttp.layer({ identifier: "id", key: Redacted.make("key") }).pipe(
 *   Layer.provide(CrispTransport.layerUndici)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerUndici: Layer.Layer<HttpClient.HttpClient> = Layer.scoped(
  HttpClient.HttpClient,
  Effect.map(
    Effect.acquireRelease(Effect.sync(() => new Agent()), (agent) => Effect.promise(() => agent.close())),
    internal.makeUndici
  )
)
