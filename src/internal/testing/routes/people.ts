/**
 * People routes: `website/{website_id}/people/...`, by the client's function
 * names. Profiles, events, data and conversations live in the store; statistics
 * and suggestions are derived from them.
 */
import { isRecord, type JsonRecord } from "../json.js"
import { type ProfileRecord, peopleEventToWire, profileToWire, type Scalar } from "../model.js"
import { fail, type Handlers, invalid, isReply, notFound, ok, type Reply, route, type Route, type RouteContext } from "../router.js"
import type { ProfileCard } from "../store.js"
import {
  containsText,
  matchesFilters,
  pageNumber,
  parseFilters,
  perPage,
  searchOperator,
  slicePage,
  withWebsite
} from "./common.js"

const PAGE = 20

const withProfile = (ctx: RouteContext, f: (profile: ProfileRecord) => Reply): Reply =>
  withWebsite(ctx, (website) => {
    const profile = ctx.store.profile(website.website_id, ctx.params.people_id ?? "")
    return profile === undefined ? notFound("people profile") : f(profile)
  })

/** The client's Schemas checked the shapes; Crisp also refuses an email that is not one. */
const EMAIL = /^[^@\s]+@[^@\s]+$/
const badEmail = (email: string | undefined): Reply | undefined =>
  email !== undefined && !EMAIL.test(email) ? invalid("body at email: must be an email address") : undefined

/** The decoded input of a row, as these handlers read it (the client's Schema checked it). */
const inputOf = <A>(ctx: RouteContext): A => ctx.input as A

// ---------------------------------------------------------------------------

const SORT_FIELDS: Record<string, (p: ProfileRecord) => string | number> = {
  created_at: (p) => p.created_at,
  updated_at: (p) => p.updated_at,
  email: (p) => p.email.toLowerCase(),
  nickname: (p) => (typeof p.person.nickname === "string" ? p.person.nickname.toLowerCase() : ""),
  "person.nickname": (p) => (typeof p.person.nickname === "string" ? p.person.nickname.toLowerCase() : "")
}

const listProfiles = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const page = pageNumber(ctx.params.page_number)
    if (isReply(page)) return page
    const size = perPage(ctx.query.per_page)
    if (isReply(size)) return size
    const field = ctx.query.sort_field ?? ctx.query.search_field ?? "created_at"
    const key = SORT_FIELDS[field]
    if (key === undefined) return invalid(`sort field must be one of ${Object.keys(SORT_FIELDS).join(", ")}, got ${JSON.stringify(field)}`)
    const orderRaw = ctx.query.sort_order ?? ctx.query.search_order ?? "descending"
    const order = orderRaw === "ascending" || orderRaw === "asc" ? 1 : orderRaw === "descending" || orderRaw === "desc" ? -1 : 0
    if (order === 0) return invalid(`sort order must be ascending or descending, got ${JSON.stringify(orderRaw)}`)
    const operator = searchOperator(ctx.query.search_operator)
    if (isReply(operator)) return operator
    const filterRaw = ctx.query.search_filter
    const filters = filterRaw === undefined || filterRaw === "" ? [] : parseFilters("search_filter", filterRaw)
    if (isReply(filters)) return filters
    const text = ctx.query.search_text
    const start = ctx.query.filter_date_start === undefined ? undefined : Date.parse(ctx.query.filter_date_start)
    const end = ctx.query.filter_date_end === undefined ? undefined : Date.parse(ctx.query.filter_date_end)
    if (Number.isNaN(start) || Number.isNaN(end)) return invalid("filter_date_start / filter_date_end must be dates")

    const items = [...(ctx.store.people.get(website.website_id)?.values() ?? [])]
      .filter((p) =>
        (text === undefined || text === "" ||
          containsText([p.email, p.person.nickname, p.person.phone, p.company?.name], text)) &&
        (start === undefined || p.created_at >= start) &&
        (end === undefined || p.created_at <= end) &&
        matchesFilters(profileToWire(p), filters, operator)
      )
      .sort((a, b) => {
        const ka = key(a)
        const kb = key(b)
        return (ka < kb ? -order : ka > kb ? order : 0) || (b.seq - a.seq) * (order === -1 ? 1 : -1)
      })
    return ok(slicePage(items, page, size).map(profileToWire))
  })

