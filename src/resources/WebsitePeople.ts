/**
 * People (the CRM contacts) of a website: profiles, events, custom data,
 * segments and their conversations.
 *
 * A `peopleId` argument may be a people id or the profile's email.
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsitePeople.<method>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const ensureProfile = (websiteId: string, email: string) =>
 *   WebsitePeople.checkPeopleProfileExists(websiteId, email).pipe(
 *     Effect.flatMap((exists) =>
 *       exists ? Effect.void : Effect.asVoid(WebsitePeople.createNewPeopleProfile(websiteId, { email })))
 *   )
 * ```
 *
 * @since 0.1.0
 */
import { Effect, Schema, Stream } from "effect"
import type { CrispError } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { endpoint } from "../internal/rest/endpoint.js"
import { paginate } from "../internal/rest/paginate.js"
import {
  PeopleData,
  PeopleDataUpdate,
  PeopleEvent,
  PeopleEventNew,
  PeopleListOptions,
  PeopleProfile,
  PeopleProfileCreate,
  PeopleProfileNew,
  PeopleProfileUpdate,
  PeopleSegment
} from "../schemas/People.js"
import { MAX_PER_PAGE } from "../schemas/Search.js"
import { withPage } from "../internal/rest/page.js"

const PROFILE = "website/{website_id}/people/profile/{people_id}"
const PROFILES = "website/{website_id}/people/profiles/{page_number}"
const SEGMENTS = "website/{website_id}/people/suggest/segments/{page_number}"
const EVENTS = "website/{website_id}/people/events/{people_id}/list/{page_number}"
const CONVERSATIONS = "website/{website_id}/people/conversations/{people_id}/list/{page_number}"

const ProfileList = Schema.Array(PeopleProfile)

// One `search_filter` criterion on a people field, with a non-empty value.
const criterion = <C extends string>(name: C) =>
  Schema.Struct({
    model: Schema.Literal("people"),
    criterion: Schema.Literal(name),
    operator: Schema.Literal("eq"),
    query: Schema.Tuple(Schema.NonEmptyTrimmedString)
  })

const findByEmailEndpoint = endpoint({
  name: "WebsitePeople.findByEmail",
  method: "GET",
  path: PROFILES,
  query: Schema.Struct({ search_filter: Schema.Tuple(criterion("email")) }),
  response: ProfileList
})
const findBySegmentsEndpoint = endpoint({
  name: "WebsitePeople.findBySegments",
  method: "GET",
  path: PROFILES,
  query: Schema.Struct({
    search_filter: Schema.Array(criterion("segments")).pipe(Schema.minItems(1)),
    search_operator: Schema.Literal("and")
  }),
  response: ProfileList
})
const createEndpoint = endpoint({
  name: "WebsitePeople.createNewPeopleProfile",
  method: "POST",
  path: "website/{website_id}/people/profile",
  body: PeopleProfileCreate,
  response: PeopleProfileNew
})
const existsEndpoint = endpoint({
  name: "WebsitePeople.checkPeopleProfileExists",
  method: "HEAD",
  path: PROFILE,
  response: Schema.Boolean
})
const getEndpoint = endpoint({
  name: "WebsitePeople.getPeopleProfile",
  method: "GET",
  path: PROFILE,
  response: PeopleProfile
})
const listEndpoint = endpoint({
  name: "WebsitePeople.listPeopleProfiles",
  method: "GET",
  path: PROFILES,
  query: PeopleListOptions,
  response: ProfileList
})
const removeEndpoint = endpoint({
  name: "WebsitePeople.removePeopleProfile",
  method: "DELETE",
  path: PROFILE
})
const saveEndpoint = endpoint({
  name: "WebsitePeople.savePeopleProfile",
  method: "PUT",
  path: PROFILE,
  body: PeopleProfileUpdate
})
const updateEndpoint = endpoint({
  name: "WebsitePeople.updatePeopleProfile",
  method: "PATCH",
  path: PROFILE,
  body: PeopleProfileUpdate
})
const segmentsEndpoint = endpoint({
  name: "WebsitePeople.listPeopleSegments",
  method: "GET",
  path: SEGMENTS,
  response: Schema.Array(PeopleSegment)
})
const addEventEndpoint = endpoint({
  name: "WebsitePeople.addPeopleEvent",
  method: "POST",
  path: "website/{website_id}/people/events/{people_id}",
  body: PeopleEventNew
})
const eventsEndpoint = endpoint({
  name: "WebsitePeople.listPeopleEvent",
  method: "GET",
  path: EVENTS,
  response: Schema.Array(PeopleEvent)
})
const getDataEndpoint = endpoint({
  name: "WebsitePeople.getPeopleData",
  method: "GET",
  path: "website/{website_id}/people/data/{people_id}",
  response: PeopleData
})
const updateDataEndpoint = endpoint({
  name: "WebsitePeople.updatePeopleData",
  method: "PUT",
  path: "website/{website_id}/people/data/{people_id}",
  body: PeopleDataUpdate
})
const conversationsEndpoint = endpoint({
  name: "WebsitePeople.listPeopleConversations",
  method: "GET",
  path: CONVERSATIONS,
  response: Schema.Array(Schema.String)
})

