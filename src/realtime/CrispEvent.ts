/**
 * The realtime events Crisp delivers, by name, with one payload Schema each, and
 * {@link decode}: the single, synchronous, never-throwing step that turns a raw
 * `(name, data)` pair (from the RTM socket, a Web Hook body or a test) into a
 * {@link CrispEvent}.
 *
 * Payload Schemas follow the `crisp-api@11.3.0` event types and are lenient the way
 * Crisp's payloads require: unknown fields are ignored (and kept on the object, not
 * in its type), optional fields may be missing, a wrong type on a declared field
 * makes the event `"Malformed"`. `inbox_id` is optional everywhere: Crisp's own
 * documented `message:send` payload does not carry it. `fingerprint` and
 * timestamps are numbers (milliseconds since the epoch).
 *
 * @example
 * ```ts
 * import { CrispEvent } from "effect-crisp/realtime"
 *
 * const event = CrispEvent.decode("message:send", {
 *   website_id: "w", session_id: "s", type: "text", content: "Hey :)", from: "user",
 *   origin: "chat", fingerprint: 150698569649423, timestamp: 1506985696616, user: {}
 * })
 * if (event._tag === "Event" && event.name === "message:send" && event.data.type === "text") {
 *   console.log(event.data.content)
 * }
 * ```
 *
 * @since 0.1.0
 */
import { ParseResult, Schema } from "effect"
import { compile as compileValidator } from "../internal/realtime/validator.js"
import { describeIssue } from "../internal/schemaIssue.js"

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

const Str = Schema.String
const Num = Schema.Number
const Bool = Schema.Boolean
const opt = Schema.optional
const Scalars = Schema.Record({ key: Str, value: Schema.Union(Str, Num, Bool) })
const AnyRecord = Schema.Record({ key: Str, value: Schema.Unknown })

const websiteFields = { website_id: Str }
const sessionFields = {
  website_id: Str,
  session_id: Str,
  /** Absent from older payloads (Crisp's documented `message:send` example has none). */
  inbox_id: opt(Schema.NullOr(Str))
}

const Website = <F extends Schema.Struct.Fields>(fields: F) => Schema.Struct({ ...websiteFields, ...fields })
const Session = <F extends Schema.Struct.Fields>(fields: F) => Schema.Struct({ ...sessionFields, ...fields })

const Geolocation = Schema.Struct({
  country: opt(Str),
  region: opt(Str),
  city: opt(Str),
  coordinates: opt(Schema.Struct({ latitude: opt(Num), longitude: opt(Num) }))
})

const Operator = Schema.Struct({ user_id: Str, avatar: opt(Schema.NullOr(Str)), nickname: opt(Str) })

const MessageUser = Schema.Struct({ type: opt(Str), user_id: opt(Str), nickname: opt(Str), avatar: opt(Str) })

const FileContent = Schema.Struct({ name: opt(Str), url: opt(Str), type: opt(Str) })
const AnimationContent = Schema.Struct({ url: opt(Str), type: opt(Str) })
const AudioContent = Schema.Struct({ url: opt(Str), type: opt(Str), duration: opt(Num) })
const PickerContent = Schema.Struct({
  id: opt(Str),
  text: opt(Str),
  choices: opt(Schema.Array(Schema.Struct({
    value: opt(Str),
    icon: opt(Str),
    label: opt(Str),
    selected: opt(Bool),
    action: opt(Schema.Struct({ type: opt(Str), target: opt(Str) }))
  }))),
  required: opt(Bool)
})
const FieldContent = Schema.Struct({
  id: opt(Str),
  text: opt(Str),
  explain: opt(Str),
  value: opt(Str),
  required: opt(Bool)
})
const CarouselContent = Schema.Struct({
  text: opt(Str),
  targets: opt(Schema.Array(Schema.Struct({
    title: opt(Str),
    description: opt(Str),
    image: opt(Str),
    actions: opt(Schema.Array(Schema.Struct({ label: opt(Str), url: opt(Str) })))
  })))
})
const EventContent = Schema.Struct({ namespace: opt(Str), text: opt(Str) })

