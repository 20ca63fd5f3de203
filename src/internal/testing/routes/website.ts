/**
 * Website routes: the website itself, its settings, its operators (and those
 * active lately), the order of its inboxes, and the RTM endpoint discovery
 * (`{tier}/connect/endpoints`).
 */
import { Redacted } from "effect"
import type { WebsiteCreate, WebsiteExistsQuery, WebsiteRemoveVerify } from "../../../schemas/Website.js"
import type { InboxOrders } from "../../../schemas/Inbox.js"
import type { OperatorInvite, OperatorUpdate } from "../../../schemas/Operator.js"
import type { WebsiteSettingsUpdate } from "../../../schemas/WebsiteSettings.js"
import { deepMerge, type JsonRecord } from "../json.js"
import { operatorToWire, settingsToWire, websiteToWire } from "../model.js"
import { fail, type Handlers, invalid, notFound, ok, type Reply, route, type Route, type RouteContext } from "../router.js"
import { withWebsite } from "./common.js"

const isEmail = (s: string) => /^[^@\s]+@[^@\s]+$/.test(s)

// ---------------------------------------------------------------------------

const websiteExists = (ctx: RouteContext): Reply => {
  const { domain } = ctx.input as WebsiteExistsQuery
  return ctx.store.findWebsiteByDomain(domain) === undefined ? notFound("website") : ok()
}

const createWebsite = (ctx: RouteContext): Reply => {
  const website = ctx.store.addWebsite(ctx.input as WebsiteCreate, ctx.now)
  const account = ctx.principal?.account
  if (account !== undefined) {
    ctx.store.addOperator(website.website_id, { email: account.email, role: "owner", user_id: account.user_id })
  }
  return ok(websiteToWire(website))
}

const getWebsite = (ctx: RouteContext): Reply => withWebsite(ctx, (w) => ok(websiteToWire(w)))

/** The old client sent no body; today's Crisp asks for `verify`, which is checked when given. */
const deleteWebsite = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const verify = (ctx.input as { readonly verify?: WebsiteRemoveVerify } | undefined)?.verify
    const account = ctx.principal?.account
    if (
      verify !== undefined && verify.method === "password" && account !== undefined &&
      Redacted.value(verify.secret) !== account.password
    ) {
      return fail(403, "verify_failed", "the password given in verify does not match")
    }
    ctx.store.removeWebsite(website.website_id)
    return ok()
  })

const getSettings = (ctx: RouteContext): Reply => withWebsite(ctx, (w) => ok(settingsToWire(w)))

/** The client's Schema typed every field and dropped unknown keys: the patch is merged as it is. */
const updateSettings = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    ctx.store.updateSettings(website, { ...(ctx.input as WebsiteSettingsUpdate) })
    return ok()
  })

const operatorsOf = (ctx: RouteContext, websiteId: string) =>
  [...(ctx.store.operators.get(websiteId)?.values() ?? [])].sort((a, b) => a.seq - b.seq)

const listOperators = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) =>
    ok(operatorsOf(ctx, website.website_id).map((o) => ({ type: "operator", details: operatorToWire(o) }))))

const withOperator = (ctx: RouteContext, f: (userId: string) => Reply): Reply =>
  withWebsite(ctx, (website) => {
    const userId = ctx.params.user_id ?? ""
    return ctx.store.operator(website.website_id, userId) === undefined ? notFound("operator") : f(userId)
  })

const getOperator = (ctx: RouteContext): Reply =>
  withOperator(ctx, (userId) => ok(operatorToWire(ctx.store.operator(ctx.params.website_id ?? "", userId)!)))

const inviteOperator = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const { email, role } = ctx.input as OperatorInvite
    // The client only checks that an email is given; Crisp refuses one that is not an address.
    if (!isEmail(email)) return invalid("body at email: must be an email address")
    const existing = operatorsOf(ctx, website.website_id).find((o) => o.email.toLowerCase() === email.toLowerCase())
    if (existing !== undefined) return fail(409, "operator_exists", `${email} is already an operator of this website`)
    const operator = ctx.store.addOperator(website.website_id, { email, role })
    return ok(operatorToWire(operator))
  })

const ownerCount = (ctx: RouteContext) =>
  operatorsOf(ctx, ctx.params.website_id ?? "").filter((o) => o.role === "owner").length

const updateOperator = (ctx: RouteContext): Reply =>
  withOperator(ctx, (userId) => {
    const operator = ctx.store.operator(ctx.params.website_id ?? "", userId)!
    const { role, title } = (ctx.input ?? {}) as OperatorUpdate
    if (role === "member" && operator.role === "owner" && ownerCount(ctx) === 1) {
      return fail(403, "last_owner", "a website keeps at least one owner")
    }
    if (role !== undefined) operator.role = role
    if (title !== undefined) operator.title = title
    return ok()
  })

