/**
 * Conversations: the conversation itself, its metas and routing, and the bodies
 * and query options of the conversation routes.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
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
 * One verification of a conversation's visitor: which `identity` (email, phone, …)
 * was verified, by which `method`, with an `annotation`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const verification: Schemas.ConversationVerification = { identity: "email", method: "link" }
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationVerification = Schema.Struct({
  identity: optional(Schema.String),
  method: optional(Schema.String),
  annotation: optional(Schema.String)
})

export interface ConversationVerification extends Schema.Schema.Type<typeof ConversationVerification> {}

/**
 * A participant of a conversation: someone copied on it, such as an email
 * address (`{ type: "email", target: "jane@example.com" }`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const cc: Schemas.ConversationParticipant = { type: "email", target: "jane@example.com" }
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationParticipant = Schema.Struct({
  type: optional(Schema.String),
  target: optional(Schema.String)
})

export interface ConversationParticipant extends Schema.Schema.Type<typeof ConversationParticipant> {}

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
  verifications: optional(Schema.Array(ConversationVerification)),
  participants: optional(Schema.Array(ConversationParticipant)),
  mentions: optional(Schema.Array(Schema.String)),
  compose: optional(Schema.Struct({ operator: optional(ComposeAtom), visitor: optional(ComposeAtom) })),
  unread: optional(Schema.Struct({ operator: optional(Schema.Number), visitor: optional(Schema.Number) })),
  assigned: optional(Schema.Struct({ user_id: optional(Schema.String) })),
  meta: optional(ConversationMeta),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number),
  waiting_since: optional(Schema.Number)
})

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

export interface ConversationNew extends Schema.Schema.Type<typeof ConversationNew> {}

const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * A segment Crisp suggests for conversations (one that is in use), with the
 * number of conversations carrying it (`listSuggestedSegments`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const names = WebsiteConversations.listSuggestedSegments("website-id", 1).pipe(
 *   Effect.map((segments) => segments.map((s) => s.segment))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationSuggestedSegment = Schema.Struct({
  segment: optional(Schema.String),
  count: optional(Schema.Number)
})

export interface ConversationSuggestedSegment extends Schema.Schema.Type<typeof ConversationSuggestedSegment> {}

/**
 * A custom data key Crisp suggests for conversations (one that is in use), with
 * the number of conversations carrying it (`listSuggestedDataKeys`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const keys = WebsiteConversations.listSuggestedDataKeys("website-id", 1).pipe(
 *   Effect.map((suggested) => suggested.map((s) => s.key))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationSuggestedData = Schema.Struct({
  key: optional(Schema.String),
  count: optional(Schema.Number)
})

export interface ConversationSuggestedData extends Schema.Schema.Type<typeof ConversationSuggestedData> {}

const spamFields = {
  spam_id: optional(Schema.String),
  type: optional(Schema.String),
  reason: optional(Schema.String),
  metadata: optional(JsonObject),
  headers: optional(JsonObject),
  timestamp: optional(Schema.Number)
}

/**
 * A conversation Crisp held back as spam (`listSpams`): its `spam_id`, why it was
 * caught, and when. `metadata` and `headers` are free-form.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const reasons = WebsiteConversations.listSpams("website-id", 1).pipe(
 *   Effect.map((spams) => spams.map((s) => `${s.spam_id}: ${s.reason}`))
 * )
 * ```
 *
 * @since 0.2.0
 * @category spam
 */
export const ConversationSpam = Schema.Struct(spamFields)

export interface ConversationSpam extends Schema.Schema.Type<typeof ConversationSpam> {}

/**
 * A spam conversation with its held-back `content` (`resolveSpamContent`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const content = WebsiteConversations.resolveSpamContent("website-id", "spam-id").pipe(
 *   Effect.map((spam) => spam.content ?? {})
 * )
 * ```
 *
 * @since 0.2.0
 * @category spam
 */
export const ConversationSpamContent = Schema.Struct({ ...spamFields, content: optional(JsonObject) })

export interface ConversationSpamContent extends Schema.Schema.Type<typeof ConversationSpamContent> {}

