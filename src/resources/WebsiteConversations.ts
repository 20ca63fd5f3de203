/**
 * Conversations of a website: list, read, create, message, route, resolve —
 * and the rest of Crisp's conversation routes: messages one by one, participants,
 * state, verification, suggestions, spam, co-browsing, calls and plugin widgets.
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
  BrowsingAction,
  CallSessionAbort,
  CallSessionNew,
  Conversation,
  ConversationBlock,
  ConversationBlockUpdate,
  ConversationBrowsing,
  ConversationCall,
  ConversationDeliveredMark,
  ConversationEvent,
  ConversationFile,
  ConversationInboxUpdate,
  ConversationMeta,
  ConversationMetaUpdate,
  ConversationNew,
  ConversationOpenUpdate,
  ConversationPage,
  ConversationParticipants,
  ConversationParticipantsSave,
  ConversationReadMark,
  ConversationRelations,
  ConversationReport,
  ConversationRouting,
  ConversationRoutingUpdate,
  ConversationsListOptions,
  ConversationSpam,
  ConversationSpamContent,
  type ConversationState,
  ConversationStateData,
  ConversationStateUpdate,
  ConversationSuggestedData,
  ConversationSuggestedSegment,
  ConversationUnreadMark,
  ConversationVerify,
  ConversationVerifyUpdate,
  IdentityVerificationRedeem,
  IdentityVerificationRequest,
  type MessageFrom,
  MessagesQuery,
  PassThroughBody,
  ReminderNew,
  SpamDecision,
  SuggestedDataKeyDeletion,
  SuggestedSegmentDeletion,
  ToolCallRequest,
  TranscriptRequest,
  WidgetButtonAction,
  WidgetDataEditAction,
  WidgetDataFetchAction
} from "../schemas/Conversation.js"
import {
  ConversationMessage,
  ConversationOriginal,
  MessageCompose,
  MessageNew,
  MessageSent,
  MessageUpdate
} from "../schemas/Message.js"
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

// ---------------------------------------------------------------------------
// Suggestions: segments and data keys in use
// ---------------------------------------------------------------------------

/**
 * Lists one page of the segments in use on the website's conversations, with
 * how many conversations carry each.
 *
 * Crisp reference: List Suggested Conversation Segments
 * (`GET website/{website_id}/conversations/suggest/segments/{page_number}`).
 * Pages count from 1; a page number below 1 fails with `CrispInvalidRequest`.
 * For every page, use {@link streamSuggestedSegments}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const popular = WebsiteConversations.listSuggestedSegments("website-id", 1).pipe(
 *   Effect.map((segments) => segments.filter((s) => (s.count ?? 0) > 10))
 * )
 * ```
 *
 * @since 0.2.0
 * @category suggestions
 */
export const listSuggestedSegments = route("listSuggestedSegments", {
  method: "GET",
  path: "website/{website_id}/conversations/suggest/segments/{page_number}",
  label: "List Suggested Conversation Segments",
  ref: "#list-suggested-conversation-segments",
  official: "website.listSuggestedConversationSegments",
  response: Schema.Array(ConversationSuggestedSegment),
  paged: {},
  fake: { kind: "collection", name: "conversationSuggestedSegments", op: "list", id: "segment" }
})

/**
 * Every suggested conversation segment as a `Stream`, page after page, until an
 * empty page (the route takes no `per_page`).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const all = WebsiteConversations.streamSuggestedSegments("website-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamSuggestedSegments = pages(listSuggestedSegments, "streamSuggestedSegments")

/**
 * Removes a segment from the suggestions.
 *
 * Crisp reference: Delete Suggested Conversation Segment
 * (`DELETE website/{website_id}/conversations/suggest/segment` with `{ segment }`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const forget = WebsiteConversations.deleteSuggestedSegment("website-id", { segment: "old-campaign" })
 * ```
 *
 * @since 0.2.0
 * @category suggestions
 */
export const deleteSuggestedSegment = route("deleteSuggestedSegment", {
  method: "DELETE",
  path: "website/{website_id}/conversations/suggest/segment",
  label: "Delete Suggested Conversation Segment",
  ref: "#delete-suggested-conversation-segment",
  official: "website.deleteSuggestedConversationSegment",
  input: SuggestedSegmentDeletion,
  fake: { kind: "default" }
})

/**
 * Lists one page of the custom data keys in use on the website's conversations,
 * with how many conversations carry each.
 *
 * Crisp reference: List Suggested Conversation Data Keys
 * (`GET website/{website_id}/conversations/suggest/data/{page_number}`).
 * For every page, use {@link streamSuggestedDataKeys}.
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
 * @category suggestions
 */