const removeOperator = (ctx: RouteContext): Reply =>
  withOperator(ctx, (userId) => {
    const operators = ctx.store.operators.get(ctx.params.website_id ?? "")!
    if (operators.get(userId)!.role === "owner" && ownerCount(ctx) === 1) {
      return fail(403, "last_owner", "a website keeps at least one owner")
    }
    operators.delete(userId)
    return ok()
  })

/** Where the time of the last flush of a website's active-operator list is kept. */
const flushedAt = (websiteId: string) => `website/${websiteId}/operators/active#flushed`

/**
 * The operators active lately: the website's operators who sent a message
 * (as `user.user_id`) since the list was last flushed, the most recent first,
 * with the time of their latest message.
 */
const listLastActive = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const since = ctx.store.documents.get(flushedAt(website.website_id))
    const after = typeof since === "number" ? since : -Infinity
    const latest = new Map<string, number>()
    for (const conversation of ctx.store.conversations.get(website.website_id)?.values() ?? []) {
      for (const message of conversation.messages) {
        const userId = message.user.user_id
        if (message.from !== "operator" || userId === undefined || message.timestamp <= after) continue
        latest.set(userId, Math.max(latest.get(userId) ?? -Infinity, message.timestamp))
      }
    }
    const active = operatorsOf(ctx, website.website_id).flatMap((o) => {
      const timestamp = latest.get(o.user_id)
      return timestamp === undefined ? [] : [{
        user_id: o.user_id,
        avatar: o.avatar,
        nickname: `${o.first_name} ${o.last_name}`.trim(),
        timestamp
      }]
    })
    return ok(active.sort((a, b) => b.timestamp - a.timestamp))
  })

const flushLastActive = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    ctx.store.documents.set(flushedAt(website.website_id), ctx.now)
    return ok()
  })

/** Inboxes are the "inboxes" collection of the route tables, one per website. */
const inboxesOf = (ctx: RouteContext, websiteId: string): Map<string, JsonRecord> | undefined =>
  ctx.store.collections.get(["inboxes", websiteId].join("\u0000"))

/** Sets each inbox's `order`; an unknown inbox changes nothing and is a 404. */
const batchOrderInboxes = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const { orders } = ctx.input as InboxOrders
    const inboxes = inboxesOf(ctx, website.website_id)
    const unknown = orders.find((o) => inboxes?.get(o.inbox_id) === undefined)
    if (unknown !== undefined) return notFound(`inbox ${unknown.inbox_id}`)
    for (const { inbox_id, order } of orders) inboxes!.set(inbox_id, deepMerge(inboxes!.get(inbox_id)!, { order }))
    return ok()
  })

const connectEndpoints = (ctx: RouteContext): Reply => {
  const url = ctx.store.rtmUrl
  return ok({ socket: { app: url, stream: url }, rescue: { socket: { app: url, stream: url } } })
}

/** The website, settings, operator and connect rows, by function name. */
export const handlers: Handlers = {
  "Website.checkExists": websiteExists,
  "Website.create": { auth: "user", handle: createWebsite },
  "Website.get": getWebsite,
  "Website.delete": { auth: "user", handle: deleteWebsite },
  "WebsiteSettings.get": getSettings,
  "WebsiteSettings.update": updateSettings,
  "WebsiteOperators.getList": listOperators,
  "WebsiteOperators.getOne": getOperator,
  "WebsiteOperators.createOne": inviteOperator,
  "WebsiteOperators.updateOne": updateOperator,
  "WebsiteOperators.deleteOne": removeOperator,
  "WebsiteOperators.listLastActive": listLastActive,
  "WebsiteOperators.flushLastActive": flushLastActive,
  "WebsiteInbox.batchOrder": batchOrderInboxes,
  "WebsiteConnect.getEndpoints": (ctx) => withWebsite(ctx, () => connectEndpoints(ctx)),
  "PluginConnect.getEndpoints": { auth: "connect", handle: connectEndpoints }
}

/**
 * The RTM discovery routes of the website and user tiers, which the client
 * calls by itself (`CrispRtm`) and has no row for.
 */
export const websiteRoutes: ReadonlyArray<Route> = [
  route("GET", "website/connect/endpoints", "connect", connectEndpoints),
  route("GET", "user/connect/endpoints", "connect", connectEndpoints)
]
