/**
 * People (the CRM contacts of a website): profiles, events, custom data and
 * segments, with the bodies and query options of the people routes.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional, orEmpty, ScalarRecord } from "./fields.js"
import { FilterSearchQuery, PerPage, SearchOperator } from "./Search.js"

const Geolocation = Schema.Struct({
  country: optional(Schema.String),
  region: optional(Schema.String),
  city: optional(Schema.String),
  coordinates: optional(Schema.Struct({ latitude: optional(Schema.Number), longitude: optional(Schema.Number) }))
})

/**
 * The `person` card of a profile: nickname, avatar, contact details, employment…
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const person: Schemas.PeoplePerson = { nickname: "Jane Doe", phone: "+33 1 23 45 67 89" }
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export const PeoplePerson = Schema.Struct({
  nickname: optional(Schema.String),
  avatar: optional(Schema.String),
  gender: optional(Schema.String),
  phone: optional(Schema.String),
  address: optional(Schema.String),
  description: optional(Schema.String),
  website: optional(Schema.String),
  timezone: optional(Schema.Number),
  profiles: optional(Schema.Array(Schema.Struct({
    type: optional(Schema.String),
    handle: optional(Schema.String),
    url: optional(Schema.String)
  }))),
  employment: optional(Schema.Struct({
    name: optional(Schema.String),
    domain: optional(Schema.String),
    title: optional(Schema.String),
    role: optional(Schema.String),
    seniority: optional(Schema.String)
  })),
  geolocation: optional(Geolocation),
  locales: optional(Schema.Array(Schema.String))
})

export interface PeoplePerson extends Schema.Schema.Type<typeof PeoplePerson> {}

/**
 * The `company` card of a profile.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const company: Schemas.PeopleCompany = { name: "Acme", domain: "acme.example" }
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export const PeopleCompany = Schema.Struct({
  name: optional(Schema.String),
  legal_name: optional(Schema.String),
  domain: optional(Schema.String),
  url: optional(Schema.String),
  description: optional(Schema.String),
  timezone: optional(Schema.Number),
  phones: optional(Schema.Array(Schema.String)),
  emails: optional(Schema.Array(Schema.String)),
  geolocation: optional(Geolocation),
  metrics: optional(Schema.Struct({
    employees: optional(Schema.Number),
    market_cap: optional(Schema.Number),
    raised: optional(Schema.Number),
    arr: optional(Schema.Number)
  })),
  tags: optional(Schema.Array(Schema.String))
})

export interface PeopleCompany extends Schema.Schema.Type<typeof PeopleCompany> {}

/**
 * A people profile as `getPeopleProfile` and the profile lists return it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const nickname = WebsitePeople.getPeopleProfile("website-id", "jane@example.com").pipe(
 *   Effect.map((profile) => profile.person?.nickname)
 * )
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export const PeopleProfile = Schema.Struct({
  people_id: optional(Schema.String),
  email: optional(Schema.String),
  person: optional(PeoplePerson),
  company: optional(PeopleCompany),
  segments: optional(Schema.Array(Schema.String)),
  notepad: optional(Schema.String),
  active: optional(Schema.Struct({ now: optional(Schema.Boolean), last: optional(Schema.Number) })),
  score: optional(Schema.Number),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number)
})

export interface PeopleProfile extends Schema.Schema.Type<typeof PeopleProfile> {}

/**
 * What `createNewPeopleProfile` answers: the new `people_id`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const peopleId = WebsitePeople.createNewPeopleProfile("website-id", { email: "jane@example.com" }).pipe(
 *   Effect.map((created) => created.people_id)
 * )
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export const PeopleProfileNew = Schema.Struct({ people_id: Schema.String })

export interface PeopleProfileNew extends Schema.Schema.Type<typeof PeopleProfileNew> {}

/**
 * A people event (`listPeopleEvent`): a `text`, optional `data` and `color`, and a
 * `timestamp` (ms).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const event: Schemas.PeopleEvent = { text: "Signed up", color: "green", timestamp: 1700000000000 }
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export const PeopleEvent = Schema.Struct({
  text: optional(Schema.String),
  data: optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  color: optional(Schema.String),
  timestamp: optional(Schema.Number)
})

export interface PeopleEvent extends Schema.Schema.Type<typeof PeopleEvent> {}

/**
 * A profile's custom data (`getPeopleData`): `{ data: { key: value } }` with
 * string, number or boolean values. An empty answer decodes as `{}`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const plan = WebsitePeople.getPeopleData("website-id", "jane@example.com").pipe(
 *   Effect.map((d) => d.data?.plan)
 * )
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export const PeopleData = orEmpty(Schema.Struct({ data: optional(ScalarRecord) }))

export type PeopleData = typeof PeopleData.Type

/**
 * A segment and how many profiles carry it (`listPeopleSegments`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const segment: Schemas.PeopleSegment = { segment: "customer", count: 42 }
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export const PeopleSegment = Schema.Struct({
  segment: optional(Schema.String),
  count: optional(Schema.Number)
})

export interface PeopleSegment extends Schema.Schema.Type<typeof PeopleSegment> {}

/**
 * A data key used in profiles' custom data, and how many profiles have it
 * (`listSuggestedDataKeys`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const key: Schemas.PeopleSuggestedDataKey = { key: "plan", count: 12 }
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const PeopleSuggestedDataKey = Schema.Struct({
  key: optional(Schema.String),
  count: optional(Schema.Number)
})

export interface PeopleSuggestedDataKey extends Schema.Schema.Type<typeof PeopleSuggestedDataKey> {}

/**
 * An event text used in profiles' timelines, and how often it occurs
 * (`listSuggestedEvents`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const event: Schemas.PeopleSuggestedEvent = { text: "Signed up", count: 40 }
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const PeopleSuggestedEvent = Schema.Struct({
  text: optional(Schema.String),
  count: optional(Schema.Number)
})

export interface PeopleSuggestedEvent extends Schema.Schema.Type<typeof PeopleSuggestedEvent> {}

/**
 * People statistics of a website (`getStatistics`): `total` is the number of
 * profiles.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const total = WebsitePeople.getStatistics("website-id").pipe(Effect.map((stats) => stats.total ?? 0))
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const PeopleStatistics = Schema.Struct({ total: optional(Schema.Number) })

export interface PeopleStatistics extends Schema.Schema.Type<typeof PeopleStatistics> {}

/**
 * A campaign a profile received (`listCampaigns`): its id, type, name, the
 * times (ms) it was created, updated, dispatched and acted on, and the
 * statistics it recorded for this profile.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const campaign: Schemas.PeopleCampaign = { campaign_id: "c-1", type: "one-shot", name: "Launch" }
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const PeopleCampaign = Schema.Struct({
  campaign_id: optional(Schema.String),
  type: optional(Schema.String),
  name: optional(Schema.String),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number),
  dispatched_at: optional(Schema.Number),
  occurred_at: optional(Schema.Number),
  statistics: optional(Schema.Array(Schema.String))
})

export interface PeopleCampaign extends Schema.Schema.Type<typeof PeopleCampaign> {}

/**
 * Whether a profile is subscribed to emails (`getSubscriptionStatus`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsitePeople } from "effect-crisp"
 *
 * const subscribed = WebsitePeople.getSubscriptionStatus("website-id", "jane@example.com").pipe(
 *   Effect.map((status) => status.email !== false)
 * )
 * ```
 *
 * @since 0.2.0
 * @category people
 */