export const listSuggestedDataKeys = route("listSuggestedDataKeys", {
  method: "GET",
  path: "website/{website_id}/conversations/suggest/data/{page_number}",
  label: "List Suggested Conversation Data Keys",
  ref: "#list-suggested-conversation-data-keys",
  official: "website.listSuggestedConversationDataKeys",
  response: Schema.Array(ConversationSuggestedData),
  paged: {},
  fake: { kind: "collection", name: "conversationSuggestedDataKeys", op: "list", id: "key" }
})

/**
 * Every suggested conversation data key as a `Stream`, page after page, until an
 * empty page (the route takes no `per_page`).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const all = WebsiteConversations.streamSuggestedDataKeys("website-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamSuggestedDataKeys = pages(listSuggestedDataKeys, "streamSuggestedDataKeys")

/**
 * Removes a custom data key from the suggestions.
 *
 * Crisp reference: Delete Suggested Conversation Data Key
 * (`DELETE website/{website_id}/conversations/suggest/data` with `{ key }`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const forget = WebsiteConversations.deleteSuggestedDataKey("website-id", { key: "legacy_plan" })
 * ```
 *
 * @since 0.2.0
 * @category suggestions
 */
export const deleteSuggestedDataKey = route("deleteSuggestedDataKey", {
  method: "DELETE",
  path: "website/{website_id}/conversations/suggest/data",
  label: "Delete Suggested Conversation Data Key",
  ref: "#delete-suggested-conversation-data-key",
  official: "website.deleteSuggestedConversationDataKey",
  input: SuggestedDataKeyDeletion,
  fake: { kind: "default" }
})

// ---------------------------------------------------------------------------
// Spam
// ---------------------------------------------------------------------------

/**
 * Lists one page of the conversations Crisp held back as spam.
 *
 * Crisp reference: List Spam Conversations
 * (`GET website/{website_id}/conversations/spams/{page_number}`).
 * For every page, use {@link streamSpams}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const ids = WebsiteConversations.listSpams("website-id", 1).pipe(
 *   Effect.map((spams) => spams.map((s) => s.spam_id))
 * )
 * ```
 *
 * @since 0.2.0
 * @category spam
 */
export const listSpams = route("listSpams", {
  method: "GET",
  path: "website/{website_id}/conversations/spams/{page_number}",
  label: "List Spam Conversations",
  ref: "#list-spam-conversations",
  official: "website.listSpamConversations",
  response: Schema.Array(ConversationSpam),
  paged: {},
  fake: { kind: "collection", name: "conversationSpams", op: "list", id: "spam_id" }
})

/**
 * Every spam conversation as a `Stream`, page after page, until an empty page
 * (the route takes no `per_page`).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const firstTen = WebsiteConversations.streamSpams("website-id").pipe(Stream.take(10), Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamSpams = pages(listSpams, "streamSpams")

/**
 * Gets a spam conversation with its held-back content. An unknown `spamId` fails
 * with `CrispNotFound`.
 *
 * Crisp reference: Resolve Spam Conversation Content
 * (`GET website/{website_id}/conversations/spam/{spam_id}/content`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const spam = WebsiteConversations.resolveSpamContent("website-id", "spam-id")
 * ```
 *
 * @since 0.2.0
 * @category spam
 */
export const resolveSpamContent = route("resolveSpamContent", {
  method: "GET",
  path: "website/{website_id}/conversations/spam/{spam_id}/content",
  label: "Resolve Spam Conversation Content",
  ref: "#resolve-spam-conversation-content",
  official: "website.resolveSpamConversationContent",
  response: ConversationSpamContent,
  fake: { kind: "collection", name: "conversationSpams", op: "get", id: "spam_id" }
})

/**
 * Decides what becomes of a spam conversation (`{ action }`).
 *
 * Crisp reference: Submit Spam Conversation Decision
 * (`POST website/{website_id}/conversations/spam/{spam_id}/decision`).
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
 * @category spam
 */
export const submitSpamDecision = route("submitSpamDecision", {
  method: "POST",
  path: "website/{website_id}/conversations/spam/{spam_id}/decision",
  label: "Submit Spam Conversation Decision",
  ref: "#submit-spam-conversation-decision",
  official: "website.submitSpamConversationDecision",
  input: SpamDecision
})

// ---------------------------------------------------------------------------
// One conversation
// ---------------------------------------------------------------------------

