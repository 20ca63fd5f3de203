/**
 * User sessions (the old user tier): log in with an email and a password to get
 * a permanent token keypair, recover a password, log out.
 *
 * 🔴 Log in once and keep the keys. `loginWithEmail` mints a new keypair each
 * time; Crisp rate-limits repeated logins heavily, which makes later calls fail.
 * Store the `identifier` and `key` (as a secret) and build the layer from them
 * with {@link layer} on every start.
 *
 * These session routes need no credentials, but every call goes through
 * `CrispHttp`, which always sends its `Authorization` header — Crisp ignores it
 * on login and recover, and on logout it tells Crisp which session to end.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer, Redacted } from "effect"
 * import { UserProfile, UserSession } from "effect-crisp"
 *
 * // Once, e.g. in a setup script: print the keys and store them as secrets.
 * const setup = UserSession.loginWithEmail("me@example.com", Redacted.make("password"))
 *
 * // On every start: a user-tier layer from the stored keys.
 * const UserLive = UserSession.layer({ identifier: "stored-identifier", key: Redacted.make("stored-key") }).pipe(
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * const me = UserProfile.get().pipe(Effect.provide(UserLive))
 * ```
 *
 * @since 0.1.0
 */
import type { HttpClient } from "@effect/platform"
import { type Layer, Redacted } from "effect"
import * as CrispHttp from "../CrispHttp.js"
import { routes, withSignature } from "../internal/rest/route.js"
import { UserLogin, UserRecover, UserSessionKeys } from "../schemas/User.js"

const route = routes("UserSession")

/**
 * Logs in (`POST user/session/login` with `{ email, password }`) and answers the
 * session keypair `{ identifier, key }`, the key `Redacted`. Pass the password as a
 * `Redacted` to keep it out of logs (a plain string is accepted and wrapped).
 * Log in once and keep the keys: repeated logins are heavily rate-limited.
 *
 * Old Crisp reference: Create A New Session (the old user tier; not in today's API).
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { UserSession } from "effect-crisp"
 *
 * const keys = UserSession.loginWithEmail("me@example.com", Redacted.make("password")).pipe(
 *   Effect.tap((k) => Effect.log(`identifier: ${k.identifier}`)) // the key prints as <redacted>
 * )
 * ```
 *
 * @since 0.1.0
 * @category sessions
 */
export const loginWithEmail = withSignature(
  route("loginWithEmail", {
    method: "POST",
    path: "user/session/login",
    label: "Create A New Session",
    input: UserLogin,
    response: UserSessionKeys,
    fake: { kind: "custom" }
  }),
  (email: string, password: string | Redacted.Redacted<string>) => [
    { email, password: Redacted.isRedacted(password) ? password : Redacted.make(password) }
  ]
)

/**
 * Asks Crisp to email a password-recovery link (`POST user/session/recover` with `{ email }`).
 *
 * Old Crisp reference: Recover The Password (the old user tier; not in today's API).
 *
 * @example
 * ```ts
 * import { UserSession } from "effect-crisp"
 *
 * const recover = UserSession.recoverPassword("me@example.com")
 * ```
 *
 * @since 0.1.0
 * @category sessions
 */
export const recoverPassword = withSignature(
  route("recoverPassword", {
    method: "POST",
    path: "user/session/recover",
    label: "Recover The Password",
    input: UserRecover,
    fake: { kind: "custom" }
  }),
  (email: string) => [{ email }]
)

/**
 * Ends the session whose keys the current `CrispHttp` layer holds (`POST
 * user/session/logout`). The keys stop working afterwards.
 *
 * Old Crisp reference: Logout (the old user tier; not in today's API).
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer, Redacted } from "effect"
 * import { UserSession } from "effect-crisp"
 *
 * const bye = UserSession.logout().pipe(
 *   Effect.provide(UserSession.layer({ identifier: "id", key: Redacted.make("key") }).pipe(
 *     Layer.provide(FetchHttpClient.layer)
 *   ))
 * )
 * ```
 *
 * @since 0.1.0
 * @category sessions
 */
export const logout = route("logout", {
  method: "POST",
  path: "user/session/logout",
  label: "Logout",
  fake: { kind: "custom" }
})

/**
 * A `CrispHttp` layer of tier `"user"` from session keys (what
 * `loginWithEmail` answers, or the stored pair). `options` sets the rest
 * (`restUrl`, `timeout`, `retry`, …). Needs an `HttpClient`.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 * import { UserProfile, UserSession } from "effect-crisp"
 *
 * const program = Effect.gen(function* () {
 *   const keys = yield* UserSession.loginWithEmail("me@example.com", "password")
 *   return yield* UserProfile.get().pipe(
 *     Effect.provide(UserSession.layer(keys).pipe(Layer.provide(FetchHttpClient.layer)))
 *   )
 * })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  keys: UserSessionKeys,
  options: Omit<CrispHttp.Options, "identifier" | "key" | "tier"> = {}
): Layer.Layer<CrispHttp.CrispHttp, never, HttpClient.HttpClient> =>
  CrispHttp.layer({ ...options, identifier: keys.identifier, key: keys.key, tier: "user" })
