/**
 * Conversation routes: `website/{website_id}/conversations/...` and
 * `website/{website_id}/conversation/{session_id}/...`.
 */
import { clone, isRecord } from "../json.js"
import {
  type ConversationRecord,
  type ConversationState,
  conversationToWire,
  type MessageFrom,
  type MessageRecord,
  type MessageType,
  messageToWire,
  metaToWire
} from "../model.js"
import { type Handlers, invalid, isReply, notFound, ok, type Reply, type RouteContext } from "../router.js"
import type { MetaUpdate, NewMessage } from "../store.js"
import {
  containsText,
  flag,
  matchesFilters,
  pageNumber,
  parseFilters,
  perPage,
  searchOperator,
  slicePage,
  timestamp,
  withConversation,
  withWebsite
} from "./common.js"


// ---------------------------------------------------------------------------

const listConversations = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const page = pageNumber(ctx.params.page_number)
    if (isReply(page)) return page
    const size = perPage(ctx.query.per_page)
    if (isReply(size)) return size
    const flags = ["filter_unread", "filter_resolved", "filter_not_resolved", "filter_unassigned", "order_date_created"]
      .map((name) => flag(ctx.query, name))
    const bad = flags.find(isReply)
    if (bad !== undefined) return bad
    const [unread, resolved, notResolved, unassigned, byCreation] = flags as Array<boolean>
    const includeEmptyRaw = ctx.query.include_empty
    const excludeEmpty = includeEmptyRaw === "0" || includeEmptyRaw === "false"
    const assigned = ctx.query.filter_assigned
    const start = dateParam(ctx.query.filter_date_start, "filter_date_start")
    if (isReply(start)) return start
    const end = dateParam(ctx.query.filter_date_end, "filter_date_end")
    if (isReply(end)) return end
    const search = searchPredicate(ctx)
    if (isReply(search)) return search

    const items = [...(ctx.store.conversations.get(website.website_id)?.values() ?? [])]
      .filter((c) =>
        (!excludeEmpty || c.messages.length > 0) &&
        (!unread || c.messages.some((m) => m.from === "user" && m.read === "")) &&
        (!resolved || c.state === "resolved") &&
        (!notResolved || c.state !== "resolved") &&
        (!unassigned || c.assigned === undefined) &&
        (assigned === undefined || assigned === "" || c.assigned === assigned) &&
        (start === undefined || c.created_at >= start) &&
        (end === undefined || c.created_at <= end) &&
        search(c)
      )
      .sort((a, b) =>
        (byCreation ? b.created_at - a.created_at : b.updated_at - a.updated_at) || b.seq - a.seq
      )
    return ok(slicePage(items, page, size).map(conversationToWire))
  })

const dateParam = (raw: string | undefined, name: string): number | undefined | Reply => {
  if (raw === undefined || raw === "") return undefined
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw)
  return Number.isNaN(parsed) ? invalid(`${name} must be a date, got ${JSON.stringify(raw)}`) : parsed
}

const searchPredicate = (ctx: RouteContext): ((c: ConversationRecord) => boolean) | Reply => {
  const query = ctx.query.search_query
  if (query === undefined || query === "") return () => true
  const type = ctx.query.search_type ?? "text"
  switch (type) {
    case "text":
      return (c) =>
        containsText([c.meta.nickname, c.meta.email, c.meta.phone, c.meta.subject, c.session_id], query) ||
        c.messages.some((m) => typeof m.content === "string" && containsText([m.content], query))
    case "segment":
      return (c) => c.meta.segments.some((s) => s.toLowerCase() === query.toLowerCase())
    case "filter": {
      const filters = parseFilters("search_query", query)
      if (isReply(filters)) return filters
      const operator = searchOperator(ctx.query.search_operator)
      if (isReply(operator)) return operator
      return (c) => matchesFilters(conversationToWire(c), filters, operator)
    }
    default:
      return invalid(`search_type must be text, segment or filter, got ${JSON.stringify(type)}`)
  }
}

const createConversation = (ctx: RouteContext): Reply =>
  withWebsite(ctx, (website) => {
    const conversation = ctx.store.addConversation(website.website_id, ctx.now)
    return ok({ session_id: conversation.session_id })
  })

