/**
 * Conversations of a website: list, read, create, message, route, resolve.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>`; its span is named
 * `WebsiteConversations.<method>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const reply = (websiteId: string, sessionId: string) =>
 *   WebsiteConversations.sendMessage(websiteId, sessionId, {
 *     type: "text", content: "I'm a bot", from: "operator", origin: "chat"
 *   })
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
  Conversation,
  ConversationBlockUpdate,
  ConversationMeta,
  ConversationMetaUpdate,
  ConversationNew,
  ConversationReadMark,
  ConversationRouting,
  ConversationRoutingUpdate,
  ConversationsListOptions,
  type ConversationState,
  ConversationStateUpdate,
  type MessageFrom,
  MessagesQuery
} from "../schemas/Conversation.js"
import { ConversationMessage, MessageNew, MessageSent } from "../schemas/Message.js"
import { MAX_PER_PAGE } from "../schemas/Search.js"
import { withPage } from "../internal/rest/page.js"

const EmptyBody = Schema.Struct({})
const CONVERSATION = "website/{website_id}/conversation/{session_id}"
const LIST = "website/{website_id}/conversations/{page_number}"

const listEndpoint = endpoint({
  name: "WebsiteConversations.getList",
  method: "GET",
  path: LIST,
  query: ConversationsListOptions,
  response: Schema.Array(Conversation)
})
const getOneEndpoint = endpoint({
  name: "WebsiteConversations.getOne",
  method: "GET",
  path: CONVERSATION,
  response: Conversation
})
const getMetaEndpoint = endpoint({
  name: "WebsiteConversations.getMeta",
  method: "GET",
  path: `${CONVERSATION}/meta`,
  response: ConversationMeta
})
const updateMetaEndpoint = endpoint({
  name: "WebsiteConversations.updateMeta",
  method: "PATCH",
  path: `${CONVERSATION}/meta`,
  body: ConversationMetaUpdate
})
const getMessagesEndpoint = endpoint({
  name: "WebsiteConversations.getMessages",
  method: "GET",
  path: `${CONVERSATION}/messages`,
  query: MessagesQuery,
  response: Schema.Array(ConversationMessage)
})
const createEndpoint = endpoint({
  name: "WebsiteConversations.create",
  method: "POST",
  path: "website/{website_id}/conversation",
  body: EmptyBody,
  response: ConversationNew
})
const initiateOneEndpoint = endpoint({
  name: "WebsiteConversations.initiateOne",
  method: "POST",
  path: `${CONVERSATION}/initiate`,
  body: EmptyBody
})
const sendMessageEndpoint = endpoint({
  name: "WebsiteConversations.sendMessage",
  method: "POST",
  path: `${CONVERSATION}/message`,
  body: MessageNew,
  response: MessageSent
})
const setStateEndpoint = endpoint({
  name: "WebsiteConversations.setState",
  method: "PATCH",
  path: `${CONVERSATION}/state`,
  body: ConversationStateUpdate
})
const getRoutingEndpoint = endpoint({
  name: "WebsiteConversations.getRouting",
  method: "GET",
  path: `${CONVERSATION}/routing`,
  response: ConversationRouting
})
const setRoutingEndpoint = endpoint({
  name: "WebsiteConversations.setRouting",
  method: "PATCH",
  path: `${CONVERSATION}/routing`,
  body: ConversationRoutingUpdate
})
const setBlockEndpoint = endpoint({
  name: "WebsiteConversations.setBlock",
  method: "PATCH",
  path: `${CONVERSATION}/block`,
  body: ConversationBlockUpdate
})
// The seed deleted `conversations/{session_id}` (plural): the API route is singular.
const deleteOneEndpoint = endpoint({
  name: "WebsiteConversations.deleteOne",
  method: "DELETE",
  path: CONVERSATION
})
const acknowledgeMessagesEndpoint = endpoint({
  name: "WebsiteConversations.acknowledgeMessages",
  method: "PATCH",
  path: `${CONVERSATION}/read`,
  body: ConversationReadMark
})

/**
 * Lists one page of conversations, newest first (`GET
 * website/{website_id}/conversations/{page_number}`). Pages count from 1; `filters`
 * adds `per_page` (20–50), filters, ordering or a search. For every conversation,
 * page after page, use {@link stream}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const unread = WebsiteConversations.getList("website-id", 1, { filter_unread: 1 }).pipe(
 *   Effect.map((page) => page.map((c) => c.session_id))
 * )
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const getList = (
  websiteId: string,
  page: number = 1,
  filters?: ConversationsListOptions
): Effect.Effect<ReadonlyArray<Conversation>, CrispError, CrispHttp> =>
  withPage("GET", LIST, page, (page_number) =>
    listEndpoint({ path: { website_id: websiteId, page_number }, query: filters }))

/**
 * Every conversation of a website as a `Stream`, page after page. It asks for
 * the largest page (`per_page: 50`) unless `filters.per_page` says otherwise,
 * stops after a short or empty page, and fetches a page only when the consumer
 * wants more (`Stream.take(10)` makes one request).
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const firstHundredUnresolved = WebsiteConversations.stream("website-id", { filter_not_resolved: 1 }).pipe(
 *   Stream.take(100),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.1.0
 * @category pagination
 */