/**
 * Finds the profiles with an email (`GET .../people/profiles/1` with a
 * `search_filter` on `email`). Answers an array: empty when nobody has it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const jane = WebsitePeople.findByEmail("website-id", "jane@example.com").pipe(
 *   Effect.map((found) => found[0])
 * )
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const findByEmail = (
  websiteId: string,
  email: string
): Effect.Effect<ReadonlyArray<PeopleProfile>, CrispError, CrispHttp> =>
  findByEmailEndpoint({
    path: { website_id: websiteId, page_number: 1 },
    query: { search_filter: [{ model: "people", criterion: "email", operator: "eq", query: [email] }] }
  })

/**
 * Finds the profiles that carry every one of `segments` (`GET
 * .../people/profiles/1`, one `search_filter` criterion per segment, combined
 * with `and`). An empty list fails with `CrispInvalidRequest`.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const vipCustomers = WebsitePeople.findBySegments("website-id", ["vip", "customer"])
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const findBySegments = (
  websiteId: string,
  segments: ReadonlyArray<string>
): Effect.Effect<ReadonlyArray<PeopleProfile>, CrispError, CrispHttp> =>
  findBySegmentsEndpoint({
    path: { website_id: websiteId, page_number: 1 },
    query: {
      search_filter: segments.map((segment) => ({
        model: "people",
        criterion: "segments",
        operator: "eq",
        query: [segment] as const
      })),
      search_operator: "and"
    }
  })

/**
 * Creates a profile (`POST website/{website_id}/people/profile`) and answers its
 * `people_id`. `email` is required.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const created = WebsitePeople.createNewPeopleProfile("website-id", {
 *   email: "jane@example.com", person: { nickname: "Jane Doe" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const createNewPeopleProfile = (
  websiteId: string,
  params: PeopleProfileCreate
): Effect.Effect<PeopleProfileNew, CrispError, CrispHttp> =>
  createEndpoint({ path: { website_id: websiteId }, body: params })

/**
 * Whether a profile exists (`HEAD .../people/profile/{people_id}`): `true` or
 * `false`, never `CrispNotFound`.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const exists = WebsitePeople.checkPeopleProfileExists("website-id", "jane@example.com")
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const checkPeopleProfileExists = (
  websiteId: string,
  peopleId: string
): Effect.Effect<boolean, CrispError, CrispHttp> =>
  existsEndpoint({ path: { website_id: websiteId, people_id: peopleId } })

/**
 * Gets a profile by people id or email (`GET .../people/profile/{people_id}`).
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const profile = WebsitePeople.getPeopleProfile("website-id", "jane@example.com")
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const getPeopleProfile = (
  websiteId: string,
  peopleId: string
): Effect.Effect<PeopleProfile, CrispError, CrispHttp> =>
  getEndpoint({ path: { website_id: websiteId, people_id: peopleId } })

/**
 * Lists one page of profiles (`GET .../people/profiles/{page_number}`). Pages
 * count from 1; `options` adds `per_page` (20–50), sorting and search. For every
 * profile, use {@link streamPeopleProfiles}.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const page2 = WebsitePeople.listPeopleProfiles("website-id", 2, { per_page: 50 })
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const listPeopleProfiles = (
  websiteId: string,
  page: number = 1,
  options?: PeopleListOptions
): Effect.Effect<ReadonlyArray<PeopleProfile>, CrispError, CrispHttp> =>
  withPage("GET", PROFILES, page, (page_number) =>
    listEndpoint({ path: { website_id: websiteId, page_number }, query: options }))

/**
 * Every profile of a website as a `Stream`, page after page, asking for 50 per
 * page unless `options.per_page` says otherwise. Stops after a short or empty
 * page, and fetches only what the consumer takes.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const emails = WebsitePeople.streamPeopleProfiles("website-id").pipe(
 *   Stream.map((profile) => profile.email),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.1.0
 * @category pagination
 */
