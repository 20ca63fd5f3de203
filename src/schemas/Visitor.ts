/**
 * Visitors of a website (the people on it now): counts, the list, the map, and
 * the block rules' counters.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

const Coordinates = Schema.Struct({
  latitude: optional(Schema.Number),
  longitude: optional(Schema.Number)
})

const Geolocation = Schema.Struct({
  coordinates: optional(Coordinates),
  city: optional(Schema.String),
  region: optional(Schema.String),
  country: optional(Schema.String)
})

const LastPage = Schema.Struct({
  page_title: optional(Schema.String),
  page_url: optional(Schema.String)
})

const sessionFields = {
  session_id: optional(Schema.String),
  nickname: optional(Schema.String),
  email: optional(Schema.String),
  avatar: optional(Schema.String),
  initiated: optional(Schema.Boolean),
  active: optional(Schema.Boolean),
  last_page: optional(LastPage),
  timezone: optional(Schema.Number),
  capabilities: optional(Schema.Array(Schema.String)),
  locales: optional(Schema.Array(Schema.String))
}

/**
 * How many visitors a website has now (`WebsiteVisitors.count`): `count` on
 * the site, `active` among them, and `limited` when the plan caps the count.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const online = WebsiteVisitors.count("website-id").pipe(Effect.map((c) => c.count ?? 0))
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const VisitorCount = Schema.Struct({
  count: optional(Schema.Number),
  active: optional(Schema.Number),
  limited: optional(Schema.Boolean)
})

export interface VisitorCount extends Schema.Schema.Type<typeof VisitorCount> {}

/**
 * A visitor on the website now (`WebsiteVisitors.list`): its session, who it is
 * when known, the page it is on, where it is, its browser.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const pages = WebsiteVisitors.list("website-id", 1).pipe(
 *   Effect.map((visitors) => visitors.map((v) => v.last_page?.page_url))
 * )
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const Visitor = Schema.Struct({
  ...sessionFields,
  inbox_id: optional(Schema.String),
  useragent: optional(Schema.String),
  geolocation: optional(Geolocation)
})

export interface Visitor extends Schema.Schema.Type<typeof Visitor> {}

/**
 * A point of the visitors map (`WebsiteVisitors.pinpointOnMap`): a place and
 * the visitors there (`count`, and their sessions when there are few enough;
 * some answers list `session_ids` instead).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const cities = WebsiteVisitors.pinpointOnMap("website-id").pipe(
 *   Effect.map((points) => points.map((p) => p.geolocation?.city))
 * )
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const VisitorsMapPoint = Schema.Struct({
  visitors: optional(Schema.Struct({
    count: optional(Schema.Number),
    threshold: optional(Schema.Number),
    sessions: optional(Schema.Array(Schema.Struct(sessionFields))),
    session_ids: optional(Schema.Array(Schema.String))
  })),
  geolocation: optional(Geolocation)
})

export interface VisitorsMapPoint extends Schema.Schema.Type<typeof VisitorsMapPoint> {}

const Longitude = Schema.Finite.pipe(Schema.between(-180, 180))
const Latitude = Schema.Finite.pipe(Schema.between(-90, 90))

/**
 * The query of `WebsiteVisitors.pinpointOnMap`: nothing for the whole world, or
 * a center (`center_longitude` -180..180, `center_latitude` -90..90) and a
 * positive `center_radius`, all three together.
 *
 * @example
 * ```ts
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * WebsiteVisitors.pinpointOnMap("website-id", { center_longitude: 2.35, center_latitude: 48.85, center_radius: 50 })
 * ```
 *
 * @since 0.2.0
 * @category query options
 */
export const VisitorsMapQuery = Schema.Struct({
  center_longitude: Schema.optional(Longitude),
  center_latitude: Schema.optional(Latitude),
  center_radius: Schema.optional(Schema.Finite.pipe(Schema.positive()))
}).pipe(Schema.filter(
  (q) => {
    const given = [q.center_longitude, q.center_latitude, q.center_radius].filter((v) => v !== undefined).length
    return given === 0 || given === 3
  },
  { message: () => "center_longitude, center_latitude and center_radius go together: give all three or none" }
))

export type VisitorsMapQuery = typeof VisitorsMapQuery.Type

/**
 * The session a visitor token belongs to (`WebsiteVisitors.getSessionIdentifierFromToken`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const sessionId = WebsiteVisitors.getSessionIdentifierFromToken("website-id", "token-id").pipe(
 *   Effect.map((t) => t.session_id)
 * )
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const VisitorSessionToken = Schema.Struct({ session_id: optional(Schema.String) })

export interface VisitorSessionToken extends Schema.Schema.Type<typeof VisitorSessionToken> {}

/**
 * How many visitors a block rule holds back: the `rule` and the `blocked` count.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const counter: Schemas.VisitorsBlocked = { rule: ["ip_range"], blocked: 3 }
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const VisitorsBlocked = Schema.Struct({
  rule: optional(Schema.Array(Schema.String)),
  blocked: optional(Schema.Number)
})

export interface VisitorsBlocked extends Schema.Schema.Type<typeof VisitorsBlocked> {}

const isList = (value: ReadonlyArray<VisitorsBlocked> | VisitorsBlocked): value is ReadonlyArray<VisitorsBlocked> =>
  Array.isArray(value)

/**
 * The counters of every block rule (`WebsiteVisitors.countBlocked`), always a
 * list: the Go client reads a list of counters, `crisp-api`'s types one counter;
 * a single counter decodes as a list of one.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const total = WebsiteVisitors.countBlocked("website-id").pipe(
 *   Effect.map((rules) => rules.reduce((sum, r) => sum + (r.blocked ?? 0), 0))
 * )
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const VisitorsBlockedList = Schema.transform(
  Schema.Union(Schema.Array(VisitorsBlocked), VisitorsBlocked),
  Schema.typeSchema(Schema.Array(VisitorsBlocked)),
  { strict: true, decode: (value) => (isList(value) ? value : [value]), encode: (list) => list }
)

/**
 * The counter of one block rule (`WebsiteVisitors.countBlockedInRule`):
 * `crisp-api`'s types say the answer is a bare number, the Go client reads a
 * counter object; a number decodes as `{ blocked: n }`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteVisitors } from "effect-crisp"
 *
 * const blocked = WebsiteVisitors.countBlockedInRule("website-id", "ip_range").pipe(
 *   Effect.map((counter) => counter.blocked ?? 0)
 * )
 * ```
 *
 * @since 0.2.0
 * @category visitors
 */
export const VisitorsBlockedInRule = Schema.transform(
  Schema.Union(VisitorsBlocked, Schema.Number),
  Schema.typeSchema(VisitorsBlocked),
  { strict: true, decode: (value) => (typeof value === "number" ? { blocked: value } : value), encode: (counter) => counter }
)
