/**
 * The profile of the logged-in user (user tier).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UserProfile } from "effect-crisp"
 *
 * const greet = UserProfile.get().pipe(Effect.flatMap((me) => Effect.log(`Hello ${me.first_name ?? ""}`)))
 * ```
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import type { CrispError } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { endpoint } from "../internal/rest/endpoint.js"
import { UserProfile } from "../schemas/User.js"

const getEndpoint = endpoint({
  name: "UserProfile.get",
  method: "GET",
  path: "user/account/profile",
  response: UserProfile
})

/**
 * Gets the profile of the user whose session keys the `CrispHttp` layer holds
 * (`GET user/account/profile`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UserProfile } from "effect-crisp"
 *
 * const email = UserProfile.get().pipe(Effect.map((me) => me.email))
 * ```
 *
 * @since 0.1.0
 * @category profile
 */
export const get = (): Effect.Effect<UserProfile, CrispError, CrispHttp> => getEndpoint({})