const getConversation = (ctx: RouteContext): Reply => withConversation(ctx, (c) => ok(conversationToWire(c)))

const removeConversation = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    ctx.store.removeConversation(c, ctx.now)
    return ok()
  })

const initiateConversation = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    ctx.store.initiateConversation(c, ctx.now)
    return ok()
  })

const getMessages = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const before = timestamp(ctx.query, "timestamp_before")
    if (isReply(before)) return before
    const after = timestamp(ctx.query, "timestamp_after")
    if (isReply(after)) return after
    const size = ctx.store.messagesPerPage
    let items = c.messages
    if (after !== undefined) {
      items = items.filter((m) => m.timestamp > after && (before === undefined || m.timestamp < before)).slice(0, size)
    } else {
      if (before !== undefined) items = items.filter((m) => m.timestamp < before)
      items = items.slice(Math.max(0, items.length - size))
    }
    return ok(items.map(messageToWire))
  })

const sendMessage = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const body = ctx.input as NewMessage
    if (body.fingerprint !== undefined && c.messages.some((m) => m.fingerprint === body.fingerprint)) {
      return invalid(`a message with fingerprint ${body.fingerprint} already exists in this conversation`)
    }
    const author = body.user ?? (body.from === "operator" ? operatorAuthor(ctx) : undefined)
    const message = ctx.store.appendMessage(c, {
      type: body.type,
      from: body.from,
      origin: body.origin,
      content: body.content,
      fingerprint: body.fingerprint,
      timestamp: body.timestamp,
      user: author,
      mentions: body.mentions,
      automated: body.automated,
      stealth: body.stealth,
      properties: body.properties
    }, ctx.now)
    return ok({ fingerprint: message.fingerprint })
  })

const operatorAuthor = (ctx: RouteContext) => {
  const account = ctx.principal?.account
  if (account !== undefined) return { type: "website", user_id: account.user_id, nickname: account.first_name || account.email }
  return undefined
}

const getMeta = (ctx: RouteContext): Reply => withConversation(ctx, (c) => ok(metaToWire(c.meta)))

const updateMeta = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const update = ctx.input as MetaUpdate
    if (update.email !== undefined && update.email !== "" && !update.email.includes("@")) {
      return invalid(`email is not an email address: ${JSON.stringify(update.email)}`)
    }
    ctx.store.updateMeta(c, update, ctx.now)
    return ok()
  })

const setState = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    ctx.store.setState(c, (ctx.input as { readonly state: ConversationState }).state, ctx.now)
    return ok()
  })

const setBlock = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    ctx.store.setBlock(c, (ctx.input as { readonly blocked: boolean }).blocked, ctx.now)
    return ok()
  })

const getRouting = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => ok(c.assigned === undefined ? {} : { assigned: { user_id: c.assigned } }))

const setRouting = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const input = ctx.input as { readonly assigned?: { readonly user_id?: string | null } | null }
    const userId = input.assigned?.user_id ?? undefined
    if (userId !== undefined && ctx.store.operator(c.website_id, userId) === undefined) {
      return invalid(`assigned.user_id ${JSON.stringify(userId)} is not an operator of this website`)
    }
    ctx.store.setRouting(c, userId, ctx.now)
    return ok()
  })

const markRead = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const body = ctx.input as { readonly from: MessageFrom; readonly origin: string; readonly fingerprints?: ReadonlyArray<number> }
    ctx.store.markRead(c, body.from, body.origin, body.fingerprints, ctx.now)
    return ok()
  })

// ---------------------------------------------------------------------------
// State, block status, participants, one message
// ---------------------------------------------------------------------------

/** What Crisp's session events carry besides their own fields. */
const sessionEvent = (c: ConversationRecord, extra: Record<string, unknown>) => ({
  website_id: c.website_id,
  session_id: c.session_id,
  inbox_id: null,
  ...extra
})

const checkExists = (ctx: RouteContext): Reply => withConversation(ctx, () => ok())

const getState = (ctx: RouteContext): Reply => withConversation(ctx, (c) => ok({ state: c.state }))

const getBlockStatus = (ctx: RouteContext): Reply => withConversation(ctx, (c) => ok({ blocked: c.is_blocked }))