const messageFields = {
  ...sessionFields,
  from: Str,
  origin: Str,
  fingerprint: Num,
  timestamp: Num,
  user: MessageUser,
  mentions: opt(Schema.Array(Str)),
  stamped: opt(Bool),
  automated: opt(Bool)
}
const Message = <T extends string, C extends Schema.Schema.Any>(type: T, content: C) =>
  Schema.Struct({ ...messageFields, type: Schema.Literal(type), content })

const MessageText = Message("text", Str)
const MessageNote = Message("note", Str)
const MessageFile = Message("file", FileContent)
const MessageAnimation = Message("animation", AnimationContent)
const MessageAudio = Message("audio", AudioContent)
const MessagePicker = Message("picker", PickerContent)
const MessageField = Message("field", FieldContent)
const MessageCarousel = Message("carousel", CarouselContent)
const MessageEvent = Message("event", EventContent)

const MessageSend = Schema.Union(
  MessageText,
  MessageFile,
  MessageAnimation,
  MessageAudio,
  MessagePicker,
  MessageField,
  MessageCarousel
)
const MessageReceived = Schema.Union(
  MessageText,
  MessageNote,
  MessageFile,
  MessageAnimation,
  MessageAudio,
  MessagePicker,
  MessageField,
  MessageCarousel,
  MessageEvent
)

const Acknowledge = Session({ origin: Str, fingerprints: Schema.Array(Num) })

const Employment = Schema.Struct({ domain: opt(Str), name: opt(Str), role: opt(Str), title: opt(Str) })
const Person = Schema.Struct({
  geolocation: opt(Geolocation),
  locales: opt(Schema.Array(Str)),
  nickname: opt(Str),
  timezone: opt(Num),
  phone: opt(Str),
  avatar: opt(Str),
  employment: opt(Employment),
  address: opt(Str),
  website: opt(Str),
  gender: opt(Str)
})
const Company = Schema.Struct({
  description: opt(Str),
  domain: opt(Str),
  geolocation: opt(Geolocation),
  legal_name: opt(Str),
  name: opt(Str),
  url: opt(Str)
})

const BucketUrlGenerated = Schema.Struct({
  from: Str,
  id: Str,
  identifier: Str,
  resource: Schema.Struct({ type: Str, id: Str }),
  policy: Schema.Struct({ size_limit: Num }),
  type: Str,
  url: Schema.Struct({ resource: Str, signed: Str })
})

const Availability = Schema.Literal("online", "offline")

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

