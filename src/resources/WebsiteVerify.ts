/**
 * Identity verification of a website: whether the user identities a website
 * sets on its chatbox must be signed, and the secret key that signs them.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteVerify.<method>`. The key's `secret` comes back `Redacted`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVerify } from "effect-crisp"
 *
 * const enableWithFreshKey = (websiteId: string) =>
 *   WebsiteVerify.rollKey(websiteId).pipe(
 *     Effect.zipRight(WebsiteVerify.updateSettings(websiteId, { enabled: true })),
 *     Effect.zipRight(WebsiteVerify.getKey(websiteId))
 *   )
 * ```
 *
 * @since 0.2.0
 */
import { routes } from "../internal/rest/route.js"
import { VerifyKey, VerifySettings, VerifySettingsUpdate } from "../schemas/Verify.js"

const route = routes("WebsiteVerify")

/**
 * Gets whether identity verification is on (`GET website/{website_id}/verify/settings`).
 *
 * Crisp reference: Get Verify Settings.
 *
 * @example
 * ```ts
 * import { WebsiteVerify } from "effect-crisp"
 *
 * const settings = WebsiteVerify.getSettings("website-id")
 * ```
 *
 * @since 0.2.0
 * @category verify
 */
export const getSettings = route("getSettings", {
  method: "GET",
  path: "website/{website_id}/verify/settings",
  label: "Get Verify Settings",
  ref: "#get-verify-settings",
  official: "website.getVerifySettings",
  response: VerifySettings
})

/**
 * Turns identity verification on or off (`PATCH
 * website/{website_id}/verify/settings` with `{ enabled }`).
 *
 * Crisp reference: Update Verify Settings.
 *
 * @example
 * ```ts
 * import { WebsiteVerify } from "effect-crisp"
 *
 * const enable = WebsiteVerify.updateSettings("website-id", { enabled: true })
 * ```
 *
 * @since 0.2.0
 * @category verify
 */
export const updateSettings = route("updateSettings", {
  method: "PATCH",
  path: "website/{website_id}/verify/settings",
  label: "Update Verify Settings",
  ref: "#update-verify-settings",
  official: "website.updateVerifySettings",
  input: VerifySettingsUpdate
})

/**
 * Gets the identity verification key (`GET website/{website_id}/verify/key`).
 * Its `secret` is `Redacted`: it never shows in logs or errors by accident.
 *
 * Crisp reference: Get Verify Key.
 *
 * @example
 * ```ts
 * import { WebsiteVerify } from "effect-crisp"
 *
 * const key = WebsiteVerify.getKey("website-id")
 * ```
 *
 * @since 0.2.0
 * @category verify
 */
export const getKey = route("getKey", {
  method: "GET",
  path: "website/{website_id}/verify/key",
  label: "Get Verify Key",
  ref: "#get-verify-key",
  official: "website.getVerifyKey",
  response: VerifyKey,
  fake: { kind: "custom" }
})

/**
 * Replaces the identity verification key with a new one (`POST
 * website/{website_id}/verify/key`). Signatures made with the old key stop
 * verifying; read the new one with {@link getKey}.
 *
 * Crisp reference: Roll Verify Key.
 *
 * @example
 * ```ts
 * import { WebsiteVerify } from "effect-crisp"
 *
 * const roll = WebsiteVerify.rollKey("website-id")
 * ```
 *
 * @since 0.2.0
 * @category verify
 */
export const rollKey = route("rollKey", {
  method: "POST",
  path: "website/{website_id}/verify/key",
  label: "Roll Verify Key",
  ref: "#roll-verify-key",
  official: "website.rollVerifyKey",
  fake: { kind: "custom" }
})
