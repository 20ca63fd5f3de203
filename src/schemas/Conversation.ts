/**
 * Conversations: the conversation itself, its metas and routing, and the bodies
 * and query options of the conversation routes.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { optional, ScalarRecord } from "./fields.js"
import { Flag, FilterSearchQuery, PerPage, SearchOperator } from "./Search.js"

/**
 * A conversation's state.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const done: Schemas.ConversationState = "resolved"
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const ConversationState = Schema.Literal("pending", "unresolved", "resolved")

/**
 * The type {@link ConversationState} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationState = Schema.decodeUnknownSync(Schemas.ConversationState)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export type ConversationState = typeof ConversationState.Type

const Coordinates = Schema.Struct({
  latitude: optional(Schema.Number),
  longitude: optional(Schema.Number)
})

/**
 * Network details of a visitor: `isp`, `asn`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const connection: Schemas.ConnectionInfo = { isp: "Example ISP" }
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const ConnectionInfo = Schema.Struct({
  isp: optional(Schema.String),
  asn: optional(Schema.String)
})

/**
 * The type {@link ConnectionInfo} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConnectionInfo = Schema.decodeUnknownSync(Schemas.ConnectionInfo)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export interface ConnectionInfo extends Schema.Schema.Type<typeof ConnectionInfo> {}

/**
 * Device details of a visitor: capabilities, geolocation, system, timezone, locales.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const device: Schemas.DeviceInfo = { locales: ["en"], timezone: -60 }
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const DeviceInfo = Schema.Struct({
  capabilities: optional(Schema.Array(Schema.String)),
  geolocation: optional(Schema.Struct({
    country: optional(Schema.String),
    region: optional(Schema.String),
    city: optional(Schema.String),
    coordinates: optional(Coordinates)
  })),
  system: optional(Schema.Struct({
    os: optional(Schema.Struct({ name: optional(Schema.String), version: optional(Schema.String) })),
    engine: optional(Schema.Struct({ name: optional(Schema.String), version: optional(Schema.String) })),
    browser: optional(Schema.Struct({
      name: optional(Schema.String),
      version: optional(Schema.String),
      major: optional(Schema.String)
    })),
    useragent: optional(Schema.String)
  })),
  timezone: optional(Schema.Number),
  locales: optional(Schema.Array(Schema.String))
})

/**
 * The type {@link DeviceInfo} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.DeviceInfo = Schema.decodeUnknownSync(Schemas.DeviceInfo)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export interface DeviceInfo extends Schema.Schema.Type<typeof DeviceInfo> {}

const metaFields = {
  nickname: optional(Schema.String),
  email: optional(Schema.String),
  phone: optional(Schema.String),
  address: optional(Schema.String),
  subject: optional(Schema.String),
  avatar: optional(Schema.String),
  ip: optional(Schema.String),
  origin: optional(Schema.String),
  data: optional(ScalarRecord),
  segments: optional(Schema.Array(Schema.String)),
  connection: optional(ConnectionInfo),
  device: optional(DeviceInfo)
}

/**
 * A conversation's metas (`GET .../conversation/{session_id}/meta`): who the
 * visitor is and what is known about them.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const email = WebsiteConversations.getMeta("website-id", "session-id").pipe(
 *   Effect.map((meta) => meta.email ?? "unknown")
 * )
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const ConversationMeta = Schema.Struct(metaFields)

/**
 * The type {@link ConversationMeta} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationMeta = Schema.decodeUnknownSync(Schemas.ConversationMeta)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export interface ConversationMeta extends Schema.Schema.Type<typeof ConversationMeta> {}

/**
 * The assignment of a conversation (`GET .../routing`): `assigned.user_id` is the
 * operator the conversation is routed to.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const operator = WebsiteConversations.getRouting("website-id", "session-id").pipe(
 *   Effect.map((routing) => routing.assigned?.user_id)
 * )
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const ConversationRouting = Schema.Struct({
  assigned: optional(Schema.Struct({ user_id: optional(Schema.String) }))
})

/**
 * The type {@link ConversationRouting} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationRouting = Schema.decodeUnknownSync(Schemas.ConversationRouting)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export interface ConversationRouting extends Schema.Schema.Type<typeof ConversationRouting> {}

const ComposeAtom = Schema.Struct({
  type: optional(Schema.String),
  excerpt: optional(Schema.String),
  timestamp: optional(Schema.Number),
  automated: optional(Schema.Boolean),
  user: optional(Schema.Struct({
    user_id: optional(Schema.String),
    nickname: optional(Schema.String),
    avatar: optional(Schema.String)
  }))
})

/**
 * A conversation as the list and get routes return it. Only `session_id` and
 * `website_id` are always there; every other field is optional.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const state = WebsiteConversations.getOne("website-id", "session-id").pipe(
 *   Effect.map((conversation) => conversation.state)
 * )
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const Conversation = Schema.Struct({
  session_id: Schema.String,
  website_id: Schema.String,
  inbox_id: optional(Schema.String),
  people_id: optional(Schema.String),
  state: optional(ConversationState),
  status: optional(Schema.Number),
  is_verified: optional(Schema.Boolean),
  is_blocked: optional(Schema.Boolean),
  availability: optional(Schema.String),
  active: optional(Schema.Struct({ now: optional(Schema.Boolean), last: optional(Schema.Number) })),
  last_message: optional(Schema.String),
  preview_message: optional(Schema.Struct({
    type: optional(Schema.String),
    from: optional(Schema.String),
    excerpt: optional(Schema.String),
    fingerprint: optional(Schema.Number)
  })),
  topic: optional(Schema.String),
  verifications: optional(Schema.Array(Schema.Struct({
    identity: optional(Schema.String),
    method: optional(Schema.String),
    annotation: optional(Schema.String)
  }))),
  participants: optional(Schema.Array(Schema.Struct({
    type: optional(Schema.String),
    target: optional(Schema.String)
  }))),
  mentions: optional(Schema.Array(Schema.String)),
  compose: optional(Schema.Struct({ operator: optional(ComposeAtom), visitor: optional(ComposeAtom) })),
  unread: optional(Schema.Struct({ operator: optional(Schema.Number), visitor: optional(Schema.Number) })),
  assigned: optional(Schema.Struct({ user_id: optional(Schema.String) })),
  meta: optional(ConversationMeta),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number),
  waiting_since: optional(Schema.Number)
})

/**
 * The type {@link Conversation} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.Conversation = Schema.decodeUnknownSync(Schemas.Conversation)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export interface Conversation extends Schema.Schema.Type<typeof Conversation> {}

/**
 * What `WebsiteConversations.create` answers: the new `session_id`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const sessionId = WebsiteConversations.create("website-id").pipe(Effect.map((c) => c.session_id))
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const ConversationNew = Schema.Struct({ session_id: Schema.String })

/**
 * The type {@link ConversationNew} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationNew = Schema.decodeUnknownSync(Schemas.ConversationNew)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export interface ConversationNew extends Schema.Schema.Type<typeof ConversationNew> {}

// ---------------------------------------------------------------------------
// Request bodies and query options
// ---------------------------------------------------------------------------

/**
 * The body of `updateMeta` (`PATCH .../meta`): only the fields given are changed.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.updateMeta("website-id", "session-id", {
 *   nickname: "Jane", email: "jane@example.com", data: { plan: "pro" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const ConversationMetaUpdate = Schema.Struct({
  nickname: Schema.optional(Schema.String),
  email: Schema.optional(Schema.String),
  phone: Schema.optional(Schema.String),
  address: Schema.optional(Schema.String),
  subject: Schema.optional(Schema.String),
  avatar: Schema.optional(Schema.String),
  ip: Schema.optional(Schema.String),
  origin: Schema.optional(Schema.String),
  data: Schema.optional(ScalarRecord),
  segments: Schema.optional(Schema.Array(Schema.String)),
  connection: Schema.optional(ConnectionInfo),
  device: Schema.optional(DeviceInfo)
})

/**
 * The type {@link ConversationMetaUpdate} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationMetaUpdate = Schema.decodeUnknownSync(Schemas.ConversationMetaUpdate)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export interface ConversationMetaUpdate extends Schema.Schema.Type<typeof ConversationMetaUpdate> {}

/**
 * The body of `setState`: `{ state }`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.ConversationStateUpdate = { state: "resolved" }
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const ConversationStateUpdate = Schema.Struct({ state: ConversationState })

/**
 * The type {@link ConversationStateUpdate} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationStateUpdate = Schema.decodeUnknownSync(Schemas.ConversationStateUpdate)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export interface ConversationStateUpdate extends Schema.Schema.Type<typeof ConversationStateUpdate> {}

/**
 * The body of `setRouting` (`PATCH .../routing`): `{ assigned: { user_id }, silent? }`.
 * `user_id` is the operator to assign.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.setRouting("website-id", "session-id", { assigned: { user_id: "operator-id" } })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const ConversationRoutingUpdate = Schema.Struct({
  assigned: Schema.Struct({ user_id: Schema.String }),
  silent: Schema.optional(Schema.Boolean)
})

/**
 * The type {@link ConversationRoutingUpdate} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationRoutingUpdate = Schema.decodeUnknownSync(Schemas.ConversationRoutingUpdate)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export interface ConversationRoutingUpdate extends Schema.Schema.Type<typeof ConversationRoutingUpdate> {}

/**
 * The body of `setBlock`: `{ blocked }`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.ConversationBlockUpdate = { blocked: true }
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const ConversationBlockUpdate = Schema.Struct({ blocked: Schema.Boolean })

/**
 * The type {@link ConversationBlockUpdate} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationBlockUpdate = Schema.decodeUnknownSync(Schemas.ConversationBlockUpdate)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export interface ConversationBlockUpdate extends Schema.Schema.Type<typeof ConversationBlockUpdate> {}

/**
 * Who acknowledges messages: the visitor (`"user"`) or an operator (`"operator"`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const from: Schemas.MessageFrom = "operator"
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const MessageFrom = Schema.Literal("user", "operator")

/**
 * The type {@link MessageFrom} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.MessageFrom = Schema.decodeUnknownSync(Schemas.MessageFrom)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export type MessageFrom = typeof MessageFrom.Type

/**
 * The body of `acknowledgeMessages` (`PATCH .../read`): `{ from, origin, fingerprints }`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.ConversationReadMark = { from: "operator", origin: "chat", fingerprints: [163408415] }
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const ConversationReadMark = Schema.Struct({
  from: MessageFrom,
  origin: Schema.String,
  fingerprints: Schema.Array(Schema.Int)
})

/**
 * The type {@link ConversationReadMark} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationReadMark = Schema.decodeUnknownSync(Schemas.ConversationReadMark)
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export interface ConversationReadMark extends Schema.Schema.Type<typeof ConversationReadMark> {}

/**
 * Query options of the conversation list (`GET .../conversations/{page_number}`):
 * page size, filters, ordering and search. Every field is optional; `per_page` is
 * an integer from 20 to 50. A filter search sends `search_type: "filter"` with an
 * array of criteria in `search_query` (sent JSON-encoded).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.getList("website-id", 1, { per_page: 50, filter_unread: 1 })
 * ```
 *
 * @since 0.1.0
 * @category query options
 */