/**
 * The payload Schema of every event name, by name. Each decodes the event's `data`
 * object.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CrispEvent } from "effect-crisp/realtime"
 *
 * const isSend = Schema.is(CrispEvent.Payloads["message:send"])
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const Payloads = {
  "session:update_availability": Session({ availability: Availability }),
  "session:update_verify": Session({
    is_verified: Bool,
    verifications: Schema.Array(Schema.Struct({ identity: Str, method: Str, annotation: Str })),
    routing_ids: opt(Schema.Array(Str)),
    error: opt(Schema.Literal("unknown"))
  }),
  "session:request:initiated": Session({}),
  "session:set_email": Session({ email: Str }),
  "session:set_phone": Session({ phone: Str }),
  "session:set_address": Session({ address: Str }),
  "session:set_subject": Session({ subject: Str }),
  "session:set_avatar": Session({ avatar: Str }),
  "session:set_nickname": Session({ nickname: Str }),
  "session:set_origin": Session({ origin: Str }),
  "session:set_data": Session({ data: Scalars }),
  "session:sync:pages": Session({
    pages: Schema.Array(Schema.Struct({ page_url: Str, page_title: Str, timestamp: Num }))
  }),
  "session:sync:events": Session({
    events: Schema.Array(Schema.Struct({ text: Str, data: opt(Scalars), color: opt(Str), timestamp: Num }))
  }),
  "session:sync:capabilities": Session({ capabilities: Schema.Array(Str) }),
  "session:sync:geolocation": Session({ geolocation: Geolocation }),
  "session:sync:system": Session({
    system: Schema.Struct({
      os: opt(Schema.Struct({ version: opt(Str), name: opt(Str) })),
      engine: opt(Schema.Struct({ name: opt(Str), version: opt(Str) })),
      browser: opt(Schema.Struct({ major: opt(Str), version: opt(Str), name: opt(Str) })),
      useragent: opt(Str)
    })
  }),
  "session:sync:network": Session({
    network: Schema.Struct({ ip: Str, connection: opt(Schema.Struct({ isp: opt(Str), asn: opt(Str) })) })
  }),
  "session:sync:timezone": Session({ timezone: Schema.Struct({ offset: Num }) }),
  "session:sync:locales": Session({ locales: Schema.Struct({ locales: Schema.Array(Str) }) }),
  "session:sync:rating": Session({ rating: Schema.Struct({ stars: Num, comment: opt(Str) }) }),
  "session:sync:topic": Session({ topic: Str }),
  "session:set_state": Session({ state: Schema.Literal("pending", "unresolved", "resolved") }),
  "session:set_block": Session({ is_blocked: Bool }),
  "session:set_segments": Session({ segments: Schema.Array(Str) }),
  "session:set_opened": Session({ operator: Operator }),
  "session:set_closed": Session({ operator: Operator }),
  "session:set_participants": Session({ participants: Schema.Array(Schema.Struct({ target: Str, type: Str })) }),
  "session:set_mentions": Session({ mentions: Schema.Array(Str) }),
  "session:set_routing": Session({ routing_id: Schema.NullOr(Str), previous_routing_id: Schema.NullOr(Str) }),
  "session:set_inbox": Session({ previous_inbox_id: Schema.NullOr(Str) }),
  "session:removed": Session({}),
  "session:error": Session({ type: Str, value: Str, previous_value: Str }),
  "message:updated": Session({ fingerprint: Num, content: Schema.Union(Str, PickerContent) }),
  "message:send": MessageSend,
  "message:received": MessageReceived,
  "message:removed": Session({ fingerprint: Num }),
  "message:compose:send": Session({ type: Schema.Literal("start", "stop"), excerpt: opt(Str), timestamp: Num }),
  "message:compose:receive": Session({
    type: Schema.Literal("start", "stop"),
    excerpt: opt(Str),
    timestamp: Num,
    user: MessageUser
  }),
  "message:acknowledge:read:send": Acknowledge,
  "message:acknowledge:read:received": Acknowledge,
  "message:acknowledge:unread:send": Acknowledge,
  "message:acknowledge:delivered": Acknowledge,
  "message:acknowledge:ignored": Session({
    origin: Str,
    fingerprints: Schema.Array(Num),
    details: opt(Schema.Struct({ type: Str, reason: Str }))
  }),
  "message:notify:unread:send": Session({}),
  "message:notify:unread:received": Session({}),
  "spam:message": Website({
    spam_id: Str,
    type: Str,
    reason: Str,
    metadata: opt(AnyRecord),
    headers: opt(Schema.Record({ key: Str, value: Str })),
    timestamp: Num
  }),
  "spam:decision": Website({ spam_id: Str, action: Str }),
  "people:profile:created": Website({ people_id: Str, email: opt(Str) }),
  "people:profile:updated": Website({
    people_id: Str,
    email: opt(Str),
    update: Schema.Struct({ updated_at: Num, person: Person })
  }),
  "people:profile:removed": Website({ people_id: Str }),
  "people:bind:session": Session({ people_id: Str }),
  "people:sync:profile": Session({
    people_id: Str,
    identity: Schema.Struct({ person: opt(Person), company: opt(Company) })
  }),
  "people:import:progress": Website({
    people_id: opt(Str),
    progress: Num,
    count: Schema.Struct({ skipped: Num, remaining: Num }),
    items: opt(Schema.Struct({
      skipped: opt(Schema.Array(Schema.Struct({ identifier: Schema.NullOr(Str), reason: Str })))
    }))
  }),
  "people:import:done": Website({ people_id: opt(Str), error: Bool }),
  "campaign:progress": Website({ campaign_id: Str, progress: Num }),
  "campaign:dispatched": Website({ campaign_id: Str }),
  "campaign:running": Website({ campaign_id: Str, running: Bool }),
  "browsing:request:initiated": Session({ browsing_id: Str, browsing_token: Str }),
  "browsing:request:rejected": Session({}),
  "call:request:initiated": Session({ call_id: Str }),
  "call:request:rejected": Session({ call_id: Str }),
  "identity:verify:request": Website({
    plugin_id: Str,
    session_id: Str,
    target: Str,
    code: Str,
    confirm_url: Str
  }),
  "status:health:changed": Website({
    health: Schema.Literal("healthy", "sick", "dead"),
    nodes: Schema.Array(Schema.Struct({ label: Str, replica: Str }))
  }),
  "website:update_visitors_count": Website({ visitors_count: Num }),
  "website:update_operators_availability": Website({
    user_id: Str,
    availability: Schema.Struct({ type: Availability })
  }),
  "website:users:available": Website({ available: Bool }),
  "bucket:url:upload:generated": BucketUrlGenerated,
  "bucket:url:avatar:generated": BucketUrlGenerated,
  "bucket:url:website:generated": BucketUrlGenerated,
  "bucket:url:campaign:generated": BucketUrlGenerated,
  "bucket:url:helpdesk:generated": BucketUrlGenerated,
  "bucket:url:status:generated": BucketUrlGenerated,
  "bucket:url:processing:generated": BucketUrlGenerated,
  "media:animation:listed": Schema.Struct({
    id: Num,
    identifier: Str,
    results: Schema.Array(Schema.Struct({ type: Str, url: Str }))
  }),
  "email:subscribe": Website({ email: Str, subscribed: Bool }),
  "email:track:view": Website({ type: Str, identifier: Str, mode: Str }),
  "plugin:channel": Website({
    type: opt(Str),
    plugin_id: Str,
    identifier: Str,
    namespace: Str,
    payload: Schema.Unknown
  }),
  "plugin:event": Website({ plugin_id: Str, urn: Str, name: Str, data: AnyRecord }),
  "plugin:subscription:updated": Website({ plugin_id: Str, bound: Bool, target: Str }),
  "plugin:settings:saved": Website({ plugin_id: Str, settings: AnyRecord }),
  "plan:subscription:updated": Website({
    plan: Schema.Struct({ id: Str, name: Str, price: opt(Num), trialing: Bool })
  }),
  "widget:action:processed": Session({
    plugin_id: Str,
    correlation_id: Str,
    outcome: Schema.Literal("success", "failure"),
    result: opt(AnyRecord)
  })
} as const

/**
 * Every event name Crisp's RTM API and Web Hooks deliver today (the 82 names of
 * `crisp-api@11.3.0`'s typed event map, `widget:action:processed` included).
 *
 * @example
 * ```ts
 * import { CrispEvent } from "effect-crisp/realtime"
 *
 * const sessionEvents = CrispEvent.EventNames.filter((name) => name.startsWith("session:"))
 * ```
 *
 * @since 0.1.0
 * @category names
 */
