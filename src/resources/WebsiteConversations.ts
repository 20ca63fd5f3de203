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
import { Schema } from "effect"
import { pages, routes, withSignature } from "../internal/rest/route.js"
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

const route = routes("WebsiteConversations")

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
export const getList = withSignature(
  route("getList", {
    method: "GET",
    path: "website/{website_id}/conversations/{page_number}",
    label: "List Conversations",
    ref: "#list-conversations",
    official: "website.listConversations",
    input: ConversationsListOptions,
    response: Schema.Array(Conversation),
    paged: { perPage: MAX_PER_PAGE },
    fake: { kind: "custom" }
  }),
  (websiteId: string, page: number = 1, filters?: ConversationsListOptions) => [websiteId, page, filters]
)

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
export const stream = pages(getList, "stream")

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
export const getOne = route("getOne", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}",
  label: "Get A Conversation",
  ref: "#get-a-conversation",
  official: "website.getConversation",
  response: Conversation,
  fake: { kind: "custom" }
})

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
export const getMeta = route("getMeta", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/meta",
  label: "Get Conversation Metas",
  ref: "#get-conversation-metas",
  official: "website.getConversationMetas",
  response: ConversationMeta,
  fake: { kind: "custom" }
})

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
export const updateMeta = route("updateMeta", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/meta",
  label: "Update Conversation Metas",
  ref: "#update-conversation-metas",
  official: "website.updateConversationMetas",
  input: ConversationMetaUpdate,
  fake: { kind: "custom" }
})

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
export const getMessages = route("getMessages", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/messages",
  label: "Get Messages In Conversation",
  ref: "#get-messages-in-conversation",
  official: "website.getMessagesInConversation",
  input: MessagesQuery,
  response: Schema.Array(ConversationMessage),
  fake: { kind: "custom" }
})

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
export const create = route("create", {
  method: "POST",
  path: "website/{website_id}/conversation",
  label: "Create A New Conversation",
  ref: "#create-a-new-conversation",
  official: "website.createNewConversation",
  response: ConversationNew,
  fake: { kind: "custom" }
})

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
export const initiateOne = route("initiateOne", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/initiate",
  label: "Initiate A Conversation With Existing Session",
  ref: "#initiate-a-conversation-with-existing-session",
  official: "website.initiateConversationWithExistingSession",
  fake: { kind: "custom" }
})

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
export const sendMessage = route("sendMessage", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/message",
  label: "Send A Message In Conversation",
  ref: "#send-a-message-in-conversation",
  official: "website.sendMessageInConversation",
  input: MessageNew,
  response: MessageSent,
  fake: { kind: "custom" }
})

/**
 * Sets a conversation's state (`PATCH .../conversation/{session_id}/state`):
 * `"resolved"`, `"unresolved"` or `"pending"`. Any other value fails with
 * `CrispInvalidRequest`, before anything is sent.
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
export const setState = withSignature(
  route("setState", {
    method: "PATCH",
    path: "website/{website_id}/conversation/{session_id}/state",
    label: "Change Conversation State",
    ref: "#change-conversation-state",
    official: "website.changeConversationState",
    input: ConversationStateUpdate,
    fake: { kind: "custom" }
  }),
  (websiteId: string, sessionId: string, state: ConversationState) => [websiteId, sessionId, { state }]
)

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
export const getRouting = route("getRouting", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/routing",
  label: "Get Conversation Routing Assign",
  ref: "#get-conversation-routing-assign",
  official: "website.getConversationRoutingAssign",
  response: ConversationRouting,
  fake: { kind: "custom" }
})

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
export const setRouting = route("setRouting", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/routing",
  label: "Assign Conversation Routing",
  ref: "#assign-conversation-routing",
  official: "website.assignConversationRouting",
  input: ConversationRoutingUpdate,
  fake: { kind: "custom" }
})

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
export const setBlock = withSignature(
  route("setBlock", {
    method: "PATCH",
    path: "website/{website_id}/conversation/{session_id}/block",
    label: "Block Incoming Messages For Conversation",
    ref: "#block-incoming-messages-for-conversation",
    official: "website.blockIncomingMessagesForConversation",
    input: ConversationBlockUpdate,
    fake: { kind: "custom" }
  }),
  (websiteId: string, sessionId: string, blocked: boolean) => [websiteId, sessionId, { blocked }]
)

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
export const deleteOne = route("deleteOne", {
  method: "DELETE",
  path: "website/{website_id}/conversation/{session_id}",
  label: "Remove A Conversation",
  ref: "#remove-a-conversation",
  official: "website.removeConversation",
  fake: { kind: "custom" }
})

/**
 * Marks messages as read (`PATCH .../conversation/{session_id}/read` with
 * `{ from, origin, fingerprints }`).
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
export const acknowledgeMessages = withSignature(
  route("acknowledgeMessages", {
    method: "PATCH",
    path: "website/{website_id}/conversation/{session_id}/read",
    label: "Mark Messages As Read In Conversation",
    ref: "#mark-messages-as-read-in-conversation",
    official: "website.markMessagesReadInConversation",
    input: ConversationReadMark,
    fake: { kind: "custom" }
  }),
  (
    websiteId: string,
    sessionId: string,
    from: MessageFrom,
    origin: string,
    fingerprints: ReadonlyArray<number>
  ) => [websiteId, sessionId, { from, origin, fingerprints }]
)