/**
 * Whether a conversation exists: `true`, or `false` when Crisp answers 404.
 * Other failures (401, 5xx, …) stay errors.
 *
 * Crisp reference: Check If Conversation Exists
 * (`HEAD website/{website_id}/conversation/{session_id}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const openIfMissing = (sessionId: string) =>
 *   WebsiteConversations.checkExists("website-id", sessionId).pipe(
 *     Effect.flatMap((exists) => (exists ? Effect.void : WebsiteConversations.initiateOne("website-id", sessionId)))
 *   )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const checkExists = route("checkExists", {
  method: "HEAD",
  path: "website/{website_id}/conversation/{session_id}",
  label: "Check If Conversation Exists",
  ref: "#check-if-conversation-exists",
  official: "website.checkConversationExists",
  fake: { kind: "custom" }
})

/**
 * Gets one message of a conversation by its fingerprint (the number
 * `sendMessage` answers, passed as a string). An unknown fingerprint fails with
 * `CrispNotFound`.
 *
 * Crisp reference: Get A Message In Conversation
 * (`GET website/{website_id}/conversation/{session_id}/message/{fingerprint}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const excerpt = (fingerprint: number) =>
 *   WebsiteConversations.getMessage("website-id", "session-id", fingerprint).pipe(
 *     Effect.map((m) => (m.type === "text" || m.type === "note" ? m.content ?? "" : `[${m.type}]`))
 *   )
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const getMessage = route("getMessage", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/message/{fingerprint}",
  label: "Get A Message In Conversation",
  ref: "#get-a-message-in-conversation",
  official: "website.getMessageInConversation",
  response: ConversationMessage,
  fake: { kind: "custom" }
})

/**
 * Edits a message: replaces its `content` (a string for text and note messages,
 * the content object of the other types; a wrong shape fails with
 * `CrispInvalidRequest` before anything is sent).
 *
 * Crisp reference: Update A Message In Conversation
 * (`PATCH website/{website_id}/conversation/{session_id}/message/{fingerprint}`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const fix = WebsiteConversations.updateMessage("website-id", "session-id", 163408415, {
 *   content: "Your order ships on Monday."
 * })
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const updateMessage = route("updateMessage", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/message/{fingerprint}",
  label: "Update A Message In Conversation",
  ref: "#update-a-message-in-conversation",
  official: "website.updateMessageInConversation",
  input: MessageUpdate,
  fake: { kind: "custom" }
})

/**
 * Removes a message from a conversation.
 *
 * Crisp reference: Remove A Message In Conversation
 * (`DELETE website/{website_id}/conversation/{session_id}/message/{fingerprint}`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const remove = WebsiteConversations.removeMessage("website-id", "session-id", 163408415)
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const removeMessage = route("removeMessage", {
  method: "DELETE",
  path: "website/{website_id}/conversation/{session_id}/message/{fingerprint}",
  label: "Remove A Message In Conversation",
  ref: "#remove-a-message-in-conversation",
  official: "website.removeMessageInConversation",
  fake: { kind: "custom" }
})

/**
 * Shows or hides the typing indicator (`type: "start"` or `"stop"`), optionally
 * with an excerpt of what is being typed.
 *
 * Crisp reference: Compose A Message In Conversation
 * (`PATCH website/{website_id}/conversation/{session_id}/compose`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const typing = WebsiteConversations.composeMessage("website-id", "session-id", { type: "start", from: "operator" })
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const composeMessage = route("composeMessage", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/compose",
  label: "Compose A Message In Conversation",
  ref: "#compose-a-message-in-conversation",
  official: "website.composeMessageInConversation",
  input: MessageCompose,
  fake: { kind: "default" }
})

/**
 * Marks a conversation as unread (for the side given in `from`).
 *
 * Crisp reference: Mark Conversation As Unread
 * (`PATCH website/{website_id}/conversation/{session_id}/unread`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const later = WebsiteConversations.markUnread("website-id", "session-id", { from: "operator" })
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const markUnread = route("markUnread", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/unread",
  label: "Mark Conversation As Unread",
  ref: "#mark-conversation-as-unread",
  official: "website.markConversationAsUnread",
  input: ConversationUnreadMark,
  fake: { kind: "default" }
})

/**
 * Marks messages as delivered (the fingerprints given, or all of them).
 *
 * Crisp reference: Mark Messages As Delivered In Conversation
 * (`PATCH website/{website_id}/conversation/{session_id}/delivered`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const delivered = WebsiteConversations.markMessagesDelivered("website-id", "session-id", {
 *   from: "user", origin: "chat", fingerprints: [163408415]
 * })
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const markMessagesDelivered = route("markMessagesDelivered", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/delivered",
  label: "Mark Messages As Delivered In Conversation",
  ref: "#mark-messages-as-delivered-in-conversation",
  official: "website.markMessagesDeliveredInConversation",
  input: ConversationDeliveredMark,
  fake: { kind: "default" }
})

/**
 * Says whether an operator has the conversation open (`{ opened }`).
 *
 * Crisp reference: Update Conversation Open State
 * (`PATCH website/{website_id}/conversation/{session_id}/open`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const open = WebsiteConversations.updateOpenState("website-id", "session-id", { opened: true })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const updateOpenState = route("updateOpenState", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/open",
  label: "Update Conversation Open State",
  ref: "#update-conversation-open-state",
  official: "website.updateConversationOpenState",
  input: ConversationOpenUpdate,
  fake: { kind: "default" }
})

/**
 * Moves a conversation to an inbox, or out of every inbox with `inbox_id: null`.
 *
 * Crisp reference: Update Conversation Inbox
 * (`PATCH website/{website_id}/conversation/{session_id}/inbox`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const toBilling = WebsiteConversations.updateInbox("website-id", "session-id", { inbox_id: "inbox-id" })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const updateInbox = route("updateInbox", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/inbox",
  label: "Update Conversation Inbox",
  ref: "#update-conversation-inbox",
  official: "website.updateConversationInbox",
  input: ConversationInboxUpdate,
  fake: { kind: "default" }
})

/**
 * Gets the original of a message (e.g. the raw email a message came from); the
 * `originalId` is the message's `original.original_id`.
 *
 * Crisp reference: Get An Original Message In Conversation
 * (`GET website/{website_id}/conversation/{session_id}/original/{original_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const original = WebsiteConversations.getOriginalMessage("website-id", "session-id", "original-id")
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const getOriginalMessage = route("getOriginalMessage", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/original/{original_id}",
  label: "Get An Original Message In Conversation",
  ref: "#get-an-original-message-in-conversation",
  official: "website.getOriginalMessageInConversation",
  response: ConversationOriginal
})

/**
 * Lists one page of the pages the visitor browsed during the conversation.
 *
 * Crisp reference: List Conversation Pages
 * (`GET website/{website_id}/conversation/{session_id}/pages/{page_number}`).
 * For every page, use {@link streamPages}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const titles = WebsiteConversations.listPages("website-id", "session-id", 1).pipe(
 *   Effect.map((pages) => pages.map((p) => p.page_title))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const listPages = route("listPages", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/pages/{page_number}",
  label: "List Conversation Pages",
  ref: "#list-conversation-pages",
  official: "website.listConversationPages",
  response: Schema.Array(ConversationPage),
  paged: {},
  fake: { kind: "collection", name: "conversationPages", op: "list", id: "page_url" }
})

/**
 * Every page the visitor browsed as a `Stream`, page after page, until an empty
 * page (the route takes no `per_page`).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const visited = WebsiteConversations.streamPages("website-id", "session-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamPages = pages(listPages, "streamPages")

/**
 * Lists one page of the conversation's timeline events.
 *
 * Crisp reference: List Conversation Events
 * (`GET website/{website_id}/conversation/{session_id}/events/{page_number}`).
 * For every page, use {@link streamEvents}.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const events = WebsiteConversations.listEvents("website-id", "session-id", 1)
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const listEvents = route("listEvents", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/events/{page_number}",
  label: "List Conversation Events",
  ref: "#list-conversation-events",
  official: "website.listConversationEvents",
  response: Schema.Array(ConversationEvent),
  paged: {},
  fake: { kind: "collection", name: "conversationEvents", op: "list", id: "timestamp" }
})

/**
 * Every timeline event of the conversation as a `Stream`, page after page, until
 * an empty page (the route takes no `per_page`).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const timeline = WebsiteConversations.streamEvents("website-id", "session-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamEvents = pages(listEvents, "streamEvents")

/**
 * Lists one page of the files shared in the conversation.
 *
 * Crisp reference: List Conversation Files
 * (`GET website/{website_id}/conversation/{session_id}/files/{page_number}`).
 * For every page, use {@link streamFiles}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const pdfs = WebsiteConversations.listFiles("website-id", "session-id", 1).pipe(
 *   Effect.map((files) => files.filter((f) => f.type === "application/pdf"))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const listFiles = route("listFiles", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/files/{page_number}",
  label: "List Conversation Files",
  ref: "#list-conversation-files",
  official: "website.listConversationFiles",
  response: Schema.Array(ConversationFile),
  paged: {},
  fake: { kind: "collection", name: "conversationFiles", op: "list", id: "fingerprint" }
})

/**
 * Every file shared in the conversation as a `Stream`, page after page, until an
 * empty page (the route takes no `per_page`).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const files = WebsiteConversations.streamFiles("website-id", "session-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const streamFiles = pages(listFiles, "streamFiles")

/**
 * Gets a conversation's state: `{ state }`, one of `"pending"`, `"unresolved"`,
 * `"resolved"` (set it with {@link setState}).
 *
 * Crisp reference: Get Conversation State
 * (`GET website/{website_id}/conversation/{session_id}/state`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const isResolved = WebsiteConversations.getState("website-id", "session-id").pipe(
 *   Effect.map(({ state }) => state === "resolved")
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const getState = route("getState", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/state",
  label: "Get Conversation State",
  ref: "#get-conversation-state",
  official: "website.getConversationState",
  response: ConversationStateData,
  fake: { kind: "custom" }
})

/**
 * Gets how a conversation relates to others: the conversation it was split from
 * and the ones split from it.
 *
 * Crisp reference: Get Conversation Relations
 * (`GET website/{website_id}/conversation/{session_id}/relations`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const parent = WebsiteConversations.getRelations("website-id", "session-id").pipe(
 *   Effect.map((relations) => relations.conversations?.parent)
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const getRelations = route("getRelations", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/relations",
  label: "Get Conversation Relations",
  ref: "#get-conversation-relations",
  official: "website.getConversationRelations",
  response: ConversationRelations
})

/**
 * Gets the participants of a conversation (who else is copied on it).
 *
 * Crisp reference: Get Conversation Participants
 * (`GET website/{website_id}/conversation/{session_id}/participants`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const targets = WebsiteConversations.getParticipants("website-id", "session-id").pipe(
 *   Effect.map(({ participants }) => (participants ?? []).map((p) => p.target))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const getParticipants = route("getParticipants", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/participants",
  label: "Get Conversation Participants",
  ref: "#get-conversation-participants",
  official: "website.getConversationParticipants",
  response: ConversationParticipants,
  fake: { kind: "custom" }
})

/**
 * Saves the participants of a conversation: the list given replaces the previous
 * one (read it first with {@link getParticipants} to add one).
 *
 * Crisp reference: Save Conversation Participants
 * (`PUT website/{website_id}/conversation/{session_id}/participants`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const addParticipant = (email: string) =>
 *   WebsiteConversations.getParticipants("website-id", "session-id").pipe(
 *     Effect.flatMap(({ participants }) =>
 *       WebsiteConversations.saveParticipants("website-id", "session-id", {
 *         participants: [...(participants ?? []), { type: "email", target: email }]
 *       })
 *     )
 *   )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const saveParticipants = route("saveParticipants", {
  method: "PUT",
  path: "website/{website_id}/conversation/{session_id}/participants",
  label: "Save Conversation Participants",
  ref: "#save-conversation-participants",
  official: "website.saveConversationParticipants",
  input: ConversationParticipantsSave,
  fake: { kind: "custom" }
})

/**
 * Gets whether a conversation's incoming messages are blocked (set it with
 * {@link setBlock}).
 *
 * Crisp reference: Get Block Status For Conversation
 * (`GET website/{website_id}/conversation/{session_id}/block`).
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
export const getBlockStatus = route("getBlockStatus", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/block",
  label: "Get Block Status For Conversation",
  ref: "#get-block-status-for-conversation",
  official: "website.getBlockStatusForConversation",
  response: ConversationBlock,
  fake: { kind: "custom" }
})

// ---------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------

/**
 * Gets whether the conversation's visitor is verified, and by which verifications.
 *
 * Crisp reference: Get Verify Status For Conversation
 * (`GET website/{website_id}/conversation/{session_id}/verify`).
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
export const getVerifyStatus = route("getVerifyStatus", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/verify",
  label: "Get Verify Status For Conversation",
  ref: "#get-verify-status-for-conversation",
  official: "website.getVerifyStatusForConversation",
  response: ConversationVerify,
  fake: { kind: "document" }
})

/**
 * Marks the conversation's visitor as verified or not (`{ verified }`).
 *
 * Crisp reference: Update Verify Status For Conversation
 * (`PATCH website/{website_id}/conversation/{session_id}/verify`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const trust = WebsiteConversations.updateVerifyStatus("website-id", "session-id", { verified: true })
 * ```
 *
 * @since 0.2.0
 * @category verification
 */