export const EventNames = [
  "session:update_availability",
  "session:update_verify",
  "session:request:initiated",
  "session:set_email",
  "session:set_phone",
  "session:set_address",
  "session:set_subject",
  "session:set_avatar",
  "session:set_nickname",
  "session:set_origin",
  "session:set_data",
  "session:sync:pages",
  "session:sync:events",
  "session:sync:capabilities",
  "session:sync:geolocation",
  "session:sync:system",
  "session:sync:network",
  "session:sync:timezone",
  "session:sync:locales",
  "session:sync:rating",
  "session:sync:topic",
  "session:set_state",
  "session:set_block",
  "session:set_segments",
  "session:set_opened",
  "session:set_closed",
  "session:set_participants",
  "session:set_mentions",
  "session:set_routing",
  "session:set_inbox",
  "session:removed",
  "session:error",
  "message:updated",
  "message:send",
  "message:received",
  "message:removed",
  "message:compose:send",
  "message:compose:receive",
  "message:acknowledge:read:send",
  "message:acknowledge:read:received",
  "message:acknowledge:unread:send",
  "message:acknowledge:delivered",
  "message:acknowledge:ignored",
  "message:notify:unread:send",
  "message:notify:unread:received",
  "spam:message",
  "spam:decision",
  "people:profile:created",
  "people:profile:updated",
  "people:profile:removed",
  "people:bind:session",
  "people:sync:profile",
  "people:import:progress",
  "people:import:done",
  "campaign:progress",
  "campaign:dispatched",
  "campaign:running",
  "browsing:request:initiated",
  "browsing:request:rejected",
  "call:request:initiated",
  "call:request:rejected",
  "identity:verify:request",
  "status:health:changed",
  "website:update_visitors_count",
  "website:update_operators_availability",
  "website:users:available",
  "bucket:url:upload:generated",
  "bucket:url:avatar:generated",
  "bucket:url:website:generated",
  "bucket:url:campaign:generated",
  "bucket:url:helpdesk:generated",
  "bucket:url:status:generated",
  "bucket:url:processing:generated",
  "media:animation:listed",
  "email:subscribe",
  "email:track:view",
  "plugin:channel",
  "plugin:event",
  "plugin:subscription:updated",
  "plugin:settings:saved",
  "plan:subscription:updated",
  "widget:action:processed"
] as const satisfies ReadonlyArray<keyof typeof Payloads>

