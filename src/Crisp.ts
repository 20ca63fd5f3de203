/**
 * Quick-start layers: everything a program needs, with `fetch` as the transport.
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
import { FetchHttpClient } from "@effect/platform"
import type { ConfigError } from "effect/ConfigError"
import { Layer } from "effect"
import * as CrispHttp from "./CrispHttp.js"

/**
 * `CrispHttp` over `fetch`, from explicit options.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: CrispHttp.Options): Layer.Layer<CrispHttp.CrispHttp> =>
  CrispHttp.layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * `CrispHttp` over `fetch`, from `CRISP_*` configuration (see `CrispHttp.layerConfig`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Partial<CrispHttp.Options> = {}
): Layer.Layer<CrispHttp.CrispHttp, ConfigError> =>
  CrispHttp.layerConfig(overrides).pipe(Layer.provide(FetchHttpClient.layer))
