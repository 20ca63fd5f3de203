/**
 * Website settings: read and patch.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteSettings.<method>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteSettings } from "effect-crisp"
 *
 * const rename = WebsiteSettings.update("website-id", { name: "Acme Support" }).pipe(
 *   Effect.zipRight(WebsiteSettings.get("website-id"))
 * )
 * ```
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import type { CrispError } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { endpoint } from "../internal/rest/endpoint.js"
import { WebsiteSettings, WebsiteSettingsUpdate } from "../schemas/WebsiteSettings.js"

const SETTINGS = "website/{website_id}/settings"

const getEndpoint = endpoint({
  name: "WebsiteSettings.get",
  method: "GET",
  path: SETTINGS,
  response: WebsiteSettings
})
const updateEndpoint = endpoint({
  name: "WebsiteSettings.update",
  method: "PATCH",
  path: SETTINGS,
  body: WebsiteSettingsUpdate
})

/**
 * Gets a website's settings (`GET website/{website_id}/settings`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteSettings } from "effect-crisp"
 *
 * const welcome = WebsiteSettings.get("website-id").pipe(Effect.map((s) => s.chatbox?.welcome_message))
 * ```
 *
 * @since 0.1.0
 * @category settings
 */
export const get = (websiteId: string): Effect.Effect<WebsiteSettings, CrispError, CrispHttp> =>
  getEndpoint({ path: { website_id: websiteId } })

/**
 * Patches a website's settings (`PATCH website/{website_id}/settings`): only the
 * sections and fields given change. (The seed's README showed `get(params)` here;
 * the method is `update(websiteId, params)`.)
 *
 * @example
 * ```ts
 * import { WebsiteSettings } from "effect-crisp"
 *
 * const patch = WebsiteSettings.update("website-id", { chatbox: { color_theme: "red" }, emails: { rating: true } })
 * ```
 *
 * @since 0.1.0
 * @category settings
 */
export const update = (websiteId: string, params: WebsiteSettingsUpdate): Effect.Effect<void, CrispError, CrispHttp> =>
  updateEndpoint({ path: { website_id: websiteId }, body: params })
