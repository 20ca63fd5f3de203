/**
 * What the in-memory Crisp stores, and how each record looks on the wire (the
 * `data` of Crisp's envelope, snake_case as the REST API speaks it).
 */
import type { JsonRecord } from "./json.js"
import { clone } from "./json.js"

/** A token tier. */
export type Tier = "plugin" | "website" | "user"

/** A conversation state. */
export type ConversationState = "pending" | "unresolved" | "resolved"

/** Who wrote a message. */
export type MessageFrom = "user" | "operator"

/** The message types Crisp knows. */
export const MESSAGE_TYPES = ["text", "note", "file", "animation", "audio", "picker", "field", "carousel", "event"] as const

/** A message type. */
export type MessageType = typeof MESSAGE_TYPES[number]

/** A scalar value of a `data` record (conversation meta data, people data). */
export type Scalar = string | number | boolean

/** A website and its settings. */
export interface WebsiteRecord {
  website_id: string
  name: string
  domain: string
  logo: string
  created_at: number
  /** Settings sections: `contact`, `inbox`, `emails`, `chatbox` (name/domain/logo live above). */
  settings: JsonRecord
}

/** The author of a message. */
export interface MessageUser {
  type?: string | undefined
  user_id?: string | undefined
  nickname?: string | undefined
  avatar?: string | undefined
}

/** A message of a conversation. */
export interface MessageRecord {
  session_id: string
  website_id: string
  type: MessageType
  from: MessageFrom
  origin: string
  content: unknown
  fingerprint: number
  timestamp: number
  user: MessageUser
  /** Where the message was read (`"chat"`, `"email"`, ...), `""` while unread. */
  read: string
  /** Where the message was delivered, `""` until then. */
  delivered: string
  stamped: boolean
  edited: boolean
  translated: boolean
  automated?: boolean
  stealth?: boolean
  mentions: Array<string>
  properties?: Record<string, Scalar>
}

/** Conversation meta. */
export interface ConversationMeta {
  nickname?: string
  email?: string
  phone?: string
  address?: string
  subject?: string
  avatar?: string
  ip?: string
  origin?: string
  data: Record<string, Scalar>
  segments: Array<string>
  device?: JsonRecord
  connection?: JsonRecord
}

/** A conversation (a session) with its messages. */
export interface ConversationRecord {
  session_id: string
  website_id: string
  people_id?: string
  state: ConversationState
  is_blocked: boolean
  is_verified: boolean
  meta: ConversationMeta
  /** The `user_id` of the assigned operator. */
  assigned?: string
  created_at: number
  updated_at: number
  /** Insertion order, for stable listing. */
  seq: number
  messages: Array<MessageRecord>
}

/** An event of a people profile's timeline. */
export interface PeopleEventRecord {
  text: string
  data?: JsonRecord
  color?: string
  timestamp: number
}

/** A people profile, its events and its data. */
export interface ProfileRecord {
  people_id: string
  website_id: string
  email: string
  person: JsonRecord
  company?: JsonRecord
  segments: Array<string>
  notepad?: string
  active?: number
  created_at: number
  updated_at: number
  seq: number
  events: Array<PeopleEventRecord>
  data: Record<string, Scalar>
}

/** An operator role. */
export type OperatorRole = "owner" | "member"

/** An operator of a website. */
export interface OperatorRecord {
  website_id: string
  user_id: string
  email: string
  first_name: string
  last_name: string
  role: OperatorRole
  title: string
  avatar: string
  seq: number
}

/** A user account that can log in. */
export interface AccountRecord {
  user_id: string
  email: string
  password: string
  first_name: string
  last_name: string
  avatar: string
}

/** A token allowed to call the API. User-tier tokens belong to an account. */
export interface TokenRecord {
  identifier: string
  key: string
  tier: Tier
  user_id?: string
  /** The only websites the token may act on; every website when absent. */
  websites?: ReadonlyArray<string>
}

const STATUS_OF_STATE: Record<ConversationState, number> = { pending: 0, unresolved: 1, resolved: 2 }

const excerptOf = (message: MessageRecord): string => {
  if (typeof message.content === "string") return message.content
  const content = message.content
  if (typeof content === "object" && content !== null) {
    const text = (content as JsonRecord)["text"] ?? (content as JsonRecord)["name"] ?? (content as JsonRecord)["url"]
    if (typeof text === "string") return text
  }
  return ""
}

const unreadCount = (conversation: ConversationRecord, from: MessageFrom): number =>
  conversation.messages.reduce((n, m) => (m.from === from && m.read === "" ? n + 1 : n), 0)