export const updateVerifyStatus = route("updateVerifyStatus", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/verify",
  label: "Update Verify Status For Conversation",
  ref: "#update-verify-status-for-conversation",
  official: "website.updateVerifyStatusForConversation",
  input: ConversationVerifyUpdate,
  fake: { kind: "document" }
})

/**
 * Asks the visitor to verify an identity (e.g. their email, by a link sent to
 * the recipient).
 *
 * Crisp reference: Request Identity Verification For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/verify/identity`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const ask = WebsiteConversations.requestIdentityVerification("website-id", "session-id", {
 *   identity: "email", method: "link", recipient: "jane@example.com"
 * })
 * ```
 *
 * @since 0.2.0
 * @category verification
 */
export const requestIdentityVerification = route("requestIdentityVerification", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/verify/identity",
  label: "Request Identity Verification For Conversation",
  ref: "#request-identity-verification-for-conversation",
  official: "website.requestIdentityVerificationForConversation",
  input: IdentityVerificationRequest
})

/**
 * Redeems the token of an identity verification link. Takes one object
 * (`{ identity, token, recipient }`), as Crisp's current client does; its old
 * README showed separate arguments.
 *
 * Crisp reference: Redeem Identity Verification Link For Conversation
 * (`PUT website/{website_id}/conversation/{session_id}/verify/identity/link`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const redeem = (token: string) =>
 *   WebsiteConversations.redeemIdentityVerificationLink("website-id", "session-id", {
 *     identity: "email", token, recipient: "jane@example.com"
 *   })
 * ```
 *
 * @since 0.2.0
 * @category verification
 */