export const PeopleSubscription = Schema.Struct({ email: optional(Schema.Boolean) })

export interface PeopleSubscription extends Schema.Schema.Type<typeof PeopleSubscription> {}

// ---------------------------------------------------------------------------
// Request bodies and query options
// ---------------------------------------------------------------------------

const PersonInput = Schema.Struct({
  nickname: Schema.optional(Schema.String),
  avatar: Schema.optional(Schema.String),
  gender: Schema.optional(Schema.String),
  phone: Schema.optional(Schema.String),
  address: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  website: Schema.optional(Schema.String),
  timezone: Schema.optional(Schema.Number),
  profiles: Schema.optional(Schema.Array(Schema.Struct({
    type: Schema.String,
    handle: Schema.String,
    url: Schema.optional(Schema.String)
  }))),
  employment: Schema.optional(Schema.Struct({
    name: Schema.optional(Schema.String),
    domain: Schema.optional(Schema.String),
    title: Schema.optional(Schema.String),
    role: Schema.optional(Schema.String),
    seniority: Schema.optional(Schema.String)
  })),
  geolocation: Schema.optional(Geolocation),
  locales: Schema.optional(Schema.Array(Schema.String))
})

const profileFields = {
  person: Schema.optional(PersonInput),
  company: Schema.optional(PeopleCompany),
  segments: Schema.optional(Schema.Array(Schema.String)),
  notepad: Schema.optional(Schema.String),
  active: Schema.optional(Schema.Number)
}

