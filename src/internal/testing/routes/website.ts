/**
 * Website routes: the website itself, its settings, its operators, and the RTM
 * endpoint discovery (`{tier}/connect/endpoints`).
 */
import { Either, Schema } from "effect"
import { typeMismatch } from "../json.js"
import { operatorToWire, settingsToWire, websiteToWire } from "../model.js"
import { bodyDecoder, fail, invalid, isReply, notFound, ok, type Reply, route, type Route, type RouteContext } from "../router.js"
import { objectBody, withWebsite } from "./common.js"

const Str = Schema.String
const opt = Schema.optional
const NonEmpty = Str.pipe(Schema.minLength(1))
const Email = Str.pipe(Schema.filter((s) => /^[^@\s]+@[^@\s]+$/.test(s), { message: () => "must be an email address" }))
const Role = Schema.Literal("owner", "member")

const decodeCreateWebsite = bodyDecoder(Schema.Struct({ name: NonEmpty, domain: NonEmpty }))
const decodeDeleteWebsite = bodyDecoder(Schema.Struct({
  verify: opt(Schema.Struct({ method: Schema.Literal("password", "token", "google"), secret: Str }))
}))
const decodeInvite = bodyDecoder(Schema.Struct({ email: Email, role: Role, verify: opt(Schema.Boolean) }))
const decodeMembership = bodyDecoder(Schema.Struct({ role: opt(Role), title: opt(Str) }))

/** Top-level settings keys and the JSON type each must have. */
const SETTINGS_KEYS: Record<string, "string" | "object" | "array"> = {
  name: "string",
  domain: "string",
  logo: "string",
  domain_alternates: "array",
  audit: "object",
  contact: "object",
  inbox: "object",
  emails: "object",
  chatbox: "object"
}

const jsonType = (u: unknown) => (Array.isArray(u) ? "array" : u === null ? "null" : typeof u)

// ---------------------------------------------------------------------------

const websiteExists = (ctx: RouteContext): Reply => {
  const domain = ctx.query.domain
  if (domain === undefined || domain === "") return invalid("query domain is required")
  return ctx.store.findWebsiteByDomain(domain) === undefined ? notFound("website") : ok()
}

const createWebsite = (ctx: RouteContext): Reply => {
  const decoded = decodeCreateWebsite(ctx.body)
  if (Either.isLeft(decoded)) return decoded.left
  const website = ctx.store.addWebsite(decoded.right, ctx.now)
  const account = ctx.principal?.account
  if (account !== undefined) {
    ctx.store.addOperator(website.website_id, { email: account.email, role: "owner", user_id: account.user_id })
  }
  return ok(websiteToWire(website))
}

const getWebsite = (ctx: RouteContext): Reply => withWebsite(ctx, (w) => ok(websiteToWire(w)))

const deleteWebsite = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const decoded = decodeDeleteWebsite(ctx.body ?? {})
    if (Either.isLeft(decoded)) return decoded.left
    const verify = decoded.right.verify
    const account = ctx.principal?.account
    if (verify !== undefined && verify.method === "password" && account !== undefined && verify.secret !== account.password) {
      return fail(403, "verify_failed", "the password given in verify does not match")
    }
    ctx.store.removeWebsite(website.website_id)
    return ok()
  })

const getSettings = (ctx: RouteContext): Reply => withWebsite(ctx, (w) => ok(settingsToWire(w)))

const updateSettings = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const patch = objectBody(ctx.body)
    if (isReply(patch)) return patch
    for (const [key, value] of Object.entries(patch)) {
      const expected = SETTINGS_KEYS[key]
      if (expected !== undefined && jsonType(value) !== expected) {
        return invalid(`body at ${key}: Expected ${expected}, actual ${jsonType(value)}`)
      }
    }
    const mismatch = typeMismatch(website.settings, patch)
    if (mismatch !== undefined) return invalid(`body at ${mismatch}: wrong type`)
    const known = Object.fromEntries(Object.entries(patch).filter(([key]) => key in SETTINGS_KEYS))
    ctx.store.updateSettings(website, known)
    return ok()
  })

