/**
 * Conversation routes: `website/{website_id}/conversations/...` and
 * `website/{website_id}/conversation/{session_id}/...`.
 */
import { Either, Schema } from "effect"
import {
  type ConversationRecord,
  conversationToWire,
  MESSAGE_TYPES,
  type MessageType,
  messageToWire,
  metaToWire
} from "../model.js"
import { bodyDecoder, invalid, isReply, ok, type Reply, route, type Route, type RouteContext } from "../router.js"
import type { MetaUpdate } from "../store.js"
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

const Str = Schema.String
const Scalar = Schema.Union(Schema.String, Schema.Number, Schema.Boolean)
const ScalarRecord = Schema.Record({ key: Schema.String, value: Scalar })
const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const opt = Schema.optional

const MessageUser = Schema.Struct({
  type: opt(Str),
  user_id: opt(Str),
  nickname: opt(Str),
  avatar: opt(Str)
})

const SendMessageBody = Schema.Struct({
  type: Schema.Literal(...MESSAGE_TYPES),
  from: Schema.Literal("user", "operator"),
  origin: Str,
  content: Schema.Unknown,
  fingerprint: opt(Schema.Number.pipe(Schema.int(), Schema.positive())),
  user: opt(MessageUser),
  mentions: opt(Schema.Array(Str)),
  timestamp: opt(Schema.Number),
  automated: opt(Schema.Boolean),
  stealth: opt(Schema.Boolean),
  translated: opt(Schema.Boolean),
  properties: opt(ScalarRecord)
})

const NonEmpty = Str.pipe(Schema.minLength(1))

/** What each message type's `content` must be (extra fields are kept). */
const CONTENT: Record<MessageType, Schema.Schema<unknown, unknown>> = {
  text: NonEmpty as Schema.Schema<unknown, unknown>,
  note: NonEmpty as Schema.Schema<unknown, unknown>,
  file: Schema.Struct({ name: Str, url: Str, type: Str }) as Schema.Schema<unknown, unknown>,
  animation: Schema.Struct({ url: Str, type: Str }) as Schema.Schema<unknown, unknown>,
  audio: Schema.Struct({ url: Str, type: Str, duration: Schema.Number }) as Schema.Schema<unknown, unknown>,
  picker: Schema.Struct({
    id: Str,
    text: Str,
    choices: Schema.Array(Schema.Struct({ value: Str, label: Str, selected: opt(Schema.Boolean) })),
    required: opt(Schema.Boolean)
  }) as Schema.Schema<unknown, unknown>,
  field: Schema.Struct({ id: Str, text: Str, explain: opt(Str), value: opt(Str), required: opt(Schema.Boolean) }) as Schema.Schema<
    unknown,
    unknown
  >,
  carousel: Schema.Struct({
    text: Str,
    targets: Schema.Array(Schema.Struct({ title: Str, description: opt(Str), image: opt(Str) }))
  }) as Schema.Schema<unknown, unknown>,
  event: Schema.Struct({ namespace: Str, text: opt(Str) }) as Schema.Schema<unknown, unknown>
}

const CONTENT_DECODERS = Object.fromEntries(
  MESSAGE_TYPES.map((type) => [type, bodyDecoder(CONTENT[type], `content of a ${type} message`)])
) as Record<MessageType, ReturnType<typeof bodyDecoder<unknown, unknown>>>

const decodeSendMessage = bodyDecoder(SendMessageBody)

const decodeMeta = bodyDecoder(Schema.Struct({
  nickname: opt(Str),
  email: opt(Str),
  phone: opt(Str),
  address: opt(Str),
  subject: opt(Str),
  avatar: opt(Str),
  ip: opt(Str),
  origin: opt(Str),
  data: opt(ScalarRecord),
  segments: opt(Schema.Array(Str)),
  device: opt(JsonObject),
  connection: opt(JsonObject)
}))

const decodeState = bodyDecoder(Schema.Struct({
  state: Schema.Literal("pending", "unresolved", "resolved")
}))

const decodeBlock = bodyDecoder(Schema.Struct({ blocked: Schema.Boolean }))

const decodeRouting = bodyDecoder(Schema.Struct({
  assigned: opt(Schema.NullOr(Schema.Struct({ user_id: opt(Schema.NullOr(Str)) }))),
  silent: opt(Schema.Boolean)
}))

const decodeRead = bodyDecoder(Schema.Struct({
  from: opt(Schema.Literal("user", "operator")),
  origin: opt(Str),
  fingerprints: opt(Schema.Array(Schema.Number))
}))

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
    const decoded = decodeSendMessage(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const body = decoded.right
    const content = CONTENT_DECODERS[body.type](body.content)
    if (Either.isLeft(content)) return content.left
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
    const decoded = decodeMeta(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const update = decoded.right
    if (update.email !== undefined && update.email !== "" && !update.email.includes("@")) {
      return invalid(`email is not an email address: ${JSON.stringify(update.email)}`)
    }
    ctx.store.updateMeta(c, update as MetaUpdate, ctx.now)
    return ok()
  })

const setState = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const decoded = decodeState(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    ctx.store.setState(c, decoded.right.state, ctx.now)
    return ok()
  })

const setBlock = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const decoded = decodeBlock(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    ctx.store.setBlock(c, decoded.right.blocked, ctx.now)
    return ok()
  })

const getRouting = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => ok(c.assigned === undefined ? {} : { assigned: { user_id: c.assigned } }))

const setRouting = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const decoded = decodeRouting(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const userId = decoded.right.assigned?.user_id ?? undefined
    if (userId !== undefined && ctx.store.operator(c.website_id, userId) === undefined) {
      return invalid(`assigned.user_id ${JSON.stringify(userId)} is not an operator of this website`)
    }
    ctx.store.setRouting(c, userId, ctx.now)
    return ok()
  })

const markRead = (ctx: RouteContext): Reply =>
  withConversation(ctx, (c) => {
    const decoded = decodeRead(ctx.body)
    if (Either.isLeft(decoded)) return decoded.left
    const body = decoded.right
    ctx.store.markRead(c, body.from ?? "operator", body.origin ?? "chat", body.fingerprints, ctx.now)
    return ok()
  })

const base = "website/{website_id}/conversation/{session_id}"

/** The conversation routes. */
export const conversationRoutes: ReadonlyArray<Route> = [
  route("GET", "website/{website_id}/conversations/{page_number}", "token", listConversations),
  route("POST", "website/{website_id}/conversation", "token", createConversation),
  route("GET", base, "token", getConversation),
  route("DELETE", base, "token", removeConversation),
  route("POST", `${base}/initiate`, "token", initiateConversation),
  route("GET", `${base}/messages`, "token", getMessages),
  route("POST", `${base}/message`, "token", sendMessage),
  route("GET", `${base}/meta`, "token", getMeta),
  route("PATCH", `${base}/meta`, "token", updateMeta),
  route("PATCH", `${base}/state`, "token", setState),
  route("PATCH", `${base}/block`, "token", setBlock),
  route("GET", `${base}/routing`, "token", getRouting),
  route("PATCH", `${base}/routing`, "token", setRouting),
  route("PATCH", `${base}/read`, "token", markRead)
]
