/**
 * Campaign behaviour the generic collection routes do not have: dispatching,
 * pausing and resuming change the campaign's state and publish `campaign:*`
 * events; the recipients are the people the campaign's `recipients` name; saving
 * (PUT) a campaign or a template replaces it, where updating (PATCH) merges.
 *
 * The campaigns and templates themselves are the generic collections
 * `campaigns` and `campaign_templates` of the WebsiteCampaign rows (create, get,
 * update, list, remove).
 */
import type { CampaignRecipients } from "../../../schemas/Campaign.js"
import { clone, isRecord, type JsonRecord } from "../json.js"
import type { ProfileRecord } from "../model.js"
import { type Handlers, notFound, ok, type Reply, type RouteContext } from "../router.js"
import { pageNumber, slicePage } from "./common.js"

/** Recipients per page of `listRecipients`. */
const RECIPIENTS_PER_PAGE = 20

/** A website's items of a collection, as the collection rows store them (the table's key: name, then the website). */
const collectionOf = (ctx: RouteContext, name: string): Map<string, JsonRecord> | undefined =>
  ctx.store.collections.get([name, ctx.params.website_id].join("\u0000"))

const withCampaign = (ctx: RouteContext, f: (campaign: JsonRecord) => Reply): Reply => {
  const campaign = collectionOf(ctx, "campaigns")?.get(ctx.params.campaign_id ?? "")
  return campaign === undefined ? notFound("campaign") : f(campaign)
}

/** PUT: the item becomes the body (its id kept), where PATCH would merge. */
const replace = (name: string, id: string, what: string) => (ctx: RouteContext): Reply => {
  const items = collectionOf(ctx, name)
  const itemId = ctx.params[id] ?? ""
  if (items === undefined || !items.has(itemId)) return notFound(what)
  items.set(itemId, { ...clone(isRecord(ctx.body) ? ctx.body : {}), [id]: itemId })
  return ok()
}

/** The profiles a campaign goes to: the people it lists (by id or email), then those in its segments. */
const recipientsOf = (ctx: RouteContext, campaign: JsonRecord): ReadonlyArray<ProfileRecord> => {
  const websiteId = ctx.params.website_id ?? ""
  const recipients = (isRecord(campaign.recipients) ? campaign.recipients : {}) as CampaignRecipients
  const found = new Map<string, ProfileRecord>()
  for (const id of recipients.people ?? []) {
    const profile = ctx.store.profile(websiteId, id)
    if (profile !== undefined) found.set(profile.people_id, profile)
  }
  const segments = new Set(recipients.segments ?? [])
  if (segments.size > 0) {
    for (const profile of ctx.store.people.get(websiteId)?.values() ?? []) {
      if (profile.segments.some((s) => segments.has(s))) found.set(profile.people_id, profile)
    }
  }
  return [...found.values()]
}

const recipientToWire = (profile: ProfileRecord): JsonRecord => ({
  people_id: profile.people_id,
  email: profile.email,
  person: {
    ...(typeof profile.person.nickname === "string" ? { nickname: profile.person.nickname } : {}),
    ...(typeof profile.person.avatar === "string" ? { avatar: profile.person.avatar } : {})
  },
  subscribed: true
})

const setRunning = (ctx: RouteContext, campaign: JsonRecord, running: boolean): void => {
  campaign.running = running
  campaign.updated_at = ctx.now
  ctx.store.emit("campaign:running", {
    website_id: ctx.params.website_id,
    campaign_id: ctx.params.campaign_id,
    running
  }, ctx.now)
}

/** The hand-written campaign handlers, by function name. */
export const handlers: Handlers = {
  "WebsiteCampaign.save": replace("campaigns", "campaign_id", "campaign"),
  "WebsiteCampaign.saveTemplate": replace("campaign_templates", "template_id", "campaign template"),
  "WebsiteCampaign.dispatch": (ctx) =>
    withCampaign(ctx, (campaign) => {
      campaign.dispatched = true
      campaign.dispatched_at = ctx.now
      campaign.targets = recipientsOf(ctx, campaign).length
      campaign.reached = 0
      campaign.progress = 0
      ctx.store.emit("campaign:dispatched", {
        website_id: ctx.params.website_id,
        campaign_id: ctx.params.campaign_id
      }, ctx.now)
      setRunning(ctx, campaign, true)
      return ok()
    }),
  "WebsiteCampaign.pause": (ctx) =>
    withCampaign(ctx, (campaign) => {
      setRunning(ctx, campaign, false)
      return ok()
    }),
  "WebsiteCampaign.resume": (ctx) =>
    withCampaign(ctx, (campaign) => {
      setRunning(ctx, campaign, true)
      return ok()
    }),
  "WebsiteCampaign.listRecipients": (ctx) =>
    withCampaign(ctx, (campaign) => {
      const page = pageNumber(ctx.params.page_number)
      if (typeof page !== "number") return page
      return ok(slicePage(recipientsOf(ctx, campaign), page, RECIPIENTS_PER_PAGE).map(recipientToWire))
    })
}