const listOperators = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) =>
    ok([...(ctx.store.operators.get(website.website_id)?.values() ?? [])]
      .sort((a, b) => a.seq - b.seq)
      .map((o) => ({ type: "operator", details: operatorToWire(o) }))))

const withOperator = (ctx: RouteContext, f: (userId: string) => Reply): Reply =>
  withWebsite(ctx, (website) => {
    const userId = ctx.params.user_id ?? ""
    return ctx.store.operator(website.website_id, userId) === undefined ? notFound("operator") : f(userId)
  })

const getOperator = (ctx: RouteContext): Reply =>
  withOperator(ctx, (userId) => ok(operatorToWire(ctx.store.operator(ctx.params.website_id ?? "", userId)!)))

const inviteOperator = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const decoded = decodeInvite(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const { email, role } = decoded.right
    const existing = [...(ctx.store.operators.get(website.website_id)?.values() ?? [])]
      .find((o) => o.email.toLowerCase() === email.toLowerCase())
    if (existing !== undefined) return fail(409, "operator_exists", `${email} is already an operator of this website`)
    const operator = ctx.store.addOperator(website.website_id, { email, role })
    return ok(operatorToWire(operator))
  })

const updateOperator = (ctx: RouteContext): Reply =>
  withOperator(ctx, (userId) => {
    const decoded = decodeMembership(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const operator = ctx.store.operator(ctx.params.website_id ?? "", userId)!
    const { role, title } = decoded.right
    if (role === "member" && operator.role === "owner" && ownerCount(ctx) === 1) {
      return fail(403, "last_owner", "a website keeps at least one owner")
    }
    if (role !== undefined) operator.role = role
    if (title !== undefined) operator.title = title
    return ok()
  })

const ownerCount = (ctx: RouteContext) =>
  [...(ctx.store.operators.get(ctx.params.website_id ?? "")?.values() ?? [])].filter((o) => o.role === "owner").length

const removeOperator = (ctx: RouteContext): Reply =>
  withOperator(ctx, (userId) => {
    const operators = ctx.store.operators.get(ctx.params.website_id ?? "")!
    if (operators.get(userId)!.role === "owner" && ownerCount(ctx) === 1) {
      return fail(403, "last_owner", "a website keeps at least one owner")
    }
    operators.delete(userId)
    return ok()
  })

const connectEndpoints = (ctx: RouteContext): Reply => {
  const url = ctx.store.rtmUrl
  return ok({ socket: { app: url, stream: url }, rescue: { socket: { app: url, stream: url } } })
}

const site = "website/{website_id}"

/** The website, settings, operator and connect routes. */
export const websiteRoutes: ReadonlyArray<Route> = [
  route("HEAD", "website", "token", websiteExists),
  route("POST", "website", "user", createWebsite),
  route("GET", site, "token", getWebsite),
  route("DELETE", site, "user", deleteWebsite),
  route("GET", `${site}/settings`, "token", getSettings),
  route("PATCH", `${site}/settings`, "token", updateSettings),
  route("GET", `${site}/operators/list`, "token", listOperators),
  route("GET", `${site}/operator/{user_id}`, "token", getOperator),
  route("POST", `${site}/operator`, "token", inviteOperator),
  route("PATCH", `${site}/operator/{user_id}`, "token", updateOperator),
  route("DELETE", `${site}/operator/{user_id}`, "token", removeOperator),
  route("GET", "plugin/connect/endpoints", "connect", connectEndpoints),
  route("GET", "website/connect/endpoints", "connect", connectEndpoints),
  route("GET", "user/connect/endpoints", "connect", connectEndpoints),
  route("GET", `${site}/connect/endpoints`, "token", (ctx) => withWebsite(ctx, () => connectEndpoints(ctx)))
]
