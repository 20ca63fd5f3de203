/**
 * The user side of the old API: session keys and the user profile.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

/**
 * The keys `UserSession.loginWithEmail` answers: a token `identifier` and a
 * `key`, kept `Redacted`. Use them with tier `"user"`.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { UserSession } from "effect-crisp"
 *
 * const identifier = UserSession.loginWithEmail("me@example.com", Redacted.make("password")).pipe(
 *   Effect.map((keys) => keys.identifier)
 * )
 * ```
 *
 * @since 0.1.0
 * @category user
 */
export const UserSessionKeys = Schema.Struct({
  identifier: Schema.String,
  key: Schema.Redacted(Schema.String)
})

export interface UserSessionKeys extends Schema.Schema.Type<typeof UserSessionKeys> {}

/**
 * The body of `loginWithEmail`: `{ email, password }`; the password is `Redacted`
 * until it is encoded into the request body.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.UserLogin = { email: "me@example.com", password: Redacted.make("password") }
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const UserLogin = Schema.Struct({
  email: Schema.NonEmptyTrimmedString,
  password: Schema.Redacted(Schema.NonEmptyString)
})

export interface UserLogin extends Schema.Schema.Type<typeof UserLogin> {}

/**
 * The body of `recoverPassword`: `{ email }`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.UserRecover = { email: "me@example.com" }
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const UserRecover = Schema.Struct({ email: Schema.NonEmptyTrimmedString })

export interface UserRecover extends Schema.Schema.Type<typeof UserRecover> {}

/**
 * The profile of the logged-in user (`UserProfile.get`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UserProfile } from "effect-crisp"
 *
 * const hello = UserProfile.get().pipe(Effect.map((me) => `Hello ${me.first_name ?? ""}`))
 * ```
 *
 * @since 0.1.0
 * @category user
 */
export const UserProfile = Schema.Struct({
  user_id: optional(Schema.String),
  email: optional(Schema.String),
  first_name: optional(Schema.String),
  last_name: optional(Schema.String),
  phone: optional(Schema.String),
  address: optional(Schema.String),
  avatar: optional(Schema.String)
})

export interface UserProfile extends Schema.Schema.Type<typeof UserProfile> {}