/**
 * A page the visitor browsed during a conversation (`listPages`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const urls = WebsiteConversations.listPages("website-id", "session-id", 1).pipe(
 *   Effect.map((pages) => pages.map((p) => p.page_url))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationPage = Schema.Struct({
  page_title: optional(Schema.String),
  page_url: optional(Schema.String),
  page_referrer: optional(Schema.String),
  timestamp: optional(Schema.Number)
})

export interface ConversationPage extends Schema.Schema.Type<typeof ConversationPage> {}

/**
 * An event of a conversation's timeline (`listEvents`): a `text`, free-form
 * `data`, a `color` and a `timestamp`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const texts = WebsiteConversations.listEvents("website-id", "session-id", 1).pipe(
 *   Effect.map((events) => events.map((e) => e.text))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationEvent = Schema.Struct({
  text: optional(Schema.String),
  data: optional(JsonObject),
  color: optional(Schema.String),
  timestamp: optional(Schema.Number)
})

export interface ConversationEvent extends Schema.Schema.Type<typeof ConversationEvent> {}

/**
 * A file shared in a conversation (`listFiles`): its name, MIME type, URL and the
 * `fingerprint` of the message that carried it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const urls = WebsiteConversations.listFiles("website-id", "session-id", 1).pipe(
 *   Effect.map((files) => files.map((f) => f.url))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationFile = Schema.Struct({
  name: optional(Schema.String),
  type: optional(Schema.String),
  url: optional(Schema.String),
  fingerprint: optional(Schema.Number),
  timestamp: optional(Schema.Number)
})

export interface ConversationFile extends Schema.Schema.Type<typeof ConversationFile> {}

/**
 * A conversation's state as `getState` answers it: `{ state }`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const resolved = WebsiteConversations.getState("website-id", "session-id").pipe(
 *   Effect.map(({ state }) => state === "resolved")
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationStateData = Schema.Struct({ state: optional(ConversationState) })

export interface ConversationStateData extends Schema.Schema.Type<typeof ConversationStateData> {}

/**
 * How a conversation relates to others (`getRelations`): the `parent` it was
 * split from (or `null`) and its `children`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const children = WebsiteConversations.getRelations("website-id", "session-id").pipe(
 *   Effect.map((relations) => relations.conversations?.children ?? [])
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationRelations = Schema.Struct({
  conversations: optional(Schema.Struct({
    parent: optional(Schema.String),
    children: optional(Schema.Array(Schema.String))
  }))
})

export interface ConversationRelations extends Schema.Schema.Type<typeof ConversationRelations> {}

/**
 * The participants of a conversation (`getParticipants`): who else is copied on
 * it, each a `{ type, target }`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const emails = WebsiteConversations.getParticipants("website-id", "session-id").pipe(
 *   Effect.map(({ participants }) => (participants ?? []).map((p) => p.target))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationParticipants = Schema.Struct({
  participants: optional(Schema.Array(ConversationParticipant))
})

export interface ConversationParticipants extends Schema.Schema.Type<typeof ConversationParticipants> {}

/**
 * Whether a conversation's incoming messages are blocked (`getBlockStatus`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const blocked = WebsiteConversations.getBlockStatus("website-id", "session-id").pipe(
 *   Effect.map((status) => status.blocked === true)
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const ConversationBlock = Schema.Struct({ blocked: optional(Schema.Boolean) })

export interface ConversationBlock extends Schema.Schema.Type<typeof ConversationBlock> {}

/**
 * Whether a conversation's visitor is verified, and how (`getVerifyStatus`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const verified = WebsiteConversations.getVerifyStatus("website-id", "session-id").pipe(
 *   Effect.map((status) => status.verified === true)
 * )
 * ```
 *
 * @since 0.2.0
 * @category verification
 */
export const ConversationVerify = Schema.Struct({
  verified: optional(Schema.Boolean),
  verifications: optional(Schema.Array(ConversationVerification))
})

export interface ConversationVerify extends Schema.Schema.Type<typeof ConversationVerify> {}