/**
 * One of the {@link EventNames}.
 *
 * @example
 * ```ts
 * import type { CrispEvent } from "effect-crisp/realtime"
 *
 * const watched: ReadonlyArray<CrispEvent.EventName> = ["message:send", "session:set_state"]
 * ```
 *
 * @since 0.1.0
 * @category names
 */
export type EventName = (typeof EventNames)[number]

// Compile-time check: the name list and the Schema table have exactly the same keys.
type _SameKeys = [Exclude<keyof typeof Payloads, EventName>] extends [never] ? true : never
const _sameKeys: _SameKeys = true
void _sameKeys

/**
 * The decoded payload (`data`) of the event `N`.
 *
 * @example
 * ```ts
 * import type { CrispEvent } from "effect-crisp/realtime"
 *
 * const greet = (message: CrispEvent.Payload<"message:send">) => `${message.session_id}: ${message.type}`
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Payload<N extends EventName> = Schema.Schema.Type<(typeof Payloads)[N]>

/**
 * Where and how an event arrived. Web Hooks fill `attempt` / `attemptLimit` from
 * `X-Delivery-Attempt-Count` / `X-Delivery-Attempt-Limit`, and `websiteId` /
 * `timestamp` (milliseconds) from the hook envelope.
 *
 * @example
 * ```ts
 * import type { CrispEvent } from "effect-crisp/realtime"
 *
 * const delivery: CrispEvent.Delivery = { source: "webhook", attempt: 1, attemptLimit: 5 }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Delivery {
  readonly source: "rtm" | "webhook" | "test"
  readonly attempt?: number
  readonly attemptLimit?: number
  readonly websiteId?: string
  readonly timestamp?: number
}

/**
 * A known event whose payload matched its Schema. Distributed over `N`, so that
 * checking `name` narrows `data`.
 *
 * @example
 * ```ts
 * import type { CrispEvent } from "effect-crisp/realtime"
 *
 * const text = (event: CrispEvent.KnownEvent) =>
 *   event.name === "message:send" && event.data.type === "text" ? event.data.content : undefined
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type KnownEvent<N extends EventName = EventName> = N extends EventName ? {
    readonly _tag: "Event"
    readonly name: N
    readonly data: Payload<N>
    readonly delivery?: Delivery
  }
  : never

/**
 * An event whose name is not one of the {@link EventNames}: passed through with its
 * raw data.
 *
 * @example
 * ```ts
 * import type { CrispEvent } from "effect-crisp/realtime"
 *
 * const describe = (event: CrispEvent.UnknownEvent) => `new event ${event.name}`
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownEvent {
  readonly _tag: "Unknown"
  readonly name: string
  readonly data: unknown
  readonly delivery?: Delivery
}

/**
 * A known event whose payload failed its Schema. `issue` names the offending field
 * and the expected type; it never contains payload values.
 *
 * @example
 * ```ts
 * import type { CrispEvent } from "effect-crisp/realtime"
 *
 * const describe = (event: CrispEvent.MalformedEvent) => `${event.name}: ${event.issue}`
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface MalformedEvent {
  readonly _tag: "Malformed"
  readonly name: EventName
  readonly data: unknown
  readonly issue: string
  readonly delivery?: Delivery
}

/**
 * Everything an events source can deliver.
 *
 * @example
 * ```ts
 * import type { CrispEvent } from "effect-crisp/realtime"
 *
 * const label = (event: CrispEvent.CrispEvent): string => {
 *   switch (event._tag) {
 *     case "Event": return event.name
 *     case "Unknown": return `unknown ${event.name}`
 *     case "Malformed": return `malformed ${event.name}: ${event.issue}`
 *   }
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type CrispEvent = KnownEvent | UnknownEvent | MalformedEvent

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

interface Compiled {
  readonly is: (u: unknown) => boolean
  readonly decode: (u: unknown) => ParseResult.ParseIssue | undefined
}

const compile = (schema: Schema.Schema.AnyNoContext): Compiled => {
  // The Schemas have no transformations (Type = Encoded), so validating is enough on
  // the hot path: the received object is passed through as is. The check is compiled
  // to a plain predicate equivalent to `Schema.is(schema)`; the full decode only runs
  // on failure, to describe the problem.
  const is = compileValidator(schema.ast)
  const decodeEither = ParseResult.decodeUnknownEither(schema)
  return {
    is,
    decode: (u) => {
      const result = decodeEither(u)
      return result._tag === "Left" ? result.left : undefined
    }
  }
}

const compiled: ReadonlyMap<string, Compiled> = new Map(
  EventNames.map((name) => [name, compile(Payloads[name])] as const)
)

/**
 * Whether `name` is one of the {@link EventNames}.
 *
 * @example
 * ```ts
 * import { CrispEvent } from "effect-crisp/realtime"
 *
 * CrispEvent.isEventName("message:send") // true
 * CrispEvent.isEventName("toString") // false
 * ```
 *
 * @since 0.1.0
 * @category names
 */