export const redeemIdentityVerificationLink = route("redeemIdentityVerificationLink", {
  method: "PUT",
  path: "website/{website_id}/conversation/{session_id}/verify/identity/link",
  label: "Redeem Identity Verification Link For Conversation",
  ref: "#redeem-identity-verification-link-for-conversation",
  official: "website.redeemIdentityVerificationLinkForConversation",
  input: IdentityVerificationRedeem,
  fake: { kind: "default" }
})

// ---------------------------------------------------------------------------
// Requests to the visitor's side
// ---------------------------------------------------------------------------

/**
 * Emails the conversation's transcript to the visitor (`to: "user"`) or to an
 * operator (`to: "operator"`), optionally at another address.
 *
 * Crisp reference: Request Email Transcript For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/transcript`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const send = WebsiteConversations.requestEmailTranscript("website-id", "session-id", {
 *   to: "user", email: "jane@example.com"
 * })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const requestEmailTranscript = route("requestEmailTranscript", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/transcript",
  label: "Request Email Transcript For Conversation",
  ref: "#request-email-transcript-for-conversation",
  official: "website.requestEmailTranscriptForConversation",
  input: TranscriptRequest
})

/**
 * Asks the visitor's chatbox to forget its binding to this conversation (the
 * next visit starts a new session).
 *
 * Crisp reference: Request Chatbox Binding Purge For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/purge`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const purge = WebsiteConversations.requestChatboxBindingPurge("website-id", "session-id")
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const requestChatboxBindingPurge = route("requestChatboxBindingPurge", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/purge",
  label: "Request Chatbox Binding Purge For Conversation",
  ref: "#request-chatbox-binding-purge-for-conversation",
  official: "website.requestChatboxBindingPurgeForConversation"
})

/**
 * Asks the visitor to rate the conversation.
 *
 * Crisp reference: Request User Feedback For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/feedback`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const wrapUp = WebsiteConversations.setState("website-id", "session-id", "resolved").pipe(
 *   Effect.zipRight(WebsiteConversations.requestUserFeedback("website-id", "session-id"))
 * )
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const requestUserFeedback = route("requestUserFeedback", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/feedback",
  label: "Request User Feedback For Conversation",
  ref: "#request-user-feedback-for-conversation",
  official: "website.requestUserFeedbackForConversation"
})

// ---------------------------------------------------------------------------
// Co-browsing
// ---------------------------------------------------------------------------

/**
 * Lists the co-browsing sessions of a conversation. Each `browsing_token` is a
 * `Redacted`.
 *
 * Crisp reference: List Browsing Sessions For Conversation
 * (`GET website/{website_id}/conversation/{session_id}/browsing`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const first = WebsiteConversations.listBrowsingSessions("website-id", "session-id").pipe(
 *   Effect.map((sessions) => sessions[0]?.browsing_id)
 * )
 * ```
 *
 * @since 0.2.0
 * @category browsing
 */
