/**
 * Quick-start layers: REST (`CrispHttp` over `fetch`) and realtime events
 * (`CrispEvents` over the RTM socket, opened lazily when the first subscriber
 * starts — a REST-only program never opens it).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Crisp, WebsiteSettings } from "effect-crisp"
 *
 * // Reads CRISP_IDENTIFIER, CRISP_KEY and CRISP_TIER from the environment.
 * const program = WebsiteSettings.get("website-id").pipe(Effect.provide(Crisp.layerConfig()))
 * ```
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type { ConfigError } from "effect/ConfigError"
import { Layer } from "effect"
import * as CrispHttp from "./CrispHttp.js"
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
 * Everything for a quick start, from explicit options.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Crisp } from "effect-crisp"
 *
 * const CrispLive = Crisp.layer({ identifier: "id", key: Redacted.make("key"), rtm: { events: ["message:send"] } })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<CrispHttp.CrispHttp | CrispEvents | CrispRtm.CrispRtm> =>
  CrispRtm.layer(options.rtm).pipe(
    Layer.provideMerge(CrispHttp.layer(options)),
    Layer.provide(FetchHttpClient.layer)
  )

/**
 * Everything for a quick start, from `CRISP_*` configuration (see
 * `CrispHttp.layerConfig`; `CRISP_RTM_URL` skips endpoint discovery).
 *
 * @example
 * ```ts
 * import { Crisp } from "effect-crisp"
 *
 * const CrispLive = Crisp.layerConfig({ timeout: "5 seconds" })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Partial<CrispHttp.Options> & { readonly rtm?: CrispRtm.Options } = {}
): Layer.Layer<CrispHttp.CrispHttp | CrispEvents | CrispRtm.CrispRtm, ConfigError> => {
  const { rtm, ...http } = overrides
  return CrispRtm.layerConfig(rtm).pipe(
    Layer.provideMerge(CrispHttp.layerConfig(http)),
    Layer.provide(FetchHttpClient.layer)
  )
}
