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
import { Effect, Either, type ParseResult, Schema } from "effect"
import { type CrispError, CrispInvalidRequest } from "../CrispError.js"
import type { CrispHttp } from "../CrispHttp.js"
import { withSpanIfTraced } from "../internal/http/span.js"
import { pages, routes, withSignature } from "../internal/rest/route.js"
import { formatIssue } from "../internal/schemaIssue.js"
import {
  PeopleCampaign,
  PeopleData,
  PeopleDataUpdate,
  PeopleEvent,
  PeopleEventNew,
  PeopleListOptions,
  PeopleProfile,
  PeopleProfileCreate,
  PeopleProfileImportSetup,
  PeopleProfileNew,
  PeopleProfileUpdate,
  PeopleSegment,
  PeopleStatistics,
  PeopleSubscription,
  PeopleSubscriptionUpdate,
  PeopleSuggestedDataKey,
  PeopleSuggestedDataKeyDelete,
  PeopleSuggestedEvent,
  PeopleSuggestedEventDelete,
  PeopleSuggestedSegmentDelete
} from "../schemas/People.js"
import { MAX_PER_PAGE } from "../schemas/Search.js"

const route = routes("WebsitePeople")

/**
 * Creates a profile (`POST website/{website_id}/people/profile`) and answers its
 * `people_id`. `email` is required; a profile with the same email already
 * there fails with `CrispApiError` (409, `people_exists`).
 *
 * Crisp reference: Add New People Profile.
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
export const createNewPeopleProfile = route("createNewPeopleProfile", {
  method: "POST",
  path: "website/{website_id}/people/profile",
  label: "Add New People Profile",
  ref: "#add-new-people-profile",
  official: "website.addNewPeopleProfile",
  input: PeopleProfileCreate,
  response: PeopleProfileNew,
  fake: { kind: "custom" }
})

/**
 * Whether a profile exists (`HEAD .../people/profile/{people_id}`): `true` or
 * `false`, never `CrispNotFound`.
 *
 * Crisp reference: Check If People Profile Exists.
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
export const checkPeopleProfileExists = route("checkPeopleProfileExists", {
  method: "HEAD",
  path: "website/{website_id}/people/profile/{people_id}",
  label: "Check If People Profile Exists",
  ref: "#check-if-people-profile-exists",
  official: "website.checkPeopleProfileExists",
  fake: { kind: "custom" }
})

/**
 * Gets a profile by people id or email (`GET .../people/profile/{people_id}`).
 * An unknown profile fails with `CrispNotFound`.
 *
 * Crisp reference: Get People Profile.
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
export const getPeopleProfile = route("getPeopleProfile", {
  method: "GET",
  path: "website/{website_id}/people/profile/{people_id}",
  label: "Get People Profile",
  ref: "#get-people-profile",
  official: "website.getPeopleProfile",
  response: PeopleProfile,
  fake: { kind: "custom" }
})

/**
 * Lists one page of profiles (`GET .../people/profiles/{page_number}`). Pages
 * count from 1; `options` adds `per_page` (20–50), sorting and search. For every
 * profile, use {@link streamPeopleProfiles}.
 *
 * Crisp reference: List People Profiles.
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
export const listPeopleProfiles = withSignature(
  route("listPeopleProfiles", {
    method: "GET",
    path: "website/{website_id}/people/profiles/{page_number}",
    label: "List People Profiles",
    ref: "#list-people-profiles",
    official: "website.listPeopleProfiles",
    input: PeopleListOptions,
    response: Schema.Array(PeopleProfile),
    paged: { perPage: MAX_PER_PAGE },
    fake: { kind: "custom" }
  }),
  (websiteId: string, page: number = 1, options?: PeopleListOptions) => [websiteId, page, options]
)

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
export const streamPeopleProfiles = pages(listPeopleProfiles, "streamPeopleProfiles")

// `findByEmail` and `findBySegments` are searches on the profile list, not routes of
// their own: their query is checked here (stricter than the list's options), then
// the list row sends it.

const PROFILES = listPeopleProfiles.route.path

// One `search_filter` criterion on a people field, with a non-empty value.
const criterion = <C extends string>(name: C) =>
  Schema.Struct({
    model: Schema.Literal("people"),
    criterion: Schema.Literal(name),
    operator: Schema.Literal("eq"),
    query: Schema.Tuple(Schema.NonEmptyTrimmedString)
  })

/** A value built on first use (these encoders were ~1 ms of every program's start). */
const lazy = <A>(make: () => A): () => A => {
  let made: { readonly value: A } | undefined
  return () => (made ??= { value: make() }).value
}