export const listBrowsingSessions = route("listBrowsingSessions", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/browsing",
  label: "List Browsing Sessions For Conversation",
  ref: "#list-browsing-sessions-for-conversation",
  official: "website.listBrowsingSessionsForConversation",
  response: Schema.Array(ConversationBrowsing)
})

/**
 * Asks the visitor to start a co-browsing session.
 *
 * Crisp reference: Initiate Browsing Session For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/browsing`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const cobrowse = WebsiteConversations.initiateBrowsingSession("website-id", "session-id")
 * ```
 *
 * @since 0.2.0
 * @category browsing
 */
export const initiateBrowsingSession = route("initiateBrowsingSession", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/browsing",
  label: "Initiate Browsing Session For Conversation",
  ref: "#initiate-browsing-session-for-conversation",
  official: "website.initiateBrowsingSessionForConversation"
})

/**
 * Sends an action (`{ action }`) to a running co-browsing session.
 *
 * Crisp reference: Send Action To An Existing Browsing Session
 * (`PATCH website/{website_id}/conversation/{session_id}/browsing/{browsing_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const act = (browsingId: string, action: string) =>
 *   WebsiteConversations.sendActionToBrowsingSession("website-id", "session-id", browsingId, { action })
 * ```
 *
 * @since 0.2.0
 * @category browsing
 */