/** A message as Crisp returns it. */
export const messageToWire = (message: MessageRecord): JsonRecord => {
  const out: JsonRecord = {
    session_id: message.session_id,
    website_id: message.website_id,
    type: message.type,
    from: message.from,
    origin: message.origin,
    content: clone(message.content),
    fingerprint: message.fingerprint,
    timestamp: message.timestamp,
    user: { ...message.user },
    read: message.read,
    delivered: message.delivered,
    stamped: message.stamped,
    edited: message.edited,
    translated: message.translated,
    mentions: [...message.mentions]
  }
  if (message.automated !== undefined) out.automated = message.automated
  if (message.stealth !== undefined) out.stealth = message.stealth
  if (message.properties !== undefined) out.properties = { ...message.properties }
  return out
}

/** Conversation meta as Crisp returns it. */
export const metaToWire = (meta: ConversationMeta): JsonRecord => clone({ ...meta }) as JsonRecord

/** A conversation as Crisp returns it (in lists and alone). */
export const conversationToWire = (conversation: ConversationRecord): JsonRecord => {
  const last = conversation.messages[conversation.messages.length - 1]
  const out: JsonRecord = {
    session_id: conversation.session_id,
    website_id: conversation.website_id,
    state: conversation.state,
    status: STATUS_OF_STATE[conversation.state],
    is_verified: conversation.is_verified,
    is_blocked: conversation.is_blocked,
    availability: "offline",
    active: { now: false },
    last_message: last === undefined ? "" : excerptOf(last),
    mentions: [],
    participants: [],
    unread: { operator: unreadCount(conversation, "user"), visitor: unreadCount(conversation, "operator") },
    meta: metaToWire(conversation.meta),
    created_at: conversation.created_at,
    updated_at: conversation.updated_at
  }
  if (conversation.people_id !== undefined) out.people_id = conversation.people_id
  if (conversation.assigned !== undefined) out.assigned = { user_id: conversation.assigned }
  if (last !== undefined) {
    out.preview_message = { type: last.type, from: last.from, excerpt: excerptOf(last), fingerprint: last.fingerprint }
    if (last.from === "user") out.waiting_since = last.timestamp
  }
  return out
}

/** A people profile as Crisp returns it. */
export const profileToWire = (profile: ProfileRecord): JsonRecord => {
  const out: JsonRecord = {
    people_id: profile.people_id,
    email: profile.email,
    person: clone(profile.person),
    segments: [...profile.segments],
    active: { now: false },
    created_at: profile.created_at,
    updated_at: profile.updated_at
  }
  if (profile.company !== undefined) out.company = clone(profile.company)
  if (profile.notepad !== undefined) out.notepad = profile.notepad
  if (profile.active !== undefined) out.active = { now: false, last: profile.active }
  return out
}

/** A people event as Crisp returns it. */
export const peopleEventToWire = (event: PeopleEventRecord): JsonRecord => {
  const out: JsonRecord = { text: event.text, timestamp: event.timestamp }
  if (event.data !== undefined) out.data = clone(event.data)
  if (event.color !== undefined) out.color = event.color
  return out
}

/** An operator as `GET operator/{user_id}` returns it. */
export const operatorToWire = (operator: OperatorRecord): JsonRecord => ({
  user_id: operator.user_id,
  email: operator.email,
  avatar: operator.avatar,
  first_name: operator.first_name,
  last_name: operator.last_name,
  role: operator.role,
  title: operator.title,
  availability: "offline",
  has_token: false
})

/** A website as `GET website/{website_id}` and `POST website` return it. */
export const websiteToWire = (website: WebsiteRecord): JsonRecord => ({
  website_id: website.website_id,
  name: website.name,
  domain: website.domain,
  logo: website.logo
})

/** Website settings as `GET website/{website_id}/settings` returns them. */
export const settingsToWire = (website: WebsiteRecord): JsonRecord => ({
  website_id: website.website_id,
  name: website.name,
  domain: website.domain,
  logo: website.logo,
  ...clone(website.settings)
})

/** An account's profile as `GET user/account/profile` returns it. */
export const accountToWire = (account: AccountRecord): JsonRecord => ({
  user_id: account.user_id,
  email: account.email,
  first_name: account.first_name,
  last_name: account.last_name,
  avatar: account.avatar
})

/** Settings of a new website. */
export const defaultSettings = (): JsonRecord => ({
  domain_alternates: [],
  contact: { email: "", phone: "", messenger: "", telegram: "", twitter: "", whatsapp: "", instagram: "" },
  inbox: { lock_removal: false, force_operator_token: false, locale: "" },
  emails: { rating: true, transcript: true, trackers: true, junk_filter: true },
  chatbox: {
    tile: "default",
    color_theme: "default",
    text_theme: "default",
    welcome_message: "default",
    locale: "",
    hide_on_away: false,
    hide_on_mobile: false,
    position_reverse: false,
    email_visitors: false,
    phone_visitors: false,
    force_identify: false,
    file_transfer: true,
    audio_record: true,
    blocked_pages: [],
    blocked_countries: [],
    blocked_locales: [],
    blocked_ips: []
  }
})