const createProfile = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const body = inputOf<ProfileCard & { readonly email: string }>(ctx)
    const refused = badEmail(body.email)
    if (refused !== undefined) return refused
    if (ctx.store.profileByEmail(website.website_id, body.email) !== undefined) {
      return fail(409, "people_exists", `a people profile with email ${body.email} already exists`)
    }
    const profile = ctx.store.addProfile(website.website_id, body, ctx.now)
    return ok({ people_id: profile.people_id })
  })

const getProfile = (ctx: RouteContext): Reply => withProfile(ctx, (p) => ok(profileToWire(p)))

const profileExists = (ctx: RouteContext): Reply => withProfile(ctx, () => ok())

const writeProfile = (replace: boolean) => (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const body = inputOf<ProfileCard>(ctx)
    const refused = badEmail(body.email)
    if (refused !== undefined) return refused
    if (body.email !== undefined) {
      const other = ctx.store.profileByEmail(profile.website_id, body.email)
      if (other !== undefined && other.people_id !== profile.people_id) {
        return fail(409, "people_exists", `a people profile with email ${body.email} already exists`)
      }
    }
    if (replace) ctx.store.saveProfile(profile, body, ctx.now)
    else ctx.store.updateProfile(profile, body, ctx.now)
    return ok()
  })

const removeProfile = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    ctx.store.removeProfile(profile, ctx.now)
    return ok()
  })

const addEvent = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const event = inputOf<{ readonly text: string; readonly data?: JsonRecord; readonly color?: string; readonly timestamp?: number }>(ctx)
    ctx.store.addPeopleEvent(profile, event, ctx.now)
    return ok()
  })

const listEvents = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const page = pageNumber(ctx.params.page_number)
    if (isReply(page)) return page
    const newestFirst = [...profile.events].reverse()
    return ok(slicePage(newestFirst, page, PAGE).map(peopleEventToWire))
  })

const getData = (ctx: RouteContext): Reply => withProfile(ctx, (p) => ok({ data: { ...p.data } }))

/**
 * The body is either `{ data: { key: value } }` (the REST reference) or the
 * key/value record itself (what `crisp-api` sends); the client's Schema took
 * scalars only, so an object under `data` can only be the wrapper.
 */
const writeData = (replace: boolean) => (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const body = inputOf<Record<string, unknown>>(ctx)
    const record = isRecord(body.data) ? body.data : body
    ctx.store.setPeopleData(profile, record as Record<string, Scalar>, replace, ctx.now)
    return ok()
  })

const listConversations = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const page = pageNumber(ctx.params.page_number)
    if (isReply(page)) return page
    return ok(slicePage(ctx.store.profileConversations(profile), page, PAGE))
  })

// ---------------------------------------------------------------------------
// Derived state: statistics and suggestions come from the profiles themselves.

const getStatistics = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => ok({ total: ctx.store.people.get(website.website_id)?.size ?? 0 }))

type Suggestion = "segments" | "data" | "events"

/**
 * Suggestions a caller deleted, per website (kept as JSON in the store's
 * documents): they stay out of the suggested lists; the profiles keep their
 * segments, data and events.
 */
const hiddenKey = (websiteId: string, kind: Suggestion) => `fake:people-suggestions-hidden\u0000${websiteId}\u0000${kind}`

const hidden = (ctx: RouteContext, websiteId: string, kind: Suggestion): ReadonlySet<string> =>
  new Set(ctx.store.documents.get(hiddenKey(websiteId, kind)) as ReadonlyArray<string> | undefined)

const hide = (ctx: RouteContext, websiteId: string, kind: Suggestion, value: string): void => {
  ctx.store.documents.set(hiddenKey(websiteId, kind), [...new Set([...hidden(ctx, websiteId, kind), value])])
}

