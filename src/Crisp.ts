/**
 * Quick-start layers for REST: `CrispHttp` over `CrispTransport.layerFetch`
 * (edge-safe). For realtime events as well, `CrispRealtime.layer` /
 * `CrispRealtime.layerConfig` from `effect-crisp/realtime` add the RTM socket;
 * they are kept out of this entry so that a REST-only program bundles and loads
 * no realtime code.
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
import type { ConfigError } from "effect/ConfigError"
import { Layer } from "effect"
import * as CrispHttp from "./CrispHttp.js"
import * as CrispTransport from "./CrispTransport.js"

/**
 * Options of {@link layer}: those of `CrispHttp.layer`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends CrispHttp.Options {}

/**
 * `CrispHttp` over `fetch`, from explicit options.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Crisp } from "effect-crisp"
 *
 * const CrispLive = Crisp.layer({ identifier: "id", key: Redacted.make("key"), tier: "plugin" })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<CrispHttp.CrispHttp> =>
  CrispHttp.layer(options).pipe(Layer.provide(CrispTransport.layerFetch))

/**
 * `CrispHttp` over `fetch`, from `CRISP_*` configuration (see
 * `CrispHttp.layerConfig`); `overrides` fill or replace what configuration does
 * not say.
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
export const layerConfig = (overrides: Partial<Options> = {}): Layer.Layer<CrispHttp.CrispHttp, ConfigError> =>
  CrispHttp.layerConfig(overrides).pipe(Layer.provide(CrispTransport.layerFetch))