/**
 * Participants are one stored document per conversation (where a generic
 * `document` row would keep it): none until saved, replaced by each save, which
 * Crisp announces with `session:set_participants`.
 */
const participantsKey = (c: ConversationRecord) => `website/${c.website_id}/conversation/${c.session_id}/participants`

const getParticipants = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => ok(clone(ctx.store.documents.get(participantsKey(c)) ?? { participants: [] })))

const saveParticipants = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const input = ctx.input as { readonly participants?: ReadonlyArray<Record<string, unknown>> | undefined }
    const participants = clone(input.participants ?? [])
    ctx.store.documents.set(participantsKey(c), { participants })
    c.updated_at = Math.max(c.updated_at, ctx.now)
    ctx.store.emit("session:set_participants", sessionEvent(c, { participants: clone(participants) }), ctx.now)
    return ok()
  })

/** Runs `f` with the message of the path's `fingerprint`, or answers 404. */
const withMessage = (ctx: RouteContext, f: (c: ConversationRecord, message: MessageRecord, index: number) => Reply): Reply =>
  withConversation(ctx, (c) => {
    const wanted = ctx.params.fingerprint ?? ""
    const index = /^\d+$/.test(wanted) ? c.messages.findIndex((m) => m.fingerprint === Number(wanted)) : -1
    return index < 0 ? notFound("message") : f(c, c.messages[index]!, index)
  })

const getMessage = (ctx: RouteContext): Reply => withMessage(ctx, (_c, message) => ok(messageToWire(message)))

const TEXT_TYPES: ReadonlySet<MessageType> = new Set(["text", "note"])

/** Edits a message's content (a string for text and notes, an object otherwise) and announces `message:updated`. */
const updateMessage = (ctx: RouteContext): Reply =>
  withMessage(ctx, (c, message) => {
    const { content } = ctx.input as { readonly content: unknown }
    const wantsText = TEXT_TYPES.has(message.type)
    if (wantsText !== (typeof content === "string")) {
      return invalid(`content of a ${message.type} message must be ${wantsText ? "a string" : "an object"}`)
    }
    if (!wantsText && !isRecord(content)) return invalid(`content of a ${message.type} message must be an object`)
    message.content = clone(content)
    message.edited = true
    c.updated_at = Math.max(c.updated_at, ctx.now)
    ctx.store.emit("message:updated", sessionEvent(c, { fingerprint: message.fingerprint, content: clone(content) }), ctx.now)
    return ok()
  })

/** Removes a message and announces `message:removed`. */
const removeMessage = (ctx: RouteContext): Reply =>
  withMessage(ctx, (c, message, index) => {
    c.messages.splice(index, 1)
    c.updated_at = Math.max(c.updated_at, ctx.now)
    ctx.store.emit("message:removed", sessionEvent(c, { fingerprint: message.fingerprint }), ctx.now)
    return ok()
  })

/** The hand-written conversation handlers, by function name. */
export const handlers: Handlers = {
  "WebsiteConversations.getList": listConversations,
  "WebsiteConversations.create": createConversation,
  "WebsiteConversations.getOne": getConversation,
  "WebsiteConversations.deleteOne": removeConversation,
  "WebsiteConversations.initiateOne": initiateConversation,
  "WebsiteConversations.getMessages": getMessages,
  "WebsiteConversations.sendMessage": sendMessage,
  "WebsiteConversations.getMeta": getMeta,
  "WebsiteConversations.updateMeta": updateMeta,
  "WebsiteConversations.setState": setState,
  "WebsiteConversations.setBlock": setBlock,
  "WebsiteConversations.getRouting": getRouting,
  "WebsiteConversations.setRouting": setRouting,
  "WebsiteConversations.acknowledgeMessages": markRead,
  "WebsiteConversations.checkExists": checkExists,
  "WebsiteConversations.getState": getState,
  "WebsiteConversations.getBlockStatus": getBlockStatus,
  "WebsiteConversations.getParticipants": getParticipants,
  "WebsiteConversations.saveParticipants": saveParticipants,
  "WebsiteConversations.getMessage": getMessage,
  "WebsiteConversations.updateMessage": updateMessage,
  "WebsiteConversations.removeMessage": removeMessage
}