export const sendActionToBrowsingSession = route("sendActionToBrowsingSession", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}",
  label: "Send Action To An Existing Browsing Session",
  ref: "#send-action-to-an-existing-browsing-session",
  official: "website.sendActionToExistingBrowsingSession",
  input: BrowsingAction,
  fake: { kind: "default" }
})

/**
 * Sends assistance (a free-form JSON object, passed through as the body) to a
 * running co-browsing session.
 *
 * Crisp reference: Assist Existing Browsing Session
 * (`PATCH website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const assist = (browsingId: string, payload: Record<string, unknown>) =>
 *   WebsiteConversations.assistBrowsingSession("website-id", "session-id", browsingId, payload)
 * ```
 *
 * @since 0.2.0
 * @category browsing
 */
export const assistBrowsingSession = route("assistBrowsingSession", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist",
  label: "Assist Existing Browsing Session",
  ref: "#assist-an-existing-browsing-session",
  official: "website.assistExistingBrowsingSession",
  input: PassThroughBody,
  fake: { kind: "default" }
})

// ---------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------

/**
 * Starts a call with the visitor (`mode`: Crisp's client sends `"audio"` by default).
 *
 * Crisp reference: Initiate New Call Session For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/call`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const call = WebsiteConversations.initiateCallSession("website-id", "session-id", { mode: "audio" })
 * ```
 *
 * @since 0.2.0
 * @category calls
 */
export const initiateCallSession = route("initiateCallSession", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/call",
  label: "Initiate New Call Session For Conversation",
  ref: "#initiate-new-call-session-for-conversation",
  official: "website.initiateNewCallSessionForConversation",
  input: CallSessionNew
})

/**
 * Gets the conversation's ongoing call.
 *
 * Crisp reference: Get Ongoing Call Session For Conversation
 * (`GET website/{website_id}/conversation/{session_id}/call`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const callId = WebsiteConversations.getOngoingCallSession("website-id", "session-id").pipe(
 *   Effect.map((call) => call.call_id),
 *   Effect.catchTag("CrispNotFound", () => Effect.succeed(undefined))
 * )
 * ```
 *
 * @since 0.2.0
 * @category calls
 */
export const getOngoingCallSession = route("getOngoingCallSession", {
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}/call",
  label: "Get Ongoing Call Session For Conversation",
  ref: "#get-ongoing-call-session-for-conversation",
  official: "website.getOngoingCallSessionForConversation",
  response: ConversationCall
})

/**
 * Ends an ongoing call; optionally says who ends it and from where (sent as the
 * DELETE's JSON body).
 *
 * Crisp reference: Abort Ongoing Call Session For Conversation
 * (`DELETE website/{website_id}/conversation/{session_id}/call/{call_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const hangUp = (callId: string) => WebsiteConversations.abortOngoingCallSession("website-id", "session-id", callId)
 * ```
 *
 * @since 0.2.0
 * @category calls
 */
export const abortOngoingCallSession = route("abortOngoingCallSession", {
  method: "DELETE",
  path: "website/{website_id}/conversation/{session_id}/call/{call_id}",
  label: "Abort Ongoing Call Session For Conversation",
  ref: "#abort-ongoing-call-session-for-conversation",
  official: "website.abortOngoingCallSessionForConversation",
  input: CallSessionAbort,
  fake: { kind: "default" }
})

/**
 * Sends a signaling payload (a free-form JSON object, passed through as the
 * body) on an ongoing call.
 *
 * Crisp reference: Transmit Signaling On Ongoing Call Session
 * (`PATCH website/{website_id}/conversation/{session_id}/call/{call_id}`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const signal = (callId: string, payload: Record<string, unknown>) =>
 *   WebsiteConversations.transmitCallSignaling("website-id", "session-id", callId, payload)
 * ```
 *
 * @since 0.2.0
 * @category calls
 */
