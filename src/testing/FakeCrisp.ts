/**
 * One in-memory Crisp: websites, conversations, messages, people, operators,
 * settings, user accounts and tokens, answering the same REST routes the real API
 * has, with Crisp's `{error, reason, data}` envelope, its status codes, Basic auth
 * and `X-Crisp-Tier` checks. Every change that Crisp announces over RTM publishes
 * a realtime event. Tests can act as a visitor, read the request log, inject
 * faults and rate-limit.
 *
 * No sockets here: {@link FakeCrisp.handle} answers one request. Serve it over
 * loopback HTTP with `FakeCrispServer.serve`.
 *
 * **Default seed** (unless `defaults: false`): website `"website-1"`
 * ({@link DEFAULT_WEBSITE_ID}); plugin token `plugin-identifier` / `plugin-key`
 * ({@link DEFAULT_PLUGIN_TOKEN}); account `operator@example.com` / `operator-password`
 * ({@link DEFAULT_ACCOUNT}), owner operator of website-1. Log in with it
 * (`POST user/session/login`) for a `user`-tier session, which the user routes
 * and website create/delete require.
 *
 * **Choices where Crisp's documentation is silent** (written down so tests know):
 * - success `reason` is always `"resolved"`; errors carry `data.message` saying why;
 * - a missing `X-Crisp-Tier` means `"user"`; a token used with another tier is 401;
 * - the routes are matched before credentials are checked: an unknown route is 404 even without auth;
 * - a wrong login answers 401 `invalid_credentials`;
 * - `PATCH .../read` `{from}` is the side that read: `"operator"` (default) marks the
 *   visitor's messages and publishes `message:acknowledge:read:send`, `"user"` marks
 *   the operator's and publishes `message:acknowledge:read:received`;
 * - `session:set_routing` carries the assigned operator's `user_id` as `routing_id`;
 * - messages are listed oldest first, {@link FakeCrispSeed.messagesPerPage} (20) at a time;
 *   message timestamps are made strictly increasing within a conversation;
 * - conversations are listed by `updated_at`, newest first; people by `created_at`, newest first;
 * - the token bucket is global (Crisp's per-IP limiter); the daily quota counts each
 *   plugin token's requests per UTC day;
 * - `POST .../initiate` touches `updated_at` and publishes `session:request:initiated`;
 * - the old client's wrong paths (plural `conversations/{session_id}` for delete,
 *   `people/{people_id}` for exists, `people/conversation/...`, `operator` for the
 *   list) are not routes: they answer 404/405 as the real API would;
 * - the request log redacts `password` and `secret` fields of JSON bodies.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const fake = yield* FakeCrisp.make()
 *   yield* fake.visitorSends("website-1", "session_1", "Hello!")
 *   const response = yield* fake.handle({
 *     method: "GET",
 *     path: "website/website-1/conversation/session_1/messages",
 *     query: {},
 *     headers: { authorization: "Basic " + btoa("plugin-identifier:plugin-key"), "x-crisp-tier": "plugin" },
 *     body: undefined
 *   })
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 */
import { Clock, Context, Data, Effect, Layer, Option, PubSub, type Scope, Stream } from "effect"
import { Engine } from "../internal/testing/engine.js"
import type { Fault as FaultSpec, LimitOptions as LimitSpec } from "../internal/testing/limits.js"
import { clone } from "../internal/testing/json.js"
import type {
  ConversationRecord,
  MessageRecord,
  MessageType,
  OperatorRecord,
  ProfileRecord,
  WebsiteRecord
} from "../internal/testing/model.js"
import { applySeed, type Seed, seedProblem } from "../internal/testing/seed.js"
import { type FakeEvent as Event, FakeStore, type MetaUpdate, type Stub as StubSpec, type StubRequest as StubRequestSpec } from "../internal/testing/store.js"
import { clientRows } from "../internal/testing/table.js"
import { matchRoute, route as fakeRoute } from "../internal/testing/router.js"

import type * as EngineTypes from "../internal/testing/engine.js"
import type * as Seeds from "../internal/testing/seed.js"