export const stream = (
  websiteId: string,
  filters?: ConversationsListOptions
): Stream.Stream<Conversation, CrispError, CrispHttp> => {
  const perPage = filters?.per_page ?? MAX_PER_PAGE
  const query: ConversationsListOptions = { ...filters, per_page: perPage }
  return paginate((page) => getList(websiteId, page, query), { pageSize: perPage }).pipe(
    Stream.withSpan("WebsiteConversations.stream")
  )
}

/**
 * Gets one conversation (`GET website/{website_id}/conversation/{session_id}`).
 * An unknown session fails with `CrispNotFound`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const conversation = WebsiteConversations.getOne("website-id", "session-id").pipe(
 *   Effect.catchTag("CrispNotFound", () => Effect.succeed(null))
 * )
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const getOne = (websiteId: string, sessionId: string): Effect.Effect<Conversation, CrispError, CrispHttp> =>
  getOneEndpoint({ path: { website_id: websiteId, session_id: sessionId } })

/**
 * Gets a conversation's metas (`GET .../conversation/{session_id}/meta`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const meta = WebsiteConversations.getMeta("website-id", "session-id")
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const getMeta = (websiteId: string, sessionId: string): Effect.Effect<ConversationMeta, CrispError, CrispHttp> =>
  getMetaEndpoint({ path: { website_id: websiteId, session_id: sessionId } })

/**
 * Changes a conversation's metas (`PATCH .../conversation/{session_id}/meta`):
 * only the fields given.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const tag = WebsiteConversations.updateMeta("website-id", "session-id", {
 *   nickname: "Jane", segments: ["vip"]
 * })
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const updateMeta = (
  websiteId: string,
  sessionId: string,
  params: ConversationMetaUpdate
): Effect.Effect<void, CrispError, CrispHttp> =>
  updateMetaEndpoint({ path: { website_id: websiteId, session_id: sessionId }, body: params })

/**
 * Gets the latest messages of a conversation (`GET
 * .../conversation/{session_id}/messages`). History is paged by timestamp: pass
 * `timestamp_before` with the oldest timestamp you have to get older messages.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const texts = WebsiteConversations.getMessages("website-id", "session-id").pipe(
 *   Effect.map((messages) => messages.flatMap((m) => (m.type === "text" ? [m.content] : [])))
 * )
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const getMessages = (
  websiteId: string,
  sessionId: string,
  query?: MessagesQuery
): Effect.Effect<ReadonlyArray<ConversationMessage>, CrispError, CrispHttp> =>
  getMessagesEndpoint({ path: { website_id: websiteId, session_id: sessionId }, query })

/**
 * Creates a conversation (`POST website/{website_id}/conversation`) and answers
 * its `session_id`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const open = WebsiteConversations.create("website-id").pipe(
 *   Effect.flatMap(({ session_id }) => WebsiteConversations.initiateOne("website-id", session_id))
 * )
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const create = (websiteId: string): Effect.Effect<ConversationNew, CrispError, CrispHttp> =>
  createEndpoint({ path: { website_id: websiteId }, body: {} })

/**
 * Initiates a conversation on an existing session (`POST
 * .../conversation/{session_id}/initiate`), so it shows in the inbox.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const initiate = WebsiteConversations.initiateOne("website-id", "session-id")
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const initiateOne = (websiteId: string, sessionId: string): Effect.Effect<void, CrispError, CrispHttp> =>
  initiateOneEndpoint({ path: { website_id: websiteId, session_id: sessionId }, body: {} })

/**
 * Sends a message in a conversation (`POST .../conversation/{session_id}/message`).
 * The message is one of the nine types (text, note, file, animation, audio,
 * picker, field, carousel, event); a wrong shape fails with `CrispInvalidRequest`
 * before anything is sent. Answers the message's `fingerprint` when Crisp gives it.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const send = WebsiteConversations.sendMessage("website-id", "session-id", {
 *   type: "file", from: "operator", origin: "chat",
 *   content: { name: "invoice.pdf", url: "https://example.com/invoice.pdf", type: "application/pdf" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const sendMessage = (
  websiteId: string,
  sessionId: string,
  message: MessageNew
): Effect.Effect<MessageSent, CrispError, CrispHttp> =>
  sendMessageEndpoint({ path: { website_id: websiteId, session_id: sessionId }, body: message })

/**
 * Sets a conversation's state (`PATCH .../conversation/{session_id}/state`):
 * `"resolved"`, `"unresolved"` or `"pending"`. Any other value fails with
 * `CrispInvalidRequest` (the seed threw synchronously).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const resolve = WebsiteConversations.setState("website-id", "session-id", "resolved")
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const setState = (
  websiteId: string,
  sessionId: string,
  state: ConversationState
): Effect.Effect<void, CrispError, CrispHttp> =>
  setStateEndpoint({ path: { website_id: websiteId, session_id: sessionId }, body: { state } })

/**
 * Gets who a conversation is assigned to (`GET .../conversation/{session_id}/routing`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const routing = WebsiteConversations.getRouting("website-id", "session-id")
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const getRouting = (
  websiteId: string,
  sessionId: string
): Effect.Effect<ConversationRouting, CrispError, CrispHttp> =>
  getRoutingEndpoint({ path: { website_id: websiteId, session_id: sessionId } })

/**
 * Assigns a conversation to an operator (`PATCH .../conversation/{session_id}/routing`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const assign = WebsiteConversations.setRouting("website-id", "session-id", {
 *   assigned: { user_id: "operator-id" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const setRouting = (
  websiteId: string,
  sessionId: string,
  assign: ConversationRoutingUpdate
): Effect.Effect<void, CrispError, CrispHttp> =>
  setRoutingEndpoint({ path: { website_id: websiteId, session_id: sessionId }, body: assign })

/**
 * Blocks or unblocks incoming messages of a conversation (`PATCH
 * .../conversation/{session_id}/block` with `{ blocked }`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const block = WebsiteConversations.setBlock("website-id", "session-id", true)
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const setBlock = (
  websiteId: string,
  sessionId: string,
  blocked: boolean
): Effect.Effect<void, CrispError, CrispHttp> =>
  setBlockEndpoint({ path: { website_id: websiteId, session_id: sessionId }, body: { blocked } })

/**
 * Removes a conversation (`DELETE website/{website_id}/conversation/{session_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const remove = WebsiteConversations.deleteOne("website-id", "session-id")
 * ```
 *
 * @since 0.1.0
 * @category conversations
 */
export const deleteOne = (websiteId: string, sessionId: string): Effect.Effect<void, CrispError, CrispHttp> =>
  deleteOneEndpoint({ path: { website_id: websiteId, session_id: sessionId } })

/**
 * Marks messages as read (`PATCH .../conversation/{session_id}/read` with
 * `{ from, origin, fingerprints }`). The seed emitted this on the socket; it is a
 * REST call today.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const ack = WebsiteConversations.acknowledgeMessages("website-id", "session-id", "operator", "chat", [163408415])
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const acknowledgeMessages = (
  websiteId: string,
  sessionId: string,
  from: MessageFrom,
  origin: string,
  fingerprints: ReadonlyArray<number>
): Effect.Effect<void, CrispError, CrispHttp> =>
  acknowledgeMessagesEndpoint({
    path: { website_id: websiteId, session_id: sessionId },
    body: { from, origin, fingerprints }
  })