export const ConversationsListOptions = Schema.Struct({
  per_page: Schema.optional(PerPage),
  include_empty: Schema.optional(Flag),
  filter_inbox_id: Schema.optional(Schema.String),
  filter_unread: Schema.optional(Flag),
  filter_resolved: Schema.optional(Flag),
  filter_not_resolved: Schema.optional(Flag),
  filter_mention: Schema.optional(Flag),
  filter_assigned: Schema.optional(Schema.String),
  filter_unassigned: Schema.optional(Flag),
  filter_date_start: Schema.optional(Schema.String),
  filter_date_end: Schema.optional(Schema.String),
  order_date_created: Schema.optional(Flag),
  order_date_updated: Schema.optional(Flag),
  order_date_waiting: Schema.optional(Flag),
  search_type: Schema.optional(Schema.Literal("text", "segment", "filter")),
  search_query: Schema.optional(Schema.Union(Schema.String, Schema.Array(FilterSearchQuery))),
  search_operator: Schema.optional(SearchOperator)
})

/**
 * The type {@link ConversationsListOptions} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.ConversationsListOptions = Schema.decodeUnknownSync(Schemas.ConversationsListOptions)
 * ```
 *
 * @since 0.1.0
 * @category query options
 */
export interface ConversationsListOptions extends Schema.Schema.Type<typeof ConversationsListOptions> {}

/**
 * Query options of `getMessages`: message history is paged by timestamp
 * (milliseconds), not by page number. Give one of the three.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.getMessages("website-id", "session-id", { timestamp_before: 1700000000000 })
 * ```
 *
 * @since 0.1.0
 * @category query options
 */
export const MessagesQuery = Schema.Struct({
  timestamp_before: Schema.optional(Schema.Number),
  timestamp_after: Schema.optional(Schema.Number),
  timestamp_around: Schema.optional(Schema.Number)
})

/**
 * The type {@link MessagesQuery} decodes to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schemas } from "effect-crisp"
 *
 * const decode: (input: unknown) => Schemas.MessagesQuery = Schema.decodeUnknownSync(Schemas.MessagesQuery)
 * ```
 *
 * @since 0.1.0
 * @category query options
 */
export interface MessagesQuery extends Schema.Schema.Type<typeof MessagesQuery> {}
