/**
 * Quick-start layers for REST and realtime events together (`effect-crisp/realtime`):
 * `CrispHttp` over `fetch` plus `CrispEvents` and `CrispRtm` over the RTM socket,
 * opened lazily when the first subscriber starts. (`Crisp.layer` and
 * `Crisp.layerConfig` of the root entry provide REST only, so that a REST-only
 * program carries no realtime code.)
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispEvents, CrispRealtime } from "effect-crisp/realtime"
 *
 * // Reads CRISP_IDENTIFIER, CRISP_KEY, CRISP_TIER (and CRISP_RTM_URL when set).
 * const program = CrispEvents.on("message:send").pipe(
 *   Stream.runForEach((message) => Effect.log(message.session_id)),
 *   Effect.provide(CrispRealtime.layerConfig())
 * )
 * ```
 *
 * @since 0.1.0
 */
import type { ConfigError } from "effect/ConfigError"
import { Layer } from "effect"
import * as Crisp from "./Crisp.js"
import type * as CrispHttp from "./CrispHttp.js"
import type { CrispEvents } from "./realtime/CrispEvents.js"
import * as CrispRtm from "./realtime/CrispRtm.js"

/**
 * Options of {@link layer}: those of `CrispHttp.layer`, plus `rtm` for the
 * realtime socket.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends CrispHttp.Options {
  readonly rtm?: CrispRtm.Options
}

/**
 * REST and realtime events, from explicit options.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { CrispRealtime } from "effect-crisp/realtime"
 *
 * const CrispLive = CrispRealtime.layer({ identifier: "id", key: Redacted.make("key"), rtm: { events: ["message:send"] } })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<CrispHttp.CrispHttp | CrispEvents | CrispRtm.CrispRtm> => {
  const { rtm, ...http } = options
  return CrispRtm.layer(rtm).pipe(Layer.provideMerge(Crisp.layer(http)))
}

/**
 * REST and realtime events, from `CRISP_*` configuration (see
 * `CrispHttp.layerConfig`; `CRISP_RTM_URL` skips endpoint discovery).
 *
 * @example
 * ```ts
 * import { CrispRealtime } from "effect-crisp/realtime"
 *
 * const CrispLive = CrispRealtime.layerConfig({ timeout: "5 seconds", rtm: { events: ["message:send"] } })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Partial<CrispHttp.Options> & { readonly rtm?: CrispRtm.Options } = {}
): Layer.Layer<CrispHttp.CrispHttp | CrispEvents | CrispRtm.CrispRtm, ConfigError> => {
  const { rtm, ...http } = overrides
  return CrispRtm.layerConfig(rtm).pipe(Layer.provideMerge(Crisp.layerConfig(http)))
}