/**
 * The body of `createNewPeopleProfile`: an `email` (required) and the cards.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.createNewPeopleProfile("website-id", {
 *   email: "jane@example.com", person: { nickname: "Jane Doe" }, segments: ["lead"]
 * })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const PeopleProfileCreate = Schema.Struct({ email: Schema.NonEmptyTrimmedString, ...profileFields })

export interface PeopleProfileCreate extends Schema.Schema.Type<typeof PeopleProfileCreate> {}

/**
 * The body of `savePeopleProfile` (PUT, replaces the profile) and
 * `updatePeopleProfile` (PATCH, changes only the fields given).
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.updatePeopleProfile("website-id", "jane@example.com", { notepad: "Called on Monday" })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const PeopleProfileUpdate = Schema.Struct({ email: Schema.optional(Schema.String), ...profileFields })

export interface PeopleProfileUpdate extends Schema.Schema.Type<typeof PeopleProfileUpdate> {}

/**
 * The body of `addPeopleEvent`: a `text` (required), optional `data` and `color`.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.addPeopleEvent("website-id", "jane@example.com", { text: "Upgraded", color: "green", data: { plan: "pro" } })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const PeopleEventNew = Schema.Struct({
  text: Schema.NonEmptyString,
  data: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  color: Schema.optional(Schema.String),
  timestamp: Schema.optional(Schema.Number)
})

export interface PeopleEventNew extends Schema.Schema.Type<typeof PeopleEventNew> {}

/**
 * The body of `updatePeopleData` (PUT: replaces the profile's custom data) and
 * `updateData` (PATCH: merges into it), sent as given. Crisp's reference wraps
 * the keys in `data` (`{ data: { plan: "pro" } }`); `crisp-api` sends the keys
 * themselves (`{ plan: "pro" }`). Values are strings, numbers or booleans.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.updatePeopleData("website-id", "jane@example.com", { data: { plan: "pro", seats: 5 } })
 * WebsitePeople.updateData("website-id", "jane@example.com", { seats: 6 })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const PeopleDataUpdate = Schema.Union(Schema.Struct({ data: ScalarRecord }), ScalarRecord)

export type PeopleDataUpdate = typeof PeopleDataUpdate.Type

/**
 * Query options of the profile list (`GET .../people/profiles/{page_number}`):
 * page size (20 to 50), sort, search. `search_filter` is sent JSON-encoded.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.listPeopleProfiles("website-id", 1, { per_page: 50, search_text: "acme" })
 * ```
 *
 * @since 0.1.0
 * @category query options
 */
export const PeopleListOptions = Schema.Struct({
  per_page: Schema.optional(PerPage),
  sort_field: Schema.optional(Schema.String),
  sort_order: Schema.optional(Schema.Literal("ascending", "descending")),
  search_operator: Schema.optional(SearchOperator),
  search_filter: Schema.optional(Schema.Array(FilterSearchQuery)),
  search_text: Schema.optional(Schema.String),
  filter_date_start: Schema.optional(Schema.String),
  filter_date_end: Schema.optional(Schema.String)
})

export interface PeopleListOptions extends Schema.Schema.Type<typeof PeopleListOptions> {}

/**
 * The body of `updateSubscriptionStatus`: `email: false` unsubscribes the
 * profile from emails, `true` subscribes it again.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.updateSubscriptionStatus("website-id", "jane@example.com", { email: false })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PeopleSubscriptionUpdate = Schema.Struct({ email: Schema.Boolean })

export interface PeopleSubscriptionUpdate extends Schema.Schema.Type<typeof PeopleSubscriptionUpdate> {}

/**
 * The body of `deleteSuggestedSegment`: the segment to drop from the suggestions.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.deleteSuggestedSegment("website-id", { segment: "old-campaign" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PeopleSuggestedSegmentDelete = Schema.Struct({ segment: Schema.NonEmptyString })

export interface PeopleSuggestedSegmentDelete extends Schema.Schema.Type<typeof PeopleSuggestedSegmentDelete> {}

/**
 * The body of `deleteSuggestedDataKey`: the data key to drop from the suggestions.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.deleteSuggestedDataKey("website-id", { key: "legacy_plan" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PeopleSuggestedDataKeyDelete = Schema.Struct({ key: Schema.NonEmptyString })

export interface PeopleSuggestedDataKeyDelete extends Schema.Schema.Type<typeof PeopleSuggestedDataKeyDelete> {}

/**
 * The body of `deleteSuggestedEvent`: the event text to drop from the suggestions.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.deleteSuggestedEvent("website-id", { text: "Visited pricing" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PeopleSuggestedEventDelete = Schema.Struct({ text: Schema.NonEmptyString })

export interface PeopleSuggestedEventDelete extends Schema.Schema.Type<typeof PeopleSuggestedEventDelete> {}

/**
 * The body of `importProfiles`: the `url` of a CSV file, which `column` (from 0)
 * holds which profile `field` (e.g. `"email"`, `"person.nickname"`), and how the
 * file is split.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.importProfiles("website-id", {
 *   url: "https://example.com/contacts.csv",
 *   mapping: [{ column: 0, field: "email" }, { column: 1, field: "person.nickname" }],
 *   options: { column_separator: ",", skip_header: true }
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PeopleProfileImportSetup = Schema.Struct({
  url: Schema.NonEmptyTrimmedString,
  mapping: Schema.Array(Schema.Struct({
    column: Schema.NonNegativeInt,
    field: Schema.NonEmptyTrimmedString
  })).pipe(Schema.minItems(1)),
  options: Schema.optional(Schema.Struct({
    column_separator: Schema.optional(Schema.String),
    skip_header: Schema.optional(Schema.Boolean)
  }))
})

export interface PeopleProfileImportSetup extends Schema.Schema.Type<typeof PeopleProfileImportSetup> {}