const checkEmailSearch = lazy(() => Schema.encodeEither(Schema.Struct({ search_filter: Schema.Tuple(criterion("email")) })))
const checkSegmentsSearch = lazy(() =>
  Schema.encodeEither(Schema.Struct({
    search_filter: Schema.Array(criterion("segments")).pipe(Schema.minItems(1)),
    search_operator: Schema.Literal("and")
  }))
)

const searchProfiles = <Q>(
  name: string,
  websiteId: string,
  checked: Either.Either<Q, ParseResult.ParseError>
): Effect.Effect<ReadonlyArray<PeopleProfile>, CrispError, CrispHttp> =>
  withSpanIfTraced(
    Either.isLeft(checked)
      ? Effect.fail(new CrispInvalidRequest({ method: "GET", path: PROFILES, issue: `query ${formatIssue(checked.left)}` }))
      : listPeopleProfiles.call(websiteId, 1, checked.right) as Effect.Effect<ReadonlyArray<PeopleProfile>, CrispError, CrispHttp>,
    name,
    { kind: "client", attributes: { "http.request.method": "GET", "crisp.route": PROFILES }, captureStackTrace: false }
  )

/**
 * Finds the profiles with an email (`GET .../people/profiles/1` with a
 * `search_filter` on `email`). Answers an array: empty when nobody has it. An
 * empty email fails with `CrispInvalidRequest`.
 *
 * Crisp reference: List People Profiles (a search).
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
  searchProfiles(
    "WebsitePeople.findByEmail",
    websiteId,
    checkEmailSearch()({ search_filter: [{ model: "people", criterion: "email", operator: "eq", query: [email] }] })
  )

/**
 * Finds the profiles that carry every one of `segments` (`GET
 * .../people/profiles/1`, one `search_filter` criterion per segment, combined
 * with `and`). An empty list fails with `CrispInvalidRequest`.
 *
 * Crisp reference: List People Profiles (a search).
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
  searchProfiles(
    "WebsitePeople.findBySegments",
    websiteId,
    checkSegmentsSearch()({
      search_filter: segments.map((segment) => ({
        model: "people",
        criterion: "segments",
        operator: "eq",
        query: [segment] as const
      })),
      search_operator: "and"
    })
  )

/**
 * Removes a profile (`DELETE .../people/profile/{people_id}`).
 *
 * Crisp reference: Remove People Profile.
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
export const removePeopleProfile = route("removePeopleProfile", {
  method: "DELETE",
  path: "website/{website_id}/people/profile/{people_id}",
  label: "Remove People Profile",
  ref: "#remove-people-profile",
  official: "website.removePeopleProfile",
  fake: { kind: "custom" }
})

/**
 * Saves a profile (`PUT .../people/profile/{people_id}`): replaces it with `params`.
 *
 * Crisp reference: Save People Profile.
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
export const savePeopleProfile = route("savePeopleProfile", {
  method: "PUT",
  path: "website/{website_id}/people/profile/{people_id}",
  label: "Save People Profile",
  ref: "#save-people-profile",
  official: "website.savePeopleProfile",
  input: PeopleProfileUpdate,
  fake: { kind: "custom" }
})

/**
 * Updates a profile (`PATCH .../people/profile/{people_id}`): changes only the
 * fields given.
 *
 * Crisp reference: Update People Profile.
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
export const updatePeopleProfile = route("updatePeopleProfile", {
  method: "PATCH",
  path: "website/{website_id}/people/profile/{people_id}",
  label: "Update People Profile",
  ref: "#update-people-profile",
  official: "website.updatePeopleProfile",
  input: PeopleProfileUpdate,
  fake: { kind: "custom" }
})

/**
 * Lists one page of the website's people segments with their counts (`GET
 * .../people/suggest/segments/{page_number}`).
 *
 * Crisp reference: List Suggested People Segments.
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
export const listPeopleSegments = withSignature(
  route("listPeopleSegments", {
    method: "GET",
    path: "website/{website_id}/people/suggest/segments/{page_number}",
    label: "List Suggested People Segments",
    ref: "#list-suggested-people-segments",
    official: "website.listSuggestedPeopleSegments",
    response: Schema.Array(PeopleSegment),
    paged: {},
    fake: { kind: "custom" }
  }),
  (websiteId: string, page: number = 1) => [websiteId, page]
)

/**
 * Every suggested segment of a website as a `Stream`, page after page. The
 * route takes no `per_page`, so the walk stops at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const names = WebsitePeople.streamPeopleSegments("website-id").pipe(
 *   Stream.map((s) => s.segment),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamPeopleSegments = pages(listPeopleSegments, "streamPeopleSegments")

/**
 * Drops a segment from the website's suggested segments (`DELETE
 * .../people/suggest/segment` with `{ segment }`).
 *
 * Crisp reference: Delete Suggested People Segment.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const drop = WebsitePeople.deleteSuggestedSegment("website-id", { segment: "old-campaign" })
 * ```
 *
 * @since 0.2.0
 * @category segments
 */