/**
 * A co-browsing session of a conversation (`listBrowsingSessions`). The
 * `browsing_token` is a secret: it decodes as a `Redacted`, so it does not show
 * in logs; read it with `Redacted.value`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const ids = WebsiteConversations.listBrowsingSessions("website-id", "session-id").pipe(
 *   Effect.map((sessions) => sessions.map((s) => s.browsing_id))
 * )
 * ```
 *
 * @since 0.2.0
 * @category browsing
 */
export const ConversationBrowsing = Schema.Struct({
  browsing_id: optional(Schema.String),
  browsing_token: optional(Schema.Redacted(Schema.String)),
  useragent: optional(Schema.String)
})

export interface ConversationBrowsing extends Schema.Schema.Type<typeof ConversationBrowsing> {}

/**
 * The ongoing call of a conversation (`getOngoingCallSession`): its `call_id`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const callId = WebsiteConversations.getOngoingCallSession("website-id", "session-id").pipe(
 *   Effect.map((call) => call.call_id)
 * )
 * ```
 *
 * @since 0.2.0
 * @category calls
 */
export const ConversationCall = Schema.Struct({ call_id: optional(Schema.String) })

export interface ConversationCall extends Schema.Schema.Type<typeof ConversationCall> {}

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

export interface MessagesQuery extends Schema.Schema.Type<typeof MessagesQuery> {}

