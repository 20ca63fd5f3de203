/**
 * User routes of the old API (the seed's `userSession` and `userProfile`):
 * login with email and password, password recovery, logout, own profile.
 */
import { Redacted } from "effect"
import type { UserLogin } from "../../../schemas/User.js"
import { accountToWire } from "../model.js"
import { fail, type Handlers, ok, type Reply, type RouteContext, unauthorized } from "../router.js"

/** Wrong email and wrong password answer alike, so accounts cannot be probed. */
const login = (ctx: RouteContext): Reply => {
  const { email, password } = ctx.input as UserLogin
  const account = ctx.store.accounts.get(email.toLowerCase())
  if (account === undefined || account.password !== Redacted.value(password)) {
    return fail(401, "invalid_credentials", "email or password is wrong")
  }
  const session = ctx.store.openSession(account)
  return ok({ identifier: session.identifier, key: session.key })
}

/** Always succeeds for a well-formed body: Crisp does not say whether the email exists. */
const recover = (): Reply => ok()

const logout = (ctx: RouteContext): Reply => {
  const token = ctx.principal?.token
  if (token === undefined) return unauthorized("no session")
  ctx.store.closeSession(token.identifier)
  return ok()
}

const profile = (ctx: RouteContext): Reply => {
  const account = ctx.principal?.account
  return account === undefined ? unauthorized("no account behind this token") : ok(accountToWire(account))
}

/** The user rows, by function name: login and recover read no credentials, the others need a user session. */
export const handlers: Handlers = {
  "UserSession.loginWithEmail": { auth: "none", handle: login },
  "UserSession.recoverPassword": { auth: "none", handle: recover },
  "UserSession.logout": { auth: "user", handle: logout },
  "UserProfile.get": { auth: "user", handle: profile }
}