/**
 * One HTTP request as the fake sees it: verb, path below the base URL (still
 * URL-encoded, e.g. `"website/w1/conversation/a%2Fb"`), decoded query, lower-case
 * headers, raw body.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const request: FakeCrisp.FakeRequest = {
 *   method: "PATCH",
 *   path: "website/website-1/conversation/session_1/state",
 *   query: {},
 *   headers: { authorization: "Basic " + btoa("plugin-identifier:plugin-key"), "x-crisp-tier": "plugin" },
 *   body: JSON.stringify({ state: "resolved" })
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type FakeRequest = EngineTypes.FakeRequest

/**
 * The fake's answer: `{ status, headers, body }`, or `{ drop: true }` when an
 * injected fault drops the connection.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const statusOf = (r: FakeCrisp.FakeResponse) => ("drop" in r ? "dropped" : r.status)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type FakeResponse = EngineTypes.FakeResponse

/**
 * An answer and the delay (milliseconds) to wait before giving it.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const isLate = (d: FakeCrisp.Decision) => d.delayMillis > 0
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Decision = EngineTypes.Decision

/**
 * One handled request in the log: verb, path (as received), query, headers
 * without `authorization`, body (passwords redacted), status answered (or `"drop"`).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const posts = (log: ReadonlyArray<FakeCrisp.LoggedRequest>) => log.filter((r) => r.method === "POST")
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type LoggedRequest = EngineTypes.LoggedRequest

/**
 * A website to seed (`name` defaults to the id, `domain` to `<id>.example.com`;
 * `settings` sections merge over the defaults).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const site: FakeCrisp.SeedWebsite = { website_id: "w2", settings: { chatbox: { color_theme: "red" } } }
 * ```
 *
 * @since 0.1.0
 * @category seeds
 */
export type SeedWebsite = Seeds.SeedWebsite

/**
 * A token allowed to call the API; a `user` token belongs to an account (by `email`).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const websiteToken: FakeCrisp.SeedToken = { identifier: "w-id", key: "w-key", tier: "website" }
 * ```
 *
 * @since 0.1.0
 * @category seeds
 */
export type SeedToken = Seeds.SeedToken

/**
 * A user account that can log in with email and password.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const account: FakeCrisp.SeedAccount = { email: "max@example.com", password: "secret", first_name: "Max" }
 * ```
 *
 * @since 0.1.0
 * @category seeds
 */
export type SeedAccount = Seeds.SeedAccount

/**
 * An operator of a website (role `"member"` unless said).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const operator: FakeCrisp.SeedOperator = { website_id: "website-1", email: "max@example.com", user_id: "user-2" }
 * ```
 *
 * @since 0.1.0
 * @category seeds
 */
export type SeedOperator = Seeds.SeedOperator

/**
 * A message of a seeded conversation (`type` `"text"` and `origin` `"chat"` unless said).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const hello: FakeCrisp.SeedMessage = { from: "user", content: "Hello", timestamp: 1_700_000_000_000 }
 * ```
 *
 * @since 0.1.0
 * @category seeds
 */
export type SeedMessage = Seeds.SeedMessage

/**
 * A conversation to seed, with its meta and messages.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const resolved: FakeCrisp.SeedConversation = { website_id: "website-1", session_id: "session_9", state: "resolved" }
 * ```
 *
 * @since 0.1.0
 * @category seeds
 */
export type SeedConversation = Seeds.SeedConversation

/**
 * A people profile to seed, with its data and events.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const jane: FakeCrisp.SeedPeople = { website_id: "website-1", email: "jane@example.com", data: { plan: "pro" } }
 * ```
 *
 * @since 0.1.0
 * @category seeds
 */
export type SeedPeople = Seeds.SeedPeople

