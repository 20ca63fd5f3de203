/**
 * effect-crisp/node: what only Node.js has. `CrispTransport` here is the root
 * entry's (`layerFetch`, `makeFetch`) plus `layerUndici` and `makeUndici`, clients
 * over undici (an optional peer dependency: install `undici` to use this entry).
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
 */
export * as CrispTransport from "./node/CrispTransport.js"
