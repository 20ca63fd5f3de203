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
import { routes } from "../internal/rest/route.js"
import { UserProfile } from "../schemas/User.js"

const route = routes("UserProfile")

/**
 * Gets the profile of the user whose session keys the `CrispHttp` layer holds
 * (`GET user/account/profile`).
 *
 * Old Crisp reference: Get User Profile (the old user tier; not in today's API).
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
export const get = route("get", {
  method: "GET",
  path: "user/account/profile",
  label: "Get User Profile",
  response: UserProfile,
  fake: { kind: "custom" }
})