export const deleteSuggestedSegment = route("deleteSuggestedSegment", {
  method: "DELETE",
  path: "website/{website_id}/people/suggest/segment",
  label: "Delete Suggested People Segment",
  ref: "#delete-suggested-people-segment",
  official: "website.deleteSuggestedPeopleSegment",
  input: PeopleSuggestedSegmentDelete,
  fake: { kind: "custom" }
})

/**
 * Lists one page of the data keys used in profiles' custom data, with how many
 * profiles have each (`GET .../people/suggest/data/{page_number}`). For all of
 * them, use {@link streamSuggestedDataKeys}.
 *
 * Crisp reference: List Suggested People Data Keys.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const keys = WebsitePeople.listSuggestedDataKeys("website-id", 1)
 * ```
 *
 * @since 0.2.0
 * @category data
 */
export const listSuggestedDataKeys = route("listSuggestedDataKeys", {
  method: "GET",
  path: "website/{website_id}/people/suggest/data/{page_number}",
  label: "List Suggested People Data Keys",
  ref: "#list-suggested-people-data-keys",
  official: "website.listSuggestedPeopleDataKeys",
  response: Schema.Array(PeopleSuggestedDataKey),
  paged: {},
  fake: { kind: "custom" }
})

/**
 * Every suggested data key as a `Stream`; stops at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const keys = WebsitePeople.streamSuggestedDataKeys("website-id").pipe(Stream.map((k) => k.key), Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamSuggestedDataKeys = pages(listSuggestedDataKeys, "streamSuggestedDataKeys")

/**
 * Drops a data key from the suggested data keys (`DELETE
 * .../people/suggest/data` with `{ key }`).
 *
 * Crisp reference: Delete Suggested People Data Key.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const drop = WebsitePeople.deleteSuggestedDataKey("website-id", { key: "legacy_plan" })
 * ```
 *
 * @since 0.2.0
 * @category data
 */
export const deleteSuggestedDataKey = route("deleteSuggestedDataKey", {
  method: "DELETE",
  path: "website/{website_id}/people/suggest/data",
  label: "Delete Suggested People Data Key",
  ref: "#delete-suggested-people-data-key",
  official: "website.deleteSuggestedPeopleDataKey",
  input: PeopleSuggestedDataKeyDelete,
  fake: { kind: "custom" }
})

/**
 * Lists one page of the event texts used in profiles' timelines, with how often
 * each occurs (`GET .../people/suggest/events/{page_number}`). For all of them,
 * use {@link streamSuggestedEvents}.
 *
 * Crisp reference: List Suggested People Events.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const events = WebsitePeople.listSuggestedEvents("website-id", 1)
 * ```
 *
 * @since 0.2.0
 * @category events
 */
export const listSuggestedEvents = route("listSuggestedEvents", {
  method: "GET",
  path: "website/{website_id}/people/suggest/events/{page_number}",
  label: "List Suggested People Events",
  ref: "#list-suggested-people-events",
  official: "website.listSuggestedPeopleEvents",
  response: Schema.Array(PeopleSuggestedEvent),
  paged: {},
  fake: { kind: "custom" }
})

/**
 * Every suggested event text as a `Stream`; stops at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const texts = WebsitePeople.streamSuggestedEvents("website-id").pipe(Stream.map((e) => e.text), Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamSuggestedEvents = pages(listSuggestedEvents, "streamSuggestedEvents")

/**
 * Drops an event text from the suggested events (`DELETE
 * .../people/suggest/event` with `{ text }`).
 *
 * Crisp reference: Delete Suggested People Event.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const drop = WebsitePeople.deleteSuggestedEvent("website-id", { text: "Visited pricing" })
 * ```
 *
 * @since 0.2.0
 * @category events
 */
