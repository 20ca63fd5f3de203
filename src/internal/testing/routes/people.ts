/**
 * People routes: `website/{website_id}/people/...`.
 */
import { Either, Schema } from "effect"
import { isRecord, type JsonRecord } from "../json.js"
import { type ProfileRecord, peopleEventToWire, profileToWire, type Scalar } from "../model.js"
import { bodyDecoder, fail, invalid, isReply, notFound, ok, type Reply, route, type Route, type RouteContext } from "../router.js"
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

const Str = Schema.String
const opt = Schema.optional
const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const Scalar = Schema.Union(Schema.String, Schema.Number, Schema.Boolean)
const ScalarRecord = Schema.Record({ key: Schema.String, value: Scalar })

const Email = Str.pipe(Schema.filter((s) => /^[^@\s]+@[^@\s]+$/.test(s), { message: () => "must be an email address" }))

const card = {
  person: opt(JsonObject),
  company: opt(JsonObject),
  segments: opt(Schema.Array(Str)),
  notepad: opt(Str),
  active: opt(Schema.Number)
}

const decodeCreate = bodyDecoder(Schema.Struct({ email: Email, ...card }))
const decodeCard = bodyDecoder(Schema.Struct({ email: opt(Email), ...card }))
const decodeEvent = bodyDecoder(Schema.Struct({
  text: Str.pipe(Schema.minLength(1)),
  data: opt(JsonObject),
  color: opt(Str),
  timestamp: opt(Schema.Number)
}))
const decodeData = bodyDecoder(ScalarRecord, "data")

const PAGE = 20

const withProfile = (ctx: RouteContext, f: (profile: ProfileRecord) => Reply): Reply =>
  withWebsite(ctx, (website) => {
    const profile = ctx.store.profile(website.website_id, ctx.params.people_id ?? "")
    return profile === undefined ? notFound("people profile") : f(profile)
  })

const checkPerson = (person: JsonRecord | undefined): Reply | undefined =>
  person !== undefined && person.nickname !== undefined && typeof person.nickname !== "string"
    ? invalid("body at person.nickname: Expected string")
    : undefined

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
    const decoded = decodeCreate(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const body = decoded.right
    const badPerson = checkPerson(body.person)
    if (badPerson !== undefined) return badPerson
    if (ctx.store.profileByEmail(website.website_id, body.email) !== undefined) {
      return fail(409, "people_exists", `a people profile with email ${body.email} already exists`)
    }
    const profile = ctx.store.addProfile(website.website_id, body as ProfileCard & { email: string }, ctx.now)
    return ok({ people_id: profile.people_id })
  })

const getProfile = (ctx: RouteContext): Reply => withProfile(ctx, (p) => ok(profileToWire(p)))

const profileExists = (ctx: RouteContext): Reply => withProfile(ctx, () => ok())

const writeProfile = (replace: boolean) => (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const decoded = decodeCard(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const body = decoded.right
    const badPerson = checkPerson(body.person)
    if (badPerson !== undefined) return badPerson
    if (body.email !== undefined) {
      const other = ctx.store.profileByEmail(profile.website_id, body.email)
      if (other !== undefined && other.people_id !== profile.people_id) {
        return fail(409, "people_exists", `a people profile with email ${body.email} already exists`)
      }
    }
    if (replace) ctx.store.saveProfile(profile, body as ProfileCard, ctx.now)
    else ctx.store.updateProfile(profile, body as ProfileCard, ctx.now)
    return ok()
  })

const removeProfile = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    ctx.store.removeProfile(profile, ctx.now)
    return ok()
  })

const listSegments = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const page = pageNumber(ctx.params.page_number)
    if (isReply(page)) return page
    const counts = new Map<string, number>()
    for (const profile of ctx.store.people.get(website.website_id)?.values() ?? []) {
      for (const segment of new Set(profile.segments)) counts.set(segment, (counts.get(segment) ?? 0) + 1)
    }
    const items = [...counts.entries()]
      .sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))
      .map(([segment, count]) => ({ segment, count }))
    return ok(slicePage(items, page, PAGE))
  })

const addEvent = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const decoded = decodeEvent(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    ctx.store.addPeopleEvent(profile, decoded.right, ctx.now)
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
 * key/value record itself (what the node client sends). Values are scalars, so
 * an object under `data` can only be the wrapper.
 */
const writeData = (replace: boolean) => (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const body = ctx.body
    const record = isRecord(body) && Object.keys(body).length === 1 && isRecord(body.data) ? body.data : body
    const decoded = decodeData(record)
    if (Either.isLeft(decoded)) return decoded.left
    ctx.store.setPeopleData(profile, decoded.right as Record<string, Scalar>, replace, ctx.now)
    return ok()
  })

const listConversations = (ctx: RouteContext): Reply =>
  withProfile(ctx, (profile) => {
    const page = pageNumber(ctx.params.page_number)
    if (isReply(page)) return page
    return ok(slicePage(ctx.store.profileConversations(profile), page, PAGE))
  })

const people = "website/{website_id}/people"

/** The people routes. */
export const peopleRoutes: ReadonlyArray<Route> = [
  route("GET", `${people}/profiles`, "token", listProfiles),
  route("GET", `${people}/profiles/{page_number}`, "token", listProfiles),
  route("POST", `${people}/profile`, "token", createProfile),
  route("HEAD", `${people}/profile/{people_id}`, "token", profileExists),
  route("GET", `${people}/profile/{people_id}`, "token", getProfile),
  route("PUT", `${people}/profile/{people_id}`, "token", writeProfile(true)),
  route("PATCH", `${people}/profile/{people_id}`, "token", writeProfile(false)),
  route("DELETE", `${people}/profile/{people_id}`, "token", removeProfile),
  route("GET", `${people}/segments/{page_number}`, "token", listSegments),
  route("GET", `${people}/suggest/segments/{page_number}`, "token", listSegments),
  route("POST", `${people}/events/{people_id}`, "token", addEvent),
  route("GET", `${people}/events/{people_id}/list/{page_number}`, "token", listEvents),
  route("GET", `${people}/data/{people_id}`, "token", getData),
  route("PUT", `${people}/data/{people_id}`, "token", writeData(true)),
  route("PATCH", `${people}/data/{people_id}`, "token", writeData(false)),
  route("GET", `${people}/conversations/{people_id}/list/{page_number}`, "token", listConversations)
]