/**
 * A realtime event: `{ name, data, timestamp }`, `data` holding the payload
 * fields of Crisp's event (e.g. `message:send` → `website_id`, `session_id`,
 * `inbox_id`, `type`, `from`, `origin`, `content`, `fingerprint`, `timestamp`, `user`).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const isVisitorMessage = (event: FakeCrisp.FakeEvent) => event.name === "message:send"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type FakeEvent = Event

/**
 * A fault for the next matching requests: answer a status (with an optional
 * body and headers), answer late, or drop the connection.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const badGateway: FakeCrisp.Fault = { status: 502, body: "<html>Bad Gateway</html>", times: 2 }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Fault = FaultSpec

/**
 * Rate limits: a token bucket (`perSecond`, `burst`) answering `status` (429 or
 * 420), and a daily quota per plugin token answering 429 `quota_exceeded`.
 * `retryAfter: true` adds a `Retry-After` header (whole seconds) to both.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const strict: FakeCrisp.LimitOptions = { perSecond: 5, burst: 2, status: 429, retryAfter: true }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type LimitOptions = LimitSpec

/**
 * The state a fake starts with. The records are added to the default seed unless
 * `defaults` is `false`; websites that records refer to are created as needed.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const seed: FakeCrisp.FakeCrispSeed = {
 *   conversations: [{
 *     website_id: "website-1",
 *     session_id: "session_1",
 *     meta: { nickname: "Jane", data: {}, segments: [] },
 *     messages: [{ from: "user", content: "Hi" }]
 *   }],
 *   people: [{ website_id: "website-1", email: "jane@example.com", person: { nickname: "Jane" } }]
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface FakeCrispSeed extends Seed {
  /** Include the default website, plugin token and account. Default true. */
  readonly defaults?: boolean
  /** What `GET {tier}/connect/endpoints` answers as `data.socket.app`. */
  readonly rtmUrl?: string
  /** Messages per `GET .../messages` answer. Default 20. */
  readonly messagesPerPage?: number
  /** Fixed answers by function name; see {@link Stub}. */
  readonly stubs?: Readonly<Record<string, Stub>>
}