/** Counts per value over the website's profiles, most used first, then by value. */
const suggestions = (
  ctx: RouteContext,
  kind: Suggestion,
  valuesOf: (profile: ProfileRecord) => Iterable<string>,
  toWire: (value: string, count: number) => JsonRecord
): Reply =>
  withWebsite(ctx, (website) => {
    const page = pageNumber(ctx.params.page_number)
    if (isReply(page)) return page
    const skip = hidden(ctx, website.website_id, kind)
    const counts = new Map<string, number>()
    for (const profile of ctx.store.people.get(website.website_id)?.values() ?? []) {
      for (const value of valuesOf(profile)) if (!skip.has(value)) counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    const items = [...counts.entries()]
      .sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))
      .map(([value, count]) => toWire(value, count))
    return ok(slicePage(items, page, PAGE))
  })

const listSegments = (ctx: RouteContext): Reply =>
  suggestions(ctx, "segments", (p) => new Set(p.segments), (segment, count) => ({ segment, count }))

const listDataKeys = (ctx: RouteContext): Reply =>
  suggestions(ctx, "data", (p) => Object.keys(p.data), (key, count) => ({ key, count }))

const listEventTexts = (ctx: RouteContext): Reply =>
  suggestions(ctx, "events", (p) => p.events.map((e) => e.text), (text, count) => ({ text, count }))

const deleteSuggestion = (kind: Suggestion, field: string) => (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    hide(ctx, website.website_id, kind, inputOf<Record<string, string>>(ctx)[field]!)
    return ok()
  })

// ---------------------------------------------------------------------------
// Campaigns (the fake sends none) and the email subscription.

const listCampaigns = (ctx: RouteContext): Reply =>
  withProfile(ctx, () => {
    const page = pageNumber(ctx.params.page_number)
    return isReply(page) ? page : ok([])
  })

const subscriptionKey = (profile: ProfileRecord) => `fake:people-subscription\u0000${profile.website_id}\u0000${profile.people_id}`

const getSubscription = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => ok({ email: ctx.store.documents.get(subscriptionKey(profile)) !== false }))

const setSubscription = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    ctx.store.documents.set(subscriptionKey(profile), inputOf<{ readonly email: boolean }>(ctx).email)
    return ok()
  })

/** The people rows of the client's route table, by function name. */
export const handlers: Handlers = {
  "WebsitePeople.listPeopleProfiles": listProfiles,
  "WebsitePeople.createNewPeopleProfile": createProfile,
  "WebsitePeople.checkPeopleProfileExists": profileExists,
  "WebsitePeople.getPeopleProfile": getProfile,
  "WebsitePeople.savePeopleProfile": writeProfile(true),
  "WebsitePeople.updatePeopleProfile": writeProfile(false),
  "WebsitePeople.removePeopleProfile": removeProfile,
  "WebsitePeople.addPeopleEvent": addEvent,
  "WebsitePeople.listPeopleEvent": listEvents,
  "WebsitePeople.getPeopleData": getData,
  "WebsitePeople.updatePeopleData": writeData(true),
  "WebsitePeople.updateData": writeData(false),
  "WebsitePeople.listPeopleConversations": listConversations,
  "WebsitePeople.getStatistics": getStatistics,
  "WebsitePeople.listPeopleSegments": listSegments,
  "WebsitePeople.deleteSuggestedSegment": deleteSuggestion("segments", "segment"),
  "WebsitePeople.listSuggestedDataKeys": listDataKeys,
  "WebsitePeople.deleteSuggestedDataKey": deleteSuggestion("data", "key"),
  "WebsitePeople.listSuggestedEvents": listEventTexts,
  "WebsitePeople.deleteSuggestedEvent": deleteSuggestion("events", "text"),
  "WebsitePeople.listCampaigns": listCampaigns,
  "WebsitePeople.getSubscriptionStatus": getSubscription,
  "WebsitePeople.updateSubscriptionStatus": setSubscription
}

const people = "website/{website_id}/people"

/** Routes no client row covers: the profile list without a page, the seed's old segments route. */
export const peopleRoutes: ReadonlyArray<Route> = [
  route("GET", `${people}/profiles`, "token", listProfiles),
  route("GET", `${people}/segments/{page_number}`, "token", listSegments)
]