export const streamPeopleProfiles = (
  websiteId: string,
  options?: PeopleListOptions
): Stream.Stream<PeopleProfile, CrispError, CrispHttp> => {
  const perPage = options?.per_page ?? MAX_PER_PAGE
  const query: PeopleListOptions = { ...options, per_page: perPage }
  return paginate((page) => listPeopleProfiles(websiteId, page, query), { pageSize: perPage }).pipe(
    Stream.withSpan("WebsitePeople.streamPeopleProfiles")
  )
}

/**
 * Removes a profile (`DELETE .../people/profile/{people_id}`).
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const remove = WebsitePeople.removePeopleProfile("website-id", "jane@example.com")
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const removePeopleProfile = (websiteId: string, peopleId: string): Effect.Effect<void, CrispError, CrispHttp> =>
  removeEndpoint({ path: { website_id: websiteId, people_id: peopleId } })

/**
 * Saves a profile (`PUT .../people/profile/{people_id}`): replaces it with `params`.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const save = WebsitePeople.savePeopleProfile("website-id", "jane@example.com", {
 *   email: "jane@example.com", person: { nickname: "Jane Doe" }, segments: ["customer"]
 * })
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const savePeopleProfile = (
  websiteId: string,
  peopleId: string,
  params: PeopleProfileUpdate
): Effect.Effect<void, CrispError, CrispHttp> =>
  saveEndpoint({ path: { website_id: websiteId, people_id: peopleId }, body: params })

/**
 * Updates a profile (`PATCH .../people/profile/{people_id}`): changes only the
 * fields given.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const update = WebsitePeople.updatePeopleProfile("website-id", "jane@example.com", { notepad: "VIP" })
 * ```
 *
 * @since 0.1.0
 * @category profiles
 */
export const updatePeopleProfile = (
  websiteId: string,
  peopleId: string,
  params: PeopleProfileUpdate
): Effect.Effect<void, CrispError, CrispHttp> =>
  updateEndpoint({ path: { website_id: websiteId, people_id: peopleId }, body: params })

/**
 * Lists one page of the website's people segments with their counts (`GET
 * .../people/suggest/segments/{page_number}`; the seed's
 * `people/segments/{page}` route is gone). The seed's README showed a
 * `peopleId` argument the code never took: the signature is `(websiteId, page)`.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const segments = WebsitePeople.listPeopleSegments("website-id", 1)
 * ```
 *
 * @since 0.1.0
 * @category segments
 */
export const listPeopleSegments = (
  websiteId: string,
  page: number = 1
): Effect.Effect<ReadonlyArray<PeopleSegment>, CrispError, CrispHttp> =>
  withPage("GET", SEGMENTS, page, (page_number) => segmentsEndpoint({ path: { website_id: websiteId, page_number } }))

/**
 * Adds an event to a profile's timeline (`POST .../people/events/{people_id}`).
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const event = WebsitePeople.addPeopleEvent("website-id", "jane@example.com", { text: "Upgraded", color: "green" })
 * ```
 *
 * @since 0.1.0
 * @category events
 */