/**
 * What a stub computed from the request receives: the route's placeholders
 * (decoded), the query and the parsed JSON body.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const echo = (request: FakeCrisp.StubRequest) => ({ data: { session_id: request.params.session_id } })
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export type StubRequest = StubRequestSpec

/**
 * The answer of a stubbed function, by its name (`"WebsiteConversations.getParticipants"`):
 * `{ data }` for a success, `{ status, reason? }` for a failure, or a function of
 * the request giving either. A stub wins over everything the fake would answer.
 *
 * @example
 * ```ts
 * import { CrispTest } from "effect-crisp/testing"
 *
 * const layer = CrispTest.layer({
 *   stubs: {
 *     "WebsiteConversations.getParticipants": { data: { participants: [{ type: "email", target: "jane@example.com" }] } },
 *     "WebsitePeople.getPeopleProfile": { status: 404, reason: "people_not_found" }
 *   }
 * })
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export type Stub = StubSpec

/**
 * A conversation as stored (a copy), with its messages.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const lastText = (c: FakeCrisp.Conversation) => c.messages[c.messages.length - 1]?.content
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Conversation = ConversationRecord

/**
 * A message as stored (a copy).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const fromVisitor = (m: FakeCrisp.Message) => m.from === "user"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Message = MessageRecord

/**
 * A people profile as stored (a copy), with its events and data.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const nickname = (p: FakeCrisp.PeopleProfile) => p.person.nickname
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type PeopleProfile = ProfileRecord

/**
 * An operator as stored (a copy).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const isOwner = (o: FakeCrisp.Operator) => o.role === "owner"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Operator = OperatorRecord

/**
 * A website and its settings as stored (a copy).
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const domainOf = (w: FakeCrisp.Website) => w.domain
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Website = WebsiteRecord

/**
 * What a visitor sends with {@link FakeCrisp.visitorSends}: a text, or a message
 * of another type.
 *
 * @example
 * ```ts
 * import type { FakeCrisp } from "effect-crisp/testing"
 *
 * const file: FakeCrisp.VisitorMessage = {
 *   type: "file",
 *   content: { name: "a.png", url: "https://example.com/a.png", type: "image/png" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type VisitorMessage = string | { readonly type: MessageType; readonly content: unknown; readonly origin?: string }

/**
 * A control action that could not be carried out: an unknown website or
 * conversation, or options that do not make sense.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const fake = yield* FakeCrisp.make()
 *   yield* fake.visitorSends("no-such-website", "session_1", "Hi").pipe(
 *     Effect.catchTag("FakeCrispError", (e) => Effect.log(e.message))
 *   )
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class FakeCrispError extends Data.TaggedError("FakeCrispError")<{
  readonly reason: "not_found" | "invalid"
  readonly detail: string
}> {
  override get message(): string {
    return `FakeCrisp: ${this.detail}`
  }
}

/**
 * The in-memory Crisp.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const fake = yield* FakeCrisp.make()
 *   const events = yield* fake.subscribe
 *   yield* fake.visitorSends("website-1", "session_1", "Hello")
 *   const [first] = yield* events.pipe(Stream.take(1), Stream.runCollect)
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface FakeCrisp {
  /** Answers one request (waiting out an injected delay on the Effect `Clock`). */
  readonly handle: (request: FakeRequest) => Effect.Effect<FakeResponse>
  /**
   * Answers one request without waiting: the answer and the delay to apply. For
   * adapters that wait in their own way (the HTTP server waits in real time).
   */
  readonly decide: (request: FakeRequest) => Effect.Effect<Decision>

  /** Every event published from now on (subscribes when the stream starts). */
  readonly events: Stream.Stream<FakeEvent>
  /** Subscribes now; the stream holds every event published afterwards. */
  readonly subscribe: Effect.Effect<Stream.Stream<FakeEvent>, never, Scope.Scope>
  /** A synchronous listener for non-Effect adapters; returns its unsubscribe function. */
  readonly onEvent: (listener: (event: FakeEvent) => void) => () => void
  /** Every event published so far, oldest first. */
  readonly publishedEvents: Effect.Effect<ReadonlyArray<FakeEvent>>
  /** Publishes an arbitrary event, for events the fake does not produce itself. */
  readonly publish: (event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }) => Effect.Effect<void>

  /** The requests handled so far (without `authorization` headers), oldest first. */
  readonly requests: Effect.Effect<ReadonlyArray<LoggedRequest>>
  /**
   * The requests handled so far that reached one function's route, by its name
   * (`"WebsiteConversations.sendMessage"`); fails for a name no function has.
   */
  readonly requestsFor: (name: string) => Effect.Effect<ReadonlyArray<LoggedRequest>, FakeCrispError>
  /** Stubs one function by its name (replacing an earlier stub); fails for a name no function has. */
  readonly stub: (name: string, stub: Stub) => Effect.Effect<void, FakeCrispError>
  /** Removes every stub. */
  readonly clearStubs: Effect.Effect<void>
  /** Empties the request log. */
  readonly clearRequests: Effect.Effect<void>

  /** Adds a fault for the next matching requests. */
  readonly inject: (fault: Fault) => Effect.Effect<void, FakeCrispError>
  /** The next `times` (default 1) requests answer `status`. */
  readonly failNext: (
    status: number,
    options?: Omit<Fault, "status" | "drop" | "delayMillis">
  ) => Effect.Effect<void, FakeCrispError>
  /** The next `times` (default 1) requests are handled, then answered `millis` late. */
  readonly delayNext: (millis: number, options?: Pick<Fault, "times" | "method" | "path">) => Effect.Effect<void, FakeCrispError>
  /** The next `times` (default 1) requests get their connection dropped. */
  readonly dropNext: (options?: Pick<Fault, "times" | "method" | "path" | "processed">) => Effect.Effect<void, FakeCrispError>
  /** Removes every pending fault. */
  readonly clearFaults: Effect.Effect<void>
  /** Sets the rate limits (replacing earlier ones). */
  readonly limit: (options: LimitOptions) => Effect.Effect<void, FakeCrispError>
  /** Removes the rate limits. */
  readonly unlimit: Effect.Effect<void>

  /** Changes what `GET {tier}/connect/endpoints` answers. */
  readonly setRtmUrl: (url: string) => Effect.Effect<void>
  /** Whether credentials name a token of that tier: what an RTM server checks on `authentication`. */
  readonly checkCredentials: (identifier: string, key: string, tier: string) => boolean
  /**
   * The websites a token is limited to ({@link SeedToken} `websites`), or
   * `undefined` when it may act on every website (or is unknown): what an RTM
   * server uses to choose the events it delivers.
   */
  readonly tokenWebsites: (identifier: string) => ReadonlyArray<string> | undefined

  /**
   * A visitor sends a message: the conversation is created if needed, the message
   * is appended and `message:send` is published. Fails for an unknown website or a
   * blocked conversation.
   */
  readonly visitorSends: (
    websiteId: string,
    sessionId: string,
    message: VisitorMessage
  ) => Effect.Effect<Message, FakeCrispError>
  /** A visitor gives an email: the meta changes and `session:set_email` is published. */
  readonly visitorSetsEmail: (websiteId: string, sessionId: string, email: string) => Effect.Effect<void, FakeCrispError>
  /** A visitor changes meta fields (`session:set_<field>` per field). */
  readonly visitorUpdatesMeta: (
    websiteId: string,
    sessionId: string,
    meta: MetaUpdate
  ) => Effect.Effect<void, FakeCrispError>
  /** A visitor reads the operators' messages (`message:acknowledge:read:received`). */
  readonly visitorReads: (websiteId: string, sessionId: string) => Effect.Effect<ReadonlyArray<number>, FakeCrispError>

  /** Adds more state. */
  readonly seed: (seed: FakeCrispSeed) => Effect.Effect<void, FakeCrispError>
  /** A copy of a website. */
  readonly website: (websiteId: string) => Effect.Effect<Option.Option<Website>>
  /** A copy of a conversation. */
  readonly conversation: (websiteId: string, sessionId: string) => Effect.Effect<Option.Option<Conversation>>
  /** Copies of a website's conversations, in insertion order. */
  readonly conversations: (websiteId: string) => Effect.Effect<ReadonlyArray<Conversation>>
  /** A copy of a people profile, by id or email. */
  readonly peopleProfile: (websiteId: string, peopleIdOrEmail: string) => Effect.Effect<Option.Option<PeopleProfile>>
  /** Copies of a website's operators. */
  readonly operators: (websiteId: string) => Effect.Effect<ReadonlyArray<Operator>>
}