export const deleteSuggestedEvent = route("deleteSuggestedEvent", {
  method: "DELETE",
  path: "website/{website_id}/people/suggest/event",
  label: "Delete Suggested People Event",
  ref: "#delete-suggested-people-event",
  official: "website.deleteSuggestedPeopleEvent",
  input: PeopleSuggestedEventDelete,
  fake: { kind: "custom" }
})

/**
 * Adds an event to a profile's timeline (`POST .../people/events/{people_id}`).
 *
 * Crisp reference: Add A People Event.
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
export const addPeopleEvent = route("addPeopleEvent", {
  method: "POST",
  path: "website/{website_id}/people/events/{people_id}",
  label: "Add A People Event",
  ref: "#add-a-people-event",
  official: "website.addPeopleEvent",
  input: PeopleEventNew,
  fake: { kind: "custom" }
})

/**
 * Lists one page of a profile's events, newest first (`GET
 * .../people/events/{people_id}/list/{page_number}`). For all of them, use
 * {@link streamPeopleEvents}.
 *
 * Crisp reference: List People Events.
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
export const listPeopleEvent = withSignature(
  route("listPeopleEvent", {
    method: "GET",
    path: "website/{website_id}/people/events/{people_id}/list/{page_number}",
    label: "List People Events",
    ref: "#list-people-events",
    official: "website.listPeopleEvents",
    response: Schema.Array(PeopleEvent),
    paged: {},
    fake: { kind: "custom" }
  }),
  (websiteId: string, peopleId: string, page: number = 1) => [websiteId, peopleId, page]
)

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
export const streamPeopleEvents = pages(listPeopleEvent, "streamPeopleEvents")

/**
 * Gets a profile's custom data (`GET .../people/data/{people_id}`).
 *
 * Crisp reference: Get People Data.
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
export const getPeopleData = route("getPeopleData", {
  method: "GET",
  path: "website/{website_id}/people/data/{people_id}",
  label: "Get People Data",
  ref: "#get-people-data",
  official: "website.getPeopleData",
  response: PeopleData,
  fake: { kind: "custom" }
})

/**
 * Replaces a profile's custom data (`PUT .../people/data/{people_id}`): keys not
 * given are gone afterwards.
 * The body is sent as given: `{ data: { key: value } }` as in Crisp's reference,
 * or the keys themselves as `crisp-api` sends them. `crisp-api` calls this route `savePeopleData`; its
 * `updatePeopleData` is the PATCH, here {@link updateData}.
 *
 * Crisp reference: Save People Data.
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
export const updatePeopleData = route("updatePeopleData", {
  method: "PUT",
  path: "website/{website_id}/people/data/{people_id}",
  label: "Save People Data",
  ref: "#save-people-data",
  official: "website.savePeopleData",
  input: PeopleDataUpdate,
  fake: { kind: "custom" }
})

/**
 * Lists one page of the session ids of a profile's conversations (`GET
 * .../people/conversations/{people_id}/list/{page_number}`).
 *
 * Crisp reference: List People Conversations.
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
export const listPeopleConversations = withSignature(
  route("listPeopleConversations", {
    method: "GET",
    path: "website/{website_id}/people/conversations/{people_id}/list/{page_number}",
    label: "List People Conversations",
    ref: "#list-people-conversations",
    official: "website.listPeopleConversations",
    response: Schema.Array(Schema.String),
    paged: {},
    fake: { kind: "custom" }
  }),
  (websiteId: string, peopleId: string, page: number = 1) => [websiteId, peopleId, page]
)

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
export const streamPeopleConversations = pages(listPeopleConversations, "streamPeopleConversations")

/**
 * Merges keys into a profile's custom data (`PATCH .../people/data/{people_id}`):
 * keys not given stay as they are. This is `crisp-api`'s `updatePeopleData`;
 * here that name belongs to the old client's function, which replaces the data
 * (PUT): a different name keeps code ported from either client doing what it did.
 * The body is sent as given: `{ data: { key: value } }` as in Crisp's reference,
 * or the keys themselves as `crisp-api` sends them.
 *
 * Crisp reference: Update People Data.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const upgrade = WebsitePeople.updateData("website-id", "jane@example.com", { data: { plan: "pro" } })
 * ```
 *
 * @since 0.2.0
 * @category data
 */
export const updateData = route("updateData", {
  method: "PATCH",
  path: "website/{website_id}/people/data/{people_id}",
  label: "Update People Data",
  ref: "#update-people-data",
  official: "website.updatePeopleData",
  input: PeopleDataUpdate,
  fake: { kind: "custom" }
})