export const transmitCallSignaling = route("transmitCallSignaling", {
  method: "PATCH",
  path: "website/{website_id}/conversation/{session_id}/call/{call_id}",
  label: "Transmit Signaling On Ongoing Call Session",
  ref: "#transmit-signaling-on-ongoing-call-session",
  official: "website.transmitSignalingOnOngoingCallSession",
  input: PassThroughBody,
  fake: { kind: "default" }
})

// ---------------------------------------------------------------------------
// Tools, plugin widgets, reminders, reports
// ---------------------------------------------------------------------------

/**
 * Asks for a tool call in the conversation: a `command` and its optional
 * free-form `payload`.
 *
 * Crisp reference: Request Tool Call For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/tool`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const lookup = WebsiteConversations.requestToolCall("website-id", "session-id", {
 *   command: "lookup_order", payload: { order_id: "A-1042" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const requestToolCall = route("requestToolCall", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/tool",
  label: "Request Tool Call For Conversation",
  ref: "#request-tool-call-for-conversation",
  official: "website.requestToolCallForConversation",
  input: ToolCallRequest
})

/**
 * Delivers a click on a button of a plugin's widget (shown next to the
 * conversation) to that plugin.
 *
 * Crisp reference: Deliver Widget Button Action For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const click = WebsiteConversations.deliverWidgetButtonAction("website-id", "session-id", "plugin-id", {
 *   section_id: "orders", item_id: "refund", data: { order_id: "A-1042" }
 * })
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const deliverWidgetButtonAction = route("deliverWidgetButtonAction", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button",
  label: "Deliver Widget Button Action For Conversation",
  ref: "#deliver-widget-button-action-for-conversation",
  official: "website.deliverWidgetButtonActionForConversation",
  input: WidgetButtonAction
})

/**
 * Asks a plugin for the data of an item of its widget (`{ section_id, item_id,
 * data }`). It shares its route with {@link deliverWidgetDataEditAction}; Crisp
 * tells the two apart by the body (`data` here, `value` there).
 *
 * Crisp reference: Deliver Widget Data Fetch Action For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const fetchItem = WebsiteConversations.deliverWidgetDataFetchAction("website-id", "session-id", "plugin-id", {
 *   section_id: "orders", item_id: "last_order", data: {}
 * })
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const deliverWidgetDataFetchAction = route("deliverWidgetDataFetchAction", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data",
  label: "Deliver Widget Data Fetch Action For Conversation",
  ref: "#deliver-widget-data-action-for-conversation",
  official: "website.deliverWidgetDataFetchActionForConversation",
  input: WidgetDataFetchAction
})

/**
 * Delivers the new value of an edited field of a plugin's widget
 * (`{ section_id, item_id, value }`). It shares its route with
 * {@link deliverWidgetDataFetchAction}; Crisp tells the two apart by the body.
 *
 * Crisp reference: Deliver Widget Data Edit Action For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const edit = WebsiteConversations.deliverWidgetDataEditAction("website-id", "session-id", "plugin-id", {
 *   section_id: "profile", item_id: "company", value: "Acme"
 * })
 * ```
 *
 * @since 0.2.0
 * @category plugins
 */
export const deliverWidgetDataEditAction = route("deliverWidgetDataEditAction", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data",
  label: "Deliver Widget Data Edit Action For Conversation",
  ref: "#deliver-widget-data-action-for-conversation",
  official: "website.deliverWidgetDataEditActionForConversation",
  input: WidgetDataEditAction
})

/**
 * Schedules a reminder on the conversation: a `note` shown to operators at `date`.
 *
 * Crisp reference: Schedule A Reminder For Conversation
 * (`POST website/{website_id}/conversation/{session_id}/reminder`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const remind = WebsiteConversations.scheduleReminder("website-id", "session-id", {
 *   date: "2026-01-15T09:00:00.000Z", note: "Call Jane back about the refund"
 * })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const scheduleReminder = route("scheduleReminder", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/reminder",
  label: "Schedule A Reminder For Conversation",
  ref: "#schedule-a-reminder-for-conversation",
  official: "website.scheduleReminderForConversation",
  input: ReminderNew
})

/**
 * Reports a conversation to Crisp (`{ flag }` says why).
 *
 * Crisp reference: Report Conversation
 * (`POST website/{website_id}/conversation/{session_id}/report`).
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const flag = (sessionId: string, flag: string) => WebsiteConversations.report("website-id", sessionId, { flag })
 * ```
 *
 * @since 0.2.0
 * @category conversations
 */
export const report = route("report", {
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/report",
  label: "Report Conversation",
  ref: "#report-conversation",
  official: "website.reportConversation",
  input: ConversationReport
})