/**
 * The service tag, for code that gets the fake from the context.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const count = Effect.flatMap(FakeCrisp.FakeCrisp, (fake) => fake.requests).pipe(Effect.map((r) => r.length))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export const FakeCrisp: Context.Tag<FakeCrisp, FakeCrisp> = Context.GenericTag<FakeCrisp>("effect-crisp/testing/FakeCrisp")

/**
 * The default website's id.
 *
 * @example
 * ```ts
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const path = `website/${FakeCrisp.DEFAULT_WEBSITE_ID}/conversations/1`
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_WEBSITE_ID = "website-1"

/**
 * The default plugin token.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const { identifier, key } = FakeCrisp.DEFAULT_PLUGIN_TOKEN
 * const credentials = { identifier, key: Redacted.make(key), tier: "plugin" as const }
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_PLUGIN_TOKEN = { identifier: "plugin-identifier", key: "plugin-key", tier: "plugin" } as const

/**
 * The default user account (owner operator of the default website).
 *
 * @example
 * ```ts
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const body = { email: FakeCrisp.DEFAULT_ACCOUNT.email, password: FakeCrisp.DEFAULT_ACCOUNT.password }
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_ACCOUNT = {
  email: "operator@example.com",
  password: "operator-password",
  user_id: "user-1",
  first_name: "Olivia",
  last_name: "Operator"
} as const

/**
 * The default RTM URL answered by `GET {tier}/connect/endpoints` (it resolves
 * nowhere; the socket simulator sets its own).
 *
 * @example
 * ```ts
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const seed: FakeCrisp.FakeCrispSeed = { rtmUrl: FakeCrisp.DEFAULT_RTM_URL }
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_RTM_URL = "wss://rtm.fake-crisp.invalid/"

const DEFAULT_SEED: Seed = {
  websites: [{ website_id: DEFAULT_WEBSITE_ID, name: "Website One", domain: "website-1.example.com" }],
  accounts: [DEFAULT_ACCOUNT],
  tokens: [DEFAULT_PLUGIN_TOKEN],
  operators: [{ website_id: DEFAULT_WEBSITE_ID, email: DEFAULT_ACCOUNT.email, role: "owner", user_id: DEFAULT_ACCOUNT.user_id }]
}

const notFoundError = (detail: string) => new FakeCrispError({ reason: "not_found", detail })
const invalidError = (detail: string) => new FakeCrispError({ reason: "invalid", detail })

/**
 * Creates a fake. Its event `PubSub` lives in the scope: closing the scope ends
 * every event stream. Fails with `FakeCrispError` when the seed is malformed.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const program = Effect.gen(function*() {
 *   const fake = yield* FakeCrisp.make({ people: [{ website_id: "website-1", email: "jane@example.com" }] })
 *   const jane = yield* fake.peopleProfile("website-1", "jane@example.com")
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (seed: FakeCrispSeed = {}): Effect.Effect<FakeCrisp, FakeCrispError, Scope.Scope> =>
  Effect.gen(function*() {
    const messagesPerPage = seed.messagesPerPage ?? 20
    if (!(Number.isInteger(messagesPerPage) && messagesPerPage >= 1)) {
      return yield* invalidError(`messagesPerPage must be a positive integer, got ${messagesPerPage}`)
    }
    const problem = seedProblem(seed)
    if (problem !== undefined) return yield* invalidError(`seed: ${problem}`)
    const store = new FakeStore({ rtmUrl: seed.rtmUrl ?? DEFAULT_RTM_URL, messagesPerPage })
    const engine = new Engine(store)
    const now = yield* Clock.currentTimeMillis
    if (seed.defaults !== false) applySeed(store, DEFAULT_SEED, now)
    applySeed(store, seed, now)
    const stubProblem = addStubs(store, seed.stubs)
    if (stubProblem !== undefined) return yield* invalidError(stubProblem)
    store.outbox = []

    const pubsub = yield* Effect.acquireRelease(PubSub.unbounded<FakeEvent>(), PubSub.shutdown)
    const lock = yield* Effect.makeSemaphore(1)
    const listeners = new Set<(event: FakeEvent) => void>()
    const published: Array<FakeEvent> = []

    /** Runs a change under the lock, then publishes what it announced, in order. */
    const mutate = <A, E>(f: (now: number) => Effect.Effect<A, E>): Effect.Effect<A, E> =>
      lock.withPermits(1)(
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          Effect.flatMap(Effect.exit(Effect.suspend(() => f(now))), (exit) => {
            const events = store.outbox
            store.outbox = []
            if (events.length === 0) return exit
            published.push(...events)
            const failures: Array<unknown> = []
            for (const event of events) {
              for (const listener of [...listeners]) {
                try {
                  listener(event)
                } catch (error) {
                  failures.push(error)
                }
              }
            }
            const logFailures = failures.length === 0
              ? Effect.void
              : Effect.logWarning("FakeCrisp: an onEvent listener threw", ...failures)
            return Effect.zipRight(Effect.zipRight(PubSub.publishAll(pubsub, events), logFailures), exit)
          }))
      )

    const read = <A>(f: () => A): Effect.Effect<A> => Effect.sync(f)

    const decide = (request: FakeRequest) => mutate((now) => Effect.sync(() => engine.decide(request, now)))

    const handle = (request: FakeRequest): Effect.Effect<FakeResponse> =>
      Effect.flatMap(decide(request), ({ response, delayMillis }) =>
        delayMillis > 0 ? Effect.as(Effect.sleep(delayMillis), response) : Effect.succeed(response))

    const control = (problem: string | undefined): Effect.Effect<void, FakeCrispError> =>
      problem === undefined ? Effect.void : Effect.fail(invalidError(problem))

    const inject = (fault: Fault) => Effect.suspend(() => control(engine.inject(fault)))

    const conversationFor = (websiteId: string, sessionId: string, create: boolean, now: number) => {
      if (!store.websites.has(websiteId)) return Effect.fail(notFoundError(`no website ${JSON.stringify(websiteId)}`))
      if (sessionId === "") return Effect.fail(invalidError("a session id must not be empty"))
      const existing = store.conversation(websiteId, sessionId)
      if (existing !== undefined) return Effect.succeed(existing)
      if (!create) return Effect.fail(notFoundError(`no conversation ${JSON.stringify(sessionId)} in ${JSON.stringify(websiteId)}`))
      return Effect.succeed(store.addConversation(websiteId, now, { session_id: sessionId }))
    }

    const fake: FakeCrisp = {
      handle,
      decide,
      events: Stream.fromPubSub(pubsub),
      subscribe: Stream.fromPubSub(pubsub, { scoped: true }),
      onEvent: (listener) => {
        const wrapped = (event: FakeEvent) => listener(event)
        listeners.add(wrapped)
        return () => {
          listeners.delete(wrapped)
        }
      },
      publishedEvents: read(() => [...published]),
      publish: (event) =>
        mutate((now) => Effect.sync(() => store.emit(event.name, clone({ ...event.data }), now))),
      requests: read(() => [...engine.log]),
      requestsFor: (name) =>
        Effect.suspend(() => {
          const row = rowNamed(name)
          if (row === undefined) return Effect.fail(invalidError(unknownName(name)))
          const only = [fakeRoute(row.method, row.path, "none", () => ({ status: 200, reason: "", data: {} }))]
          return Effect.succeed(engine.log.filter((r) =>
            r.method === row.method && matchRoute(only, r.method, r.path.split("/").map(safeDecode))._tag === "Found"
          ))
        }),
      stub: (name, stub) => read(() => addStubs(store, { [name]: stub })).pipe(Effect.flatMap(control)),
      clearStubs: read(() => store.stubs.clear()),
      clearRequests: read(() => {
        engine.log = []
      }),
      inject,
      failNext: (status, options = {}) => inject({ ...options, status }),
      delayNext: (millis, options = {}) => inject({ ...options, delayMillis: millis }),
      dropNext: (options = {}) => inject({ ...options, drop: true }),
      clearFaults: read(() => engine.faults.clear()),
      limit: (options) => Effect.suspend(() => control(engine.limit(options))),
      unlimit: read(() => {
        engine.limit({})
      }),
      setRtmUrl: (url) =>
        read(() => {
          store.rtmUrl = url
        }),
      checkCredentials: (identifier, key, tier) => engine.authenticate(identifier, key, tier) !== undefined,
      tokenWebsites: (identifier) => store.tokens.get(identifier)?.websites,
      visitorSends: (websiteId, sessionId, message) =>
        mutate((now) =>
          Effect.flatMap(conversationFor(websiteId, sessionId, true, now), (conversation) => {
            if (conversation.is_blocked) {
              return Effect.fail(invalidError(`conversation ${JSON.stringify(sessionId)} is blocked: its visitor cannot send`))
            }
            const input = typeof message === "string" ? { type: "text" as const, content: message } : message
            const origin = typeof message === "string" ? "chat" : message.origin ?? "chat"
            return Effect.succeed(clone(store.appendMessage(conversation, { ...input, from: "user", origin }, now)))
          })),
      visitorSetsEmail: (websiteId, sessionId, email) =>
        mutate((now) =>
          Effect.map(conversationFor(websiteId, sessionId, true, now), (c) => store.updateMeta(c, { email }, now))),
      visitorUpdatesMeta: (websiteId, sessionId, meta) =>
        mutate((now) => Effect.map(conversationFor(websiteId, sessionId, true, now), (c) => store.updateMeta(c, meta, now))),
      visitorReads: (websiteId, sessionId) =>
        mutate((now) =>
          Effect.map(conversationFor(websiteId, sessionId, false, now), (c) => store.markRead(c, "user", "chat", undefined, now))),
      seed: (more) =>
        mutate((now) =>
          Effect.suspend(() => {
            const problem = seedProblem(more)
            if (problem !== undefined) return Effect.fail(invalidError(`seed: ${problem}`))
            if (more.rtmUrl !== undefined) store.rtmUrl = more.rtmUrl
            if (more.messagesPerPage !== undefined) store.messagesPerPage = more.messagesPerPage
            applySeed(store, more, now)
            store.outbox = []
            const stubProblem = addStubs(store, more.stubs)
            return stubProblem === undefined ? Effect.void : Effect.fail(invalidError(stubProblem))
          })),
      website: (websiteId) => read(() => Option.map(Option.fromNullable(store.websites.get(websiteId)), clone)),
      conversation: (websiteId, sessionId) =>
        read(() => Option.map(Option.fromNullable(store.conversation(websiteId, sessionId)), clone)),
      conversations: (websiteId) =>
        read(() => [...(store.conversations.get(websiteId)?.values() ?? [])].sort((a, b) => a.seq - b.seq).map(clone)),
      peopleProfile: (websiteId, peopleIdOrEmail) =>
        read(() => Option.map(Option.fromNullable(store.profile(websiteId, peopleIdOrEmail)), clone)),
      operators: (websiteId) =>
        read(() => [...(store.operators.get(websiteId)?.values() ?? [])].sort((a, b) => a.seq - b.seq).map(clone))
    }
    return fake
  })

const rowNamed = (name: string) => clientRows.find((row) => row.name === name)

const unknownName = (name: string) => `no function is named ${JSON.stringify(name)} (names look like "WebsiteConversations.getOne")`

const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const addStubs = (store: FakeStore, stubs: Readonly<Record<string, Stub>> | undefined): string | undefined => {
  for (const [name, stub] of Object.entries(stubs ?? {})) {
    if (rowNamed(name) === undefined) return `stubs: ${unknownName(name)}`
    store.stubs.set(name, stub)
  }
  return undefined
}

/**
 * A layer holding one fake for the layer's lifetime.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FakeCrisp } from "effect-crisp/testing"
 *
 * const program = Effect.flatMap(FakeCrisp.FakeCrisp, (fake) => fake.requests).pipe(
 *   Effect.provide(FakeCrisp.layer())
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (seed?: FakeCrispSeed): Layer.Layer<FakeCrisp, FakeCrispError> => Layer.scoped(FakeCrisp, make(seed))
