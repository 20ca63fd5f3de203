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
import { routes } from "../internal/rest/route.js"
import { WebsiteSettings, WebsiteSettingsUpdate } from "../schemas/WebsiteSettings.js"

const route = routes("WebsiteSettings")

/**
 * Gets a website's settings (`GET website/{website_id}/settings`).
 *
 * Crisp reference: Get Website Settings.
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
export const get = route("get", {
  method: "GET",
  path: "website/{website_id}/settings",
  label: "Get Website Settings",
  ref: "#get-website-settings",
  official: "website.getWebsiteSettings",
  response: WebsiteSettings,
  fake: { kind: "custom" }
})

/**
 * Patches a website's settings (`PATCH website/{website_id}/settings`): only the
 * sections and fields given change.
 *
 * Crisp reference: Update Website Settings.
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
export const update = route("update", {
  method: "PATCH",
  path: "website/{website_id}/settings",
  label: "Update Website Settings",
  ref: "#update-website-settings",
  official: "website.updateWebsiteSettings",
  input: WebsiteSettingsUpdate,
  fake: { kind: "custom" }
})