export const isEventName = (name: unknown): name is EventName => typeof name === "string" && compiled.has(name)

/**
 * Turns a raw `(name, data)` pair into a {@link CrispEvent}: `"Event"` when the name
 * is known and the payload matches, `"Malformed"` (with a value-free `issue`) when
 * it does not, `"Unknown"` for any other name. Synchronous, never throws; the
 * Schemas are compiled once, when this module loads.
 *
 * @example
 * ```ts
 * import { CrispEvent } from "effect-crisp/realtime"
 *
 * CrispEvent.decode("website:users:available", { website_id: "w", available: true })
 * // { _tag: "Event", name: "website:users:available", data: { website_id: "w", available: true } }
 * CrispEvent.decode("website:users:available", { website_id: "w", available: "yes" })
 * // { _tag: "Malformed", ..., issue: "at available: expected boolean, got string (3 chars)" }
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (name: string, data: unknown, delivery?: Delivery): CrispEvent => {
  const entry = compiled.get(name)
  if (entry === undefined) {
    return delivery === undefined
      ? { _tag: "Unknown", name, data }
      : { _tag: "Unknown", name, data, delivery }
  }
  let issue: string | undefined
  try {
    if (entry.is(data)) {
      return (delivery === undefined
        ? { _tag: "Event", name, data }
        : { _tag: "Event", name, data, delivery }) as KnownEvent
    }
    const problem = entry.decode(data)
    issue = problem === undefined ? "did not match its Schema" : describeIssue(problem)
  } catch (error) {
    issue = `could not be read (${error instanceof Error ? error.name : "thrown value"})`
  }
  const eventName = name as EventName
  return delivery === undefined
    ? { _tag: "Malformed", name: eventName, data, issue }
    : { _tag: "Malformed", name: eventName, data, issue, delivery }
}

/**
 * Builds a known event without validation, for tests and simulators that create
 * payloads from typed values.
 *
 * @example
 * ```ts
 * import { CrispEvent } from "effect-crisp/realtime"
 *
 * const event = CrispEvent.make("website:users:available", { website_id: "w", available: true })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <N extends EventName>(name: N, data: Payload<N>, delivery?: Delivery): KnownEvent<N> =>
  (delivery === undefined ? { _tag: "Event", name, data } : { _tag: "Event", name, data, delivery }) as KnownEvent<N>
