/**
 * User routes of the old API (the seed's `userSession` and `userProfile`):
 * login with email and password, password recovery, logout, own profile.
 */
import { Either, Schema } from "effect"
import { accountToWire } from "../model.js"
import { bodyDecoder, fail, ok, type Reply, route, type Route, type RouteContext, unauthorized } from "../router.js"

const Str = Schema.String

const decodeLogin = bodyDecoder(Schema.Struct({ email: Str, password: Str }))
const decodeRecover = bodyDecoder(Schema.Struct({ email: Str }))

/** Wrong email and wrong password answer alike, so accounts cannot be probed. */
const login = (ctx: RouteContext): Reply => {
  const decoded = decodeLogin(ctx.body)
  if (Either.isLeft(decoded)) return decoded.left
  const account = ctx.store.accounts.get(decoded.right.email.toLowerCase())
  if (account === undefined || account.password !== decoded.right.password) {
    return fail(401, "invalid_credentials", "email or password is wrong")
  }
  const session = ctx.store.openSession(account)
  return ok({ identifier: session.identifier, key: session.key })
}

/** Always succeeds for a well-formed body: Crisp does not say whether the email exists. */
const recover = (ctx: RouteContext): Reply => {
  const decoded = decodeRecover(ctx.body)
  return Either.isLeft(decoded) ? decoded.left : ok()
}

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

/** The user routes. */
export const userRoutes: ReadonlyArray<Route> = [
  route("POST", "user/session/login", "none", login),
  route("POST", "user/session/recover", "none", recover),
  route("POST", "user/session/logout", "user", logout),
  route("GET", "user/account/profile", "user", profile)
]
