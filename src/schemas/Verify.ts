/**
 * Identity verification of a website: whether user identities must be signed,
 * and the secret key that signs them.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

/**
 * Whether identity verification is on (`WebsiteVerify.getSettings`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVerify } from "effect-crisp"
 *
 * const enabled = WebsiteVerify.getSettings("website-id").pipe(Effect.map((s) => s.enabled === true))
 * ```
 *
 * @since 0.2.0
 * @category verify
 */
export const VerifySettings = Schema.Struct({ enabled: optional(Schema.Boolean) })

export interface VerifySettings extends Schema.Schema.Type<typeof VerifySettings> {}

/**
 * The body of `WebsiteVerify.updateSettings`: turn identity verification on or off.
 *
 * @example
 * ```ts
 * import { WebsiteVerify } from "effect-crisp"
 *
 * WebsiteVerify.updateSettings("website-id", { enabled: true })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const VerifySettingsUpdate = Schema.Struct({ enabled: Schema.Boolean })

export interface VerifySettingsUpdate extends Schema.Schema.Type<typeof VerifySettingsUpdate> {}

/**
 * The identity verification key (`WebsiteVerify.getKey`). The `secret` is
 * `Redacted`: it prints as `<redacted>`; `Redacted.value` reads it.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { WebsiteVerify } from "effect-crisp"
 *
 * const secret = WebsiteVerify.getKey("website-id").pipe(
 *   Effect.map((key) => (key.secret === undefined ? undefined : Redacted.value(key.secret)))
 * )
 * ```
 *
 * @since 0.2.0
 * @category verify
 */
export const VerifyKey = Schema.Struct({ secret: optional(Schema.Redacted(Schema.String)) })

export interface VerifyKey extends Schema.Schema.Type<typeof VerifyKey> {}