/**
 * Who performs a change, in the bodies that take a `user` (state, participants,
 * calls, reminders): shown as the author in the conversation's history.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const bot: Schemas.ActionUser = { type: "website", nickname: "Support bot" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ActionUser = Schema.Struct({
  type: Schema.optional(Schema.String),
  user_id: Schema.optional(Schema.String),
  nickname: Schema.optional(Schema.String),
  avatar: Schema.optional(Schema.String)
})

export interface ActionUser extends Schema.Schema.Type<typeof ActionUser> {}

/**
 * The body of `deleteSuggestedSegment`: `{ segment }`, the segment to forget.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.deleteSuggestedSegment("website-id", { segment: "old-campaign" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const SuggestedSegmentDeletion = Schema.Struct({ segment: Schema.String })

export interface SuggestedSegmentDeletion extends Schema.Schema.Type<typeof SuggestedSegmentDeletion> {}

/**
 * The body of `deleteSuggestedDataKey`: `{ key }`, the custom data key to forget.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.deleteSuggestedDataKey("website-id", { key: "legacy_plan" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const SuggestedDataKeyDeletion = Schema.Struct({ key: Schema.String })

export interface SuggestedDataKeyDeletion extends Schema.Schema.Type<typeof SuggestedDataKeyDeletion> {}

/**
 * The body of `submitSpamDecision`: `{ action }`, what to do with the held-back
 * conversation.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const decide = (spamId: string, action: string) =>
 *   WebsiteConversations.submitSpamDecision("website-id", spamId, { action })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const SpamDecision = Schema.Struct({ action: Schema.String })

export interface SpamDecision extends Schema.Schema.Type<typeof SpamDecision> {}

/**
 * The body of `markUnread`: `{ from? }`, whose side to mark unread.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.markUnread("website-id", "session-id", { from: "operator" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ConversationUnreadMark = Schema.Struct({ from: Schema.optional(MessageFrom) })

export interface ConversationUnreadMark extends Schema.Schema.Type<typeof ConversationUnreadMark> {}

/**
 * The body of `markMessagesDelivered`: `{ from?, origin?, fingerprints? }` (the
 * messages delivered; all of them when `fingerprints` is left out).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.markMessagesDelivered("website-id", "session-id", {
 *   from: "user", origin: "chat", fingerprints: [163408415]
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ConversationDeliveredMark = Schema.Struct({
  from: Schema.optional(MessageFrom),
  origin: Schema.optional(Schema.String),
  fingerprints: Schema.optional(Schema.Array(Schema.Int))
})

export interface ConversationDeliveredMark extends Schema.Schema.Type<typeof ConversationDeliveredMark> {}

/**
 * The body of `updateOpenState`: `{ opened }`, whether an operator has the
 * conversation open.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.ConversationOpenUpdate = { opened: true }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ConversationOpenUpdate = Schema.Struct({ opened: Schema.Boolean })

export interface ConversationOpenUpdate extends Schema.Schema.Type<typeof ConversationOpenUpdate> {}

/**
 * The body of `updateInbox`: `{ inbox_id }`, the inbox to move the conversation
 * to, or `null` to take it out of every inbox.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const outOfInboxes: Schemas.ConversationInboxUpdate = { inbox_id: null }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ConversationInboxUpdate = Schema.Struct({ inbox_id: Schema.NullOr(Schema.String) })

export interface ConversationInboxUpdate extends Schema.Schema.Type<typeof ConversationInboxUpdate> {}

/**
 * The body of `saveParticipants` (`PUT .../participants`): the whole list of
 * participants (it replaces the previous one), and who made the change.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.saveParticipants("website-id", "session-id", {
 *   participants: [{ type: "email", target: "jane@example.com" }]
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ConversationParticipantsSave = Schema.Struct({
  participants: Schema.optional(Schema.Array(Schema.Struct({
    type: Schema.optional(Schema.String),
    target: Schema.optional(Schema.String)
  }))),
  user: Schema.optional(ActionUser),
  origin: Schema.optional(Schema.String)
})

export interface ConversationParticipantsSave extends Schema.Schema.Type<typeof ConversationParticipantsSave> {}

/**
 * The body of `updateVerifyStatus`: `{ verified }`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.ConversationVerifyUpdate = { verified: true }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ConversationVerifyUpdate = Schema.Struct({ verified: Schema.Boolean })

export interface ConversationVerifyUpdate extends Schema.Schema.Type<typeof ConversationVerifyUpdate> {}

/**
 * Which identity of the visitor a verification is about: `"email"`, `"phone"`,
 * or a `urn:…` identity.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const identity: Schemas.VerifyIdentity = "email"
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const VerifyIdentity = Schema.Union(
  Schema.Literal("email", "phone"),
  Schema.TemplateLiteral(Schema.Literal("urn:"), Schema.String)
)

export type VerifyIdentity = typeof VerifyIdentity.Type

/**
 * The body of `requestIdentityVerification`: which `identity` to verify, by which
 * `method` (`"link"`), sent to which `recipient`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.requestIdentityVerification("website-id", "session-id", {
 *   identity: "email", method: "link", recipient: "jane@example.com"
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const IdentityVerificationRequest = Schema.Struct({
  identity: Schema.optional(VerifyIdentity),
  method: Schema.optional(Schema.Literal("link")),
  recipient: Schema.optional(Schema.String)
})

export interface IdentityVerificationRequest extends Schema.Schema.Type<typeof IdentityVerificationRequest> {}

/**
 * The body of `redeemIdentityVerificationLink`: the `identity`, the `token` from
 * the verification link, and its `recipient`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.redeemIdentityVerificationLink("website-id", "session-id", {
 *   identity: "email", token: "token-from-the-link", recipient: "jane@example.com"
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const IdentityVerificationRedeem = Schema.Struct({
  identity: Schema.optional(VerifyIdentity),
  token: Schema.optional(Schema.String),
  recipient: Schema.optional(Schema.String)
})

export interface IdentityVerificationRedeem extends Schema.Schema.Type<typeof IdentityVerificationRedeem> {}

/**
 * The body of `requestEmailTranscript`: send the transcript `to` the visitor
 * (`"user"`) or to an operator (`"operator"`), optionally at another `email`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.requestEmailTranscript("website-id", "session-id", { to: "user" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const TranscriptRequest = Schema.Struct({
  to: Schema.Literal("user", "operator"),
  email: Schema.optional(Schema.String)
})

export interface TranscriptRequest extends Schema.Schema.Type<typeof TranscriptRequest> {}

/**
 * The body of `sendActionToBrowsingSession`: `{ action }`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body = (action: string): Schemas.BrowsingAction => ({ action })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const BrowsingAction = Schema.Struct({ action: Schema.String })

export interface BrowsingAction extends Schema.Schema.Type<typeof BrowsingAction> {}

/**
 * A free-form JSON object, passed through as the body: the assist payload of
 * `assistBrowsingSession`, the signaling payload of `transmitCallSignaling`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const signal: Schemas.PassThroughBody = { type: "offer", sdp: "v=0…" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const PassThroughBody = JsonObject

export type PassThroughBody = typeof PassThroughBody.Type

/**
 * The body of `initiateCallSession`: the call `mode` (Crisp's client sends
 * `"audio"` by default), who starts it and from where.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.initiateCallSession("website-id", "session-id", { mode: "audio" })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const CallSessionNew = Schema.Struct({
  mode: Schema.String,
  user: Schema.optional(ActionUser),
  origin: Schema.optional(Schema.String)
})

export interface CallSessionNew extends Schema.Schema.Type<typeof CallSessionNew> {}

/**
 * The body of `abortOngoingCallSession`: who ends the call and from where (both optional).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const body: Schemas.CallSessionAbort = { user: { nickname: "Support" }, origin: "chat" }
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const CallSessionAbort = Schema.Struct({
  user: Schema.optional(ActionUser),
  origin: Schema.optional(Schema.String)
})

export interface CallSessionAbort extends Schema.Schema.Type<typeof CallSessionAbort> {}

/**
 * The body of `requestToolCall`: the tool `command` and its free-form `payload`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.requestToolCall("website-id", "session-id", {
 *   command: "lookup_order", payload: { order_id: "A-1042" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ToolCallRequest = Schema.Struct({
  command: Schema.String,
  payload: Schema.optional(JsonObject)
})

export interface ToolCallRequest extends Schema.Schema.Type<typeof ToolCallRequest> {}

const widgetItem = { section_id: Schema.String, item_id: Schema.String }

/**
 * The body of `deliverWidgetButtonAction`: which button of the plugin's widget
 * (`section_id`, `item_id`) was clicked, with its `data` and optional `value`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.deliverWidgetButtonAction("website-id", "session-id", "plugin-id", {
 *   section_id: "orders", item_id: "refund", data: { order_id: "A-1042" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const WidgetButtonAction = Schema.Struct({
  ...widgetItem,
  data: JsonObject,
  value: Schema.optional(Schema.String)
})

export interface WidgetButtonAction extends Schema.Schema.Type<typeof WidgetButtonAction> {}

/**
 * The body of `deliverWidgetDataFetchAction`: which item of the plugin's widget
 * asks for its data (`section_id`, `item_id`), with the request `data`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.deliverWidgetDataFetchAction("website-id", "session-id", "plugin-id", {
 *   section_id: "orders", item_id: "last_order", data: {}
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const WidgetDataFetchAction = Schema.Struct({ ...widgetItem, data: JsonObject })

export interface WidgetDataFetchAction extends Schema.Schema.Type<typeof WidgetDataFetchAction> {}

/**
 * The body of `deliverWidgetDataEditAction`: which field of the plugin's widget
 * was edited (`section_id`, `item_id`) and its new `value`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.deliverWidgetDataEditAction("website-id", "session-id", "plugin-id", {
 *   section_id: "profile", item_id: "company", value: "Acme"
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const WidgetDataEditAction = Schema.Struct({ ...widgetItem, value: Schema.String })

export interface WidgetDataEditAction extends Schema.Schema.Type<typeof WidgetDataEditAction> {}

/**
 * The body of `scheduleReminder`: when (`date`, ISO 8601) and what (`note`), who
 * sets it and from where.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.scheduleReminder("website-id", "session-id", {
 *   date: "2026-01-15T09:00:00.000Z", note: "Call Jane back about the refund"
 * })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ReminderNew = Schema.Struct({
  date: Schema.String,
  note: Schema.String,
  user: Schema.optional(ActionUser),
  origin: Schema.optional(Schema.String)
})

export interface ReminderNew extends Schema.Schema.Type<typeof ReminderNew> {}

/**
 * The body of `report`: `{ flag }`, why the conversation is reported.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const flag = (sessionId: string, flag: string) => WebsiteConversations.report("website-id", sessionId, { flag })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const ConversationReport = Schema.Struct({ flag: Schema.String })

export interface ConversationReport extends Schema.Schema.Type<typeof ConversationReport> {}