export const addPeopleEvent = (
  websiteId: string,
  peopleId: string,
  params: PeopleEventNew
): Effect.Effect<void, CrispError, CrispHttp> =>
  addEventEndpoint({ path: { website_id: websiteId, people_id: peopleId }, body: params })

/**
 * Lists one page of a profile's events (`GET
 * .../people/events/{people_id}/list/{page_number}`). For all of them, use
 * {@link streamPeopleEvents}.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const events = WebsitePeople.listPeopleEvent("website-id", "jane@example.com", 1)
 * ```
 *
 * @since 0.1.0
 * @category events
 */
export const listPeopleEvent = (
  websiteId: string,
  peopleId: string,
  page: number = 1
): Effect.Effect<ReadonlyArray<PeopleEvent>, CrispError, CrispHttp> =>
  withPage("GET", EVENTS, page, (page_number) =>
    eventsEndpoint({ path: { website_id: websiteId, people_id: peopleId, page_number } }))

/**
 * Every event of a profile as a `Stream`. The route takes no `per_page` and
 * Crisp does not document its page size, so the walk stops at the first empty
 * page (one request more than the pages holding events).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const texts = WebsitePeople.streamPeopleEvents("website-id", "jane@example.com").pipe(
 *   Stream.map((event) => event.text),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.1.0
 * @category pagination
 */
export const streamPeopleEvents = (
  websiteId: string,
  peopleId: string
): Stream.Stream<PeopleEvent, CrispError, CrispHttp> =>
  paginate((page) => listPeopleEvent(websiteId, peopleId, page)).pipe(
    Stream.withSpan("WebsitePeople.streamPeopleEvents")
  )

/**
 * Gets a profile's custom data (`GET .../people/data/{people_id}`).
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const data = WebsitePeople.getPeopleData("website-id", "jane@example.com")
 * ```
 *
 * @since 0.1.0
 * @category data
 */
export const getPeopleData = (websiteId: string, peopleId: string): Effect.Effect<PeopleData, CrispError, CrispHttp> =>
  getDataEndpoint({ path: { website_id: websiteId, people_id: peopleId } })

/**
 * Replaces a profile's custom data (`PUT .../people/data/{people_id}` with
 * `{ data }`): the seed named it "update" but sends PUT.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const save = WebsitePeople.updatePeopleData("website-id", "jane@example.com", { data: { plan: "pro", seats: 5 } })
 * ```
 *
 * @since 0.1.0
 * @category data
 */
export const updatePeopleData = (
  websiteId: string,
  peopleId: string,
  params: PeopleDataUpdate
): Effect.Effect<void, CrispError, CrispHttp> =>
  updateDataEndpoint({ path: { website_id: websiteId, people_id: peopleId }, body: params })

/**
 * Lists one page of the session ids of a profile's conversations (`GET
 * .../people/conversations/{people_id}/list/{page_number}`; the seed used a
 * singular `conversation` segment).
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const sessionIds = WebsitePeople.listPeopleConversations("website-id", "jane@example.com", 1)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const listPeopleConversations = (
  websiteId: string,
  peopleId: string,
  page: number = 1
): Effect.Effect<ReadonlyArray<string>, CrispError, CrispHttp> =>
  withPage("GET", CONVERSATIONS, page, (page_number) =>
    conversationsEndpoint({ path: { website_id: websiteId, people_id: peopleId, page_number } }))

/**
 * The session ids of every conversation of a profile, as a `Stream`. Like
 * {@link streamPeopleEvents}, it stops at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const all = WebsitePeople.streamPeopleConversations("website-id", "jane@example.com").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.1.0
 * @category pagination
 */
export const streamPeopleConversations = (
  websiteId: string,
  peopleId: string
): Stream.Stream<string, CrispError, CrispHttp> =>
  paginate((page) => listPeopleConversations(websiteId, peopleId, page)).pipe(
    Stream.withSpan("WebsitePeople.streamPeopleConversations")
  )