/**
 * Gets how many profiles a website has (`GET .../people/stats`).
 *
 * Crisp reference: Get People Statistics.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const stats = WebsitePeople.getStatistics("website-id")
 * ```
 *
 * @since 0.2.0
 * @category profiles
 */
export const getStatistics = route("getStatistics", {
  method: "GET",
  path: "website/{website_id}/people/stats",
  label: "Get People Statistics",
  ref: "#get-people-statistics",
  official: "website.getPeopleStatistics",
  response: PeopleStatistics,
  fake: { kind: "custom" }
})

/**
 * Lists one page of the campaigns a profile received (`GET
 * .../people/campaigns/{people_id}/list/{page_number}`). For all of them, use
 * {@link streamCampaigns}.
 *
 * Crisp reference: List People Campaigns.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const campaigns = WebsitePeople.listCampaigns("website-id", "jane@example.com", 1)
 * ```
 *
 * @since 0.2.0
 * @category campaigns
 */
export const listCampaigns = route("listCampaigns", {
  method: "GET",
  path: "website/{website_id}/people/campaigns/{people_id}/list/{page_number}",
  label: "List People Campaigns",
  ref: "#list-people-campaigns",
  official: "website.listPeopleCampaigns",
  response: Schema.Array(PeopleCampaign),
  paged: {},
  fake: { kind: "custom" }
})

/**
 * Every campaign a profile received, as a `Stream`; stops at the first empty page.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const names = WebsitePeople.streamCampaigns("website-id", "jane@example.com").pipe(
 *   Stream.map((c) => c.name),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamCampaigns = pages(listCampaigns, "streamCampaigns")

/**
 * Gets whether a profile is subscribed to emails (`GET
 * .../people/subscription/{people_id}`).
 *
 * Crisp reference: Get People Subscription Status.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const status = WebsitePeople.getSubscriptionStatus("website-id", "jane@example.com")
 * ```
 *
 * @since 0.2.0
 * @category subscription
 */
export const getSubscriptionStatus = route("getSubscriptionStatus", {
  method: "GET",
  path: "website/{website_id}/people/subscription/{people_id}",
  label: "Get People Subscription Status",
  ref: "#get-people-subscription-status",
  official: "website.getPeopleSubscriptionStatus",
  response: PeopleSubscription,
  fake: { kind: "custom" }
})

/**
 * Subscribes a profile to emails or unsubscribes it (`PATCH
 * .../people/subscription/{people_id}` with `{ email }`).
 *
 * Crisp reference: Update People Subscription Status.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const unsubscribe = WebsitePeople.updateSubscriptionStatus("website-id", "jane@example.com", { email: false })
 * ```
 *
 * @since 0.2.0
 * @category subscription
 */
export const updateSubscriptionStatus = route("updateSubscriptionStatus", {
  method: "PATCH",
  path: "website/{website_id}/people/subscription/{people_id}",
  label: "Update People Subscription Status",
  ref: "#update-people-subscription-status",
  official: "website.updatePeopleSubscriptionStatus",
  input: PeopleSubscriptionUpdate,
  fake: { kind: "custom" }
})

/**
 * Starts an export of every profile (`POST .../people/export/profiles`). Crisp
 * prepares the file in the background: the call answers nothing.
 *
 * Crisp reference: Export People Profiles.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const exportAll = WebsitePeople.exportProfiles("website-id")
 * ```
 *
 * @since 0.2.0
 * @category import and export
 */
export const exportProfiles = route("exportProfiles", {
  method: "POST",
  path: "website/{website_id}/people/export/profiles",
  label: "Export People Profiles",
  ref: "#export-people-profiles",
  official: "website.exportPeopleProfiles"
})

/**
 * Starts an import of profiles from a CSV file (`POST
 * .../people/import/profiles`): where the file is, which column holds which
 * field, and how it is split. A setup without `url` or `mapping` fails with
 * `CrispInvalidRequest` before anything is sent.
 *
 * Crisp reference: Import People Profiles.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * const importCsv = WebsitePeople.importProfiles("website-id", {
 *   url: "https://example.com/contacts.csv",
 *   mapping: [{ column: 0, field: "email" }],
 *   options: { skip_header: true }
 * })
 * ```
 *
 * @since 0.2.0
 * @category import and export
 */
export const importProfiles = route("importProfiles", {
  method: "POST",
  path: "website/{website_id}/people/import/profiles",
  label: "Import People Profiles",
  ref: "#import-people-profiles",
  official: "website.importPeopleProfiles",
  input: PeopleProfileImportSetup
})
