/**
 * effect-crisp/realtime: Crisp's realtime events as a typed `Stream`.
 *
 * - {@link CrispEvent}: the 82 event names, their payload Schemas, `decode`.
 * - {@link CrispEvents}: the `CrispEvents` service and its streams (`on`, `all`, …).
 * - {@link CrispRtm}: the RTM WebSocket layer (lazy, shared, reconnecting).
 * - {@link CrispRealtime}: quick-start layers, REST (`CrispHttp` over `fetch`) and
 *   RTM events together.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispEvents, CrispRealtime } from "effect-crisp/realtime"
 *
 * const program = CrispEvents.on("message:send").pipe(
 *   Stream.runForEach((message) => Effect.log(`${message.session_id}: ${message.type}`)),
 *   Effect.provide(CrispRealtime.layerConfig())
 * )
 * ```
 *
 * @since 0.1.0
 */
export * as CrispEvent from "./realtime/CrispEvent.js"
export * as CrispEvents from "./realtime/CrispEvents.js"
export * as CrispRtm from "./realtime/CrispRtm.js"
export * as CrispRealtime from "./CrispRealtime.js"
export { CrispEventTimeout, CrispRealtimeUnauthorized } from "./realtime/CrispRealtimeError.js"
