/**
 * People (the CRM contacts of a website): profiles, events, custom data and
 * segments, with the bodies and query options of the people routes.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
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

/**
 * The type {@link PeoplePerson} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeoplePerson = Schema.decodeUnknownSync(Schemas.PeoplePerson)
 * ```
 *
 * @since 0.1.0
 * @category people
 */
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

/**
 * The type {@link PeopleCompany} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleCompany = Schema.decodeUnknownSync(Schemas.PeopleCompany)
 * ```
 *
 * @since 0.1.0
 * @category people
 */
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

/**
 * The type {@link PeopleProfile} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleProfile = Schema.decodeUnknownSync(Schemas.PeopleProfile)
 * ```
 *
 * @since 0.1.0
 * @category people
 */
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

/**
 * The type {@link PeopleProfileNew} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleProfileNew = Schema.decodeUnknownSync(Schemas.PeopleProfileNew)
 * ```
 *
 * @since 0.1.0
 * @category people
 */
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

/**
 * The type {@link PeopleEvent} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleEvent = Schema.decodeUnknownSync(Schemas.PeopleEvent)
 * ```
 *
 * @since 0.1.0
 * @category people
 */
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

/**
 * The type {@link PeopleData} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleData = Schema.decodeUnknownSync(Schemas.PeopleData)
 * ```
 *
 * @since 0.1.0
 * @category people
 */
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

/**
 * The type {@link PeopleSegment} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleSegment = Schema.decodeUnknownSync(Schemas.PeopleSegment)
 * ```
 *
 * @since 0.1.0
 * @category people
 */
export interface PeopleSegment extends Schema.Schema.Type<typeof PeopleSegment> {}

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

/**
 * The type {@link PeopleProfileCreate} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleProfileCreate = Schema.decodeUnknownSync(Schemas.PeopleProfileCreate)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
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

/**
 * The type {@link PeopleProfileUpdate} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleProfileUpdate = Schema.decodeUnknownSync(Schemas.PeopleProfileUpdate)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
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

/**
 * The type {@link PeopleEventNew} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleEventNew = Schema.decodeUnknownSync(Schemas.PeopleEventNew)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export interface PeopleEventNew extends Schema.Schema.Type<typeof PeopleEventNew> {}

/**
 * The body of `updatePeopleData` (PUT: replaces the profile's custom data):
 * `{ data: { key: value } }` with string, number or boolean values.
 *
 * @example
 * ```ts
 * import { WebsitePeople } from "effect-crisp"
 *
 * WebsitePeople.updatePeopleData("website-id", "jane@example.com", { data: { plan: "pro", seats: 5 } })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const PeopleDataUpdate = Schema.Struct({ data: ScalarRecord })

/**
 * The type {@link PeopleDataUpdate} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleDataUpdate = Schema.decodeUnknownSync(Schemas.PeopleDataUpdate)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export interface PeopleDataUpdate extends Schema.Schema.Type<typeof PeopleDataUpdate> {}

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

/**
 * The type {@link PeopleListOptions} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.PeopleListOptions = Schema.decodeUnknownSync(Schemas.PeopleListOptions)
 * ```
 *
 * @since 0.1.0
 * @category query options
 */
export interface PeopleListOptions extends Schema.Schema.Type<typeof PeopleListOptions> {}
