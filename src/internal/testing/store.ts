/**
 * The state of the in-memory Crisp and every change that can be made to it. Each
 * change that Crisp would announce over RTM appends a realtime event to the
 * outbox; the owner drains the outbox and publishes it.
 *
 * Nothing here knows about HTTP: routes and test controls both call these.
 */
import { clone, deepMerge, type JsonRecord } from "./json.js"
import {
  type AccountRecord,
  type ConversationMeta,
  type ConversationRecord,
  type ConversationState,
  defaultSettings,
  type MessageFrom,
  type MessageRecord,
  type MessageType,
  type MessageUser,
  type OperatorRecord,
  type OperatorRole,
  type PeopleEventRecord,
  type ProfileRecord,
  type Scalar,
  type TokenRecord,
  type WebsiteRecord
} from "./model.js"

/** What a stubbed route receives: its placeholders, query and parsed JSON body. */
export interface StubRequest {
  readonly params: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, string>>
  readonly body: unknown
}

/** A stubbed answer: `data` for a success, or a status (and `reason`) for a failure. */
export type StubReply =
  | { readonly data: unknown }
  | { readonly status: number; readonly reason?: string; readonly data?: unknown }

/** A stub: a fixed answer, or one computed from the request. */
export type Stub = StubReply | ((request: StubRequest) => StubReply)

/** A realtime event, as an RTM socket or a Web Hook would deliver it. */
export interface FakeEvent {
  /** The event name, e.g. `"message:send"`. */
  readonly name: string
  /** The event payload (the fields of realtime.md's table). */
  readonly data: Readonly<Record<string, unknown>>
  /** When it happened, epoch milliseconds. */
  readonly timestamp: number
}

/** A message to append, already validated. */
export interface NewMessage {
  readonly type: MessageType
  readonly from: MessageFrom
  readonly origin: string
  readonly content: unknown
  readonly fingerprint?: number | undefined
  readonly timestamp?: number | undefined
  readonly user?: MessageUser | undefined
  readonly mentions?: ReadonlyArray<string> | undefined
  readonly automated?: boolean | undefined
  readonly stealth?: boolean | undefined
  readonly properties?: Readonly<Record<string, Scalar>> | undefined
}

/** A meta update, already validated. Absent fields are left alone. */
export type MetaUpdate = Partial<ConversationMeta>

/** A profile card (create / save / update body), already validated. */
export interface ProfileCard {
  readonly email?: string | undefined
  readonly person?: JsonRecord | undefined
  readonly company?: JsonRecord | undefined
  readonly segments?: ReadonlyArray<string> | undefined
  readonly notepad?: string | undefined
  readonly active?: number | undefined
}

const META_EVENTS: ReadonlyArray<readonly [keyof ConversationMeta, string]> = [
  ["nickname", "session:set_nickname"],
  ["email", "session:set_email"],
  ["phone", "session:set_phone"],
  ["address", "session:set_address"],
  ["subject", "session:set_subject"],
  ["avatar", "session:set_avatar"],
  ["origin", "session:set_origin"],
  ["data", "session:set_data"],
  ["segments", "session:set_segments"]
]

const randomKey = (): string => {
  const bytes = new Uint8Array(32)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

/** Ids: uuid-like, with Crisp's prefix where it has one. */
export const newId = {
  website: (): string => globalThis.crypto.randomUUID(),
  session: (): string => "session_" + globalThis.crypto.randomUUID(),
  people: (): string => globalThis.crypto.randomUUID(),
  user: (): string => globalThis.crypto.randomUUID(),
  tokenIdentifier: (): string => globalThis.crypto.randomUUID(),
  tokenKey: randomKey
}

/** The whole state. */
export class FakeStore {
  readonly websites = new Map<string, WebsiteRecord>()
  readonly conversations = new Map<string, Map<string, ConversationRecord>>()
  readonly people = new Map<string, Map<string, ProfileRecord>>()
  readonly operators = new Map<string, Map<string, OperatorRecord>>()
  /** Keyed by lower-cased email. */
  readonly accounts = new Map<string, AccountRecord>()
  readonly tokens = new Map<string, TokenRecord>()
  /** JSON objects of route-table "document" rows, keyed by their path. */
  readonly documents = new Map<string, unknown>()
  /** Items of route-table "collection" rows: collection key → item id → item. */
  readonly collections = new Map<string, Map<string, JsonRecord>>()
  /** Answers set by the user, keyed by function name (`"WebsiteConversations.getOne"`). */
  readonly stubs = new Map<string, Stub>()
  rtmUrl: string
  messagesPerPage: number
  /** Events waiting to be published. */
  outbox: Array<FakeEvent> = []
  private seq = 0
  private lastFingerprint = 0

  constructor(options: { readonly rtmUrl: string; readonly messagesPerPage: number }) {
    this.rtmUrl = options.rtmUrl
    this.messagesPerPage = options.messagesPerPage
  }

  nextSeq(): number {
    return ++this.seq
  }

  /** A fingerprint like Crisp's (a large number), unique within this fake. */
  nextFingerprint(now: number): number {
    this.lastFingerprint = Math.max(this.lastFingerprint + 1, now * 100)
    return this.lastFingerprint
  }

  emit(name: string, data: Record<string, unknown>, now: number): void {
    this.outbox.push({ name, data, timestamp: now })
  }

  private emitSession(conversation: ConversationRecord, name: string, extra: JsonRecord, now: number): void {
    this.emit(name, {
      website_id: conversation.website_id,
      session_id: conversation.session_id,
      inbox_id: null,
      ...extra
    }, now)
  }

  // -------------------------------------------------------------------------
  // Websites
  // -------------------------------------------------------------------------

  addWebsite(input: {
    readonly website_id?: string | undefined
    readonly name: string
    readonly domain: string
    readonly logo?: string | undefined
    readonly settings?: JsonRecord | undefined
  }, now: number): WebsiteRecord {
    const website: WebsiteRecord = {
      website_id: input.website_id ?? newId.website(),
      name: input.name,
      domain: input.domain,
      logo: input.logo ?? "",
      created_at: now,
      settings: input.settings === undefined ? defaultSettings() : deepMerge(defaultSettings(), input.settings)
    }
    this.websites.set(website.website_id, website)
    this.conversations.set(website.website_id, new Map())
    this.people.set(website.website_id, new Map())
    this.operators.set(website.website_id, new Map())
    return website
  }

  removeWebsite(websiteId: string): boolean {
    const existed = this.websites.delete(websiteId)
    this.conversations.delete(websiteId)
    this.people.delete(websiteId)
    this.operators.delete(websiteId)
    return existed
  }

  findWebsiteByDomain(domain: string): WebsiteRecord | undefined {
    const wanted = domain.toLowerCase()
    for (const website of this.websites.values()) {
      if (website.domain.toLowerCase() === wanted) return website
    }
    return undefined
  }

  updateSettings(website: WebsiteRecord, patch: JsonRecord): void {
    const { name, domain, logo, website_id: _ignored, ...sections } = patch
    if (typeof name === "string") website.name = name
    if (typeof domain === "string") website.domain = domain
    if (typeof logo === "string") website.logo = logo
    website.settings = deepMerge(website.settings, sections)
  }

  // -------------------------------------------------------------------------
  // Conversations
  // -------------------------------------------------------------------------

  conversation(websiteId: string, sessionId: string): ConversationRecord | undefined {
    return this.conversations.get(websiteId)?.get(sessionId)
  }

  addConversation(websiteId: string, now: number, input: {
    readonly session_id?: string | undefined
    readonly state?: ConversationState | undefined
    readonly is_blocked?: boolean | undefined
    readonly meta?: MetaUpdate | undefined
    readonly assigned?: string | undefined
    readonly people_id?: string | undefined
    readonly created_at?: number | undefined
    readonly updated_at?: number | undefined
  } = {}): ConversationRecord {
    const created = input.created_at ?? now
    const conversation: ConversationRecord = {
      session_id: input.session_id ?? newId.session(),
      website_id: websiteId,
      state: input.state ?? "pending",
      is_blocked: input.is_blocked ?? false,
      is_verified: false,
      meta: { data: {}, segments: [], ...clone(input.meta ?? {}) },
      created_at: created,
      updated_at: input.updated_at ?? created,
      seq: this.nextSeq(),
      messages: []
    }
    if (input.assigned !== undefined) conversation.assigned = input.assigned
    if (input.people_id !== undefined) conversation.people_id = input.people_id
    let map = this.conversations.get(websiteId)
    if (map === undefined) {
      map = new Map()
      this.conversations.set(websiteId, map)
    }
    map.set(conversation.session_id, conversation)
    if (conversation.people_id === undefined && conversation.meta.email !== undefined) {
      this.bindPeople(conversation, now, false)
    }
    return conversation
  }

  /**
   * Appends a message. Timestamps stay strictly increasing within a conversation
   * (a frozen test clock would otherwise give every message the same one), so
   * `timestamp_before` paging stays exact.
   */
  appendMessage(conversation: ConversationRecord, input: NewMessage, now: number, announce = true): MessageRecord {
    const previous = conversation.messages[conversation.messages.length - 1]
    const wanted = input.timestamp ?? now
    const timestamp = previous !== undefined && wanted <= previous.timestamp ? previous.timestamp + 1 : wanted
    const message: MessageRecord = {
      session_id: conversation.session_id,
      website_id: conversation.website_id,
      type: input.type,
      from: input.from,
      origin: input.origin,
      content: clone(input.content),
      fingerprint: input.fingerprint ?? this.nextFingerprint(now),
      timestamp,
      user: { ...(input.user ?? this.defaultAuthor(conversation, input.from)) },
      read: "",
      delivered: "",
      stamped: true,
      edited: false,
      translated: false,
      mentions: [...(input.mentions ?? [])]
    }
    if (input.automated !== undefined) message.automated = input.automated
    if (input.stealth !== undefined) message.stealth = input.stealth
    if (input.properties !== undefined) message.properties = { ...input.properties }
    conversation.messages.push(message)
    conversation.updated_at = Math.max(conversation.updated_at, timestamp)
    if (announce) {
      const payload: JsonRecord = {
        type: message.type,
        from: message.from,
        origin: message.origin,
        content: clone(message.content),
        fingerprint: message.fingerprint,
        timestamp: message.timestamp,
        user: { ...message.user },
        stamped: message.stamped
      }
      if (message.mentions.length > 0) payload.mentions = [...message.mentions]
      if (message.automated !== undefined) payload.automated = message.automated
      this.emitSession(conversation, message.from === "user" ? "message:send" : "message:received", payload, now)
    }
    return message
  }

  private defaultAuthor(conversation: ConversationRecord, from: MessageFrom): MessageUser {
    if (from === "user") {
      return { type: "participant", user_id: conversation.session_id, nickname: conversation.meta.nickname ?? "visitor" }
    }
    const operator = conversation.assigned === undefined
      ? undefined
      : this.operators.get(conversation.website_id)?.get(conversation.assigned)
    return operator === undefined
      ? { type: "website", nickname: "Operator" }
      : { type: "website", user_id: operator.user_id, nickname: operator.first_name }
  }

  setState(conversation: ConversationRecord, state: ConversationState, now: number): void {
    conversation.state = state
    conversation.updated_at = Math.max(conversation.updated_at, now)
    this.emitSession(conversation, "session:set_state", { state }, now)
  }

  setBlock(conversation: ConversationRecord, blocked: boolean, now: number): void {
    conversation.is_blocked = blocked
    conversation.updated_at = Math.max(conversation.updated_at, now)
    this.emitSession(conversation, "session:set_block", { is_blocked: blocked }, now)
  }

  /**
   * Applies a meta update: `data` merges key by key, every other field replaces.
   * Publishes one `session:set_<field>` event per field given, and binds the
   * conversation to the people profile of a newly set email.
   */
  updateMeta(conversation: ConversationRecord, update: MetaUpdate, now: number): void {
    const meta = conversation.meta
    for (const key of Object.keys(update) as Array<keyof ConversationMeta>) {
      const value = update[key]
      if (value === undefined) continue
      if (key === "data") meta.data = { ...meta.data, ...clone(value as Record<string, Scalar>) }
      else (meta as unknown as JsonRecord)[key] = clone(value)
    }
    conversation.updated_at = Math.max(conversation.updated_at, now)
    for (const [field, event] of META_EVENTS) {
      if (update[field] === undefined) continue
      this.emitSession(conversation, event, { [field]: clone(meta[field]) }, now)
    }
    if (update.email !== undefined) this.bindPeople(conversation, now, true)
  }

  private bindPeople(conversation: ConversationRecord, now: number, announce: boolean): void {
    const email = conversation.meta.email
    if (email === undefined) return
    const profile = this.profileByEmail(conversation.website_id, email)
    if (profile === undefined || conversation.people_id === profile.people_id) return
    conversation.people_id = profile.people_id
    if (announce) this.emitSession(conversation, "people:bind:session", { people_id: profile.people_id }, now)
  }

  setRouting(conversation: ConversationRecord, userId: string | undefined, now: number): void {
    const previous = conversation.assigned
    if (userId === undefined) delete conversation.assigned
    else conversation.assigned = userId
    conversation.updated_at = Math.max(conversation.updated_at, now)
    this.emitSession(conversation, "session:set_routing", {
      routing_id: userId ?? null,
      previous_routing_id: previous ?? null
    }, now)
  }

  /** Brings the conversation up and publishes `session:request:initiated`. */
  initiateConversation(conversation: ConversationRecord, now: number): void {
    conversation.updated_at = Math.max(conversation.updated_at, now)
    this.emitSession(conversation, "session:request:initiated", {}, now)
  }

  removeConversation(conversation: ConversationRecord, now: number): void {
    this.conversations.get(conversation.website_id)?.delete(conversation.session_id)
    this.emitSession(conversation, "session:removed", {}, now)
  }

  /**
   * `reader` acknowledges the other side's messages as read (the listed
   * fingerprints, or all unread ones). An operator's acknowledgement publishes
   * `message:acknowledge:read:send`, a visitor's `message:acknowledge:read:received`.
   * Returns the fingerprints marked.
   */
  markRead(
    conversation: ConversationRecord,
    reader: MessageFrom,
    origin: string,
    fingerprints: ReadonlyArray<number> | undefined,
    now: number
  ): ReadonlyArray<number> {
    const wanted = fingerprints === undefined ? undefined : new Set(fingerprints)
    const marked: Array<number> = []
    for (const message of conversation.messages) {
      if (message.from === reader) continue
      if (wanted === undefined ? message.read !== "" : !wanted.has(message.fingerprint)) continue
      message.read = origin
      if (message.delivered === "") message.delivered = origin
      marked.push(message.fingerprint)
    }
    this.emitSession(
      conversation,
      reader === "operator" ? "message:acknowledge:read:send" : "message:acknowledge:read:received",
      { origin, fingerprints: marked },
      now
    )
    return marked
  }

  // -------------------------------------------------------------------------
  // People
  // -------------------------------------------------------------------------

  profile(websiteId: string, peopleIdOrEmail: string): ProfileRecord | undefined {
    const map = this.people.get(websiteId)
    if (map === undefined) return undefined
    return map.get(peopleIdOrEmail) ?? (peopleIdOrEmail.includes("@") ? this.profileByEmail(websiteId, peopleIdOrEmail) : undefined)
  }

  profileByEmail(websiteId: string, email: string): ProfileRecord | undefined {
    const wanted = email.toLowerCase()
    for (const profile of this.people.get(websiteId)?.values() ?? []) {
      if (profile.email.toLowerCase() === wanted) return profile
    }
    return undefined
  }

  addProfile(websiteId: string, card: ProfileCard & {
    readonly email: string
    readonly people_id?: string | undefined
    readonly data?: Record<string, Scalar> | undefined
    readonly events?: ReadonlyArray<PeopleEventRecord> | undefined
    readonly created_at?: number | undefined
  }, now: number, announce = true): ProfileRecord {
    const created = card.created_at ?? now
    const profile: ProfileRecord = {
      people_id: card.people_id ?? newId.people(),
      website_id: websiteId,
      email: card.email,
      person: clone(card.person ?? {}),
      segments: [...(card.segments ?? [])],
      created_at: created,
      updated_at: created,
      seq: this.nextSeq(),
      events: (card.events ?? []).map((e) => clone(e)),
      data: clone(card.data ?? {})
    }
    if (card.company !== undefined) profile.company = clone(card.company)
    if (card.notepad !== undefined) profile.notepad = card.notepad
    if (card.active !== undefined) profile.active = card.active
    let map = this.people.get(websiteId)
    if (map === undefined) {
      map = new Map()
      this.people.set(websiteId, map)
    }
    map.set(profile.people_id, profile)
    if (announce) this.emit("people:profile:created", { website_id: websiteId, people_id: profile.people_id, email: profile.email }, now)
    return profile
  }

  /** PUT: the card replaces the profile (id and creation date stay). */
  saveProfile(profile: ProfileRecord, card: ProfileCard, now: number): void {
    if (card.email !== undefined) profile.email = card.email
    profile.person = clone(card.person ?? {})
    profile.segments = [...(card.segments ?? [])]
    if (card.company === undefined) delete profile.company
    else profile.company = clone(card.company)
    if (card.notepad === undefined) delete profile.notepad
    else profile.notepad = card.notepad
    if (card.active === undefined) delete profile.active
    else profile.active = card.active
    this.touchProfile(profile, now)
  }

  /** PATCH: the card merges into the profile (objects key by key). */
  updateProfile(profile: ProfileRecord, card: ProfileCard, now: number): void {
    if (card.email !== undefined) profile.email = card.email
    if (card.person !== undefined) profile.person = deepMerge(profile.person, card.person)
    if (card.company !== undefined) profile.company = deepMerge(profile.company ?? {}, card.company)
    if (card.segments !== undefined) profile.segments = [...card.segments]
    if (card.notepad !== undefined) profile.notepad = card.notepad
    if (card.active !== undefined) profile.active = card.active
    this.touchProfile(profile, now)
  }

  private touchProfile(profile: ProfileRecord, now: number): void {
    profile.updated_at = Math.max(profile.updated_at, now)
    this.emit("people:profile:updated", {
      website_id: profile.website_id,
      people_id: profile.people_id,
      email: profile.email,
      update: { updated_at: profile.updated_at, person: clone(profile.person) }
    }, now)
  }

  removeProfile(profile: ProfileRecord, now: number): void {
    this.people.get(profile.website_id)?.delete(profile.people_id)
    for (const conversation of this.conversations.get(profile.website_id)?.values() ?? []) {
      if (conversation.people_id === profile.people_id) delete conversation.people_id
    }
    this.emit("people:profile:removed", { website_id: profile.website_id, people_id: profile.people_id }, now)
  }

  addPeopleEvent(profile: ProfileRecord, event: {
    readonly text: string
    readonly data?: JsonRecord | undefined
    readonly color?: string | undefined
    readonly timestamp?: number | undefined
  }, now: number): void {
    const record: PeopleEventRecord = { text: event.text, timestamp: event.timestamp ?? now }
    if (event.data !== undefined) record.data = clone(event.data)
    if (event.color !== undefined) record.color = event.color
    profile.events.push(record)
  }

  setPeopleData(profile: ProfileRecord, data: Record<string, Scalar>, replace: boolean, now: number): void {
    profile.data = replace ? { ...data } : { ...profile.data, ...data }
    profile.updated_at = Math.max(profile.updated_at, now)
  }

  /** Session ids of the conversations bound to a profile, newest first. */
  profileConversations(profile: ProfileRecord): ReadonlyArray<string> {
    const email = profile.email.toLowerCase()
    return [...(this.conversations.get(profile.website_id)?.values() ?? [])]
      .filter((c) => c.people_id === profile.people_id || c.meta.email?.toLowerCase() === email)
      .sort((a, b) => b.updated_at - a.updated_at || b.seq - a.seq)
      .map((c) => c.session_id)
  }

  // -------------------------------------------------------------------------
  // Operators, accounts, tokens
  // -------------------------------------------------------------------------

  operator(websiteId: string, userId: string): OperatorRecord | undefined {
    return this.operators.get(websiteId)?.get(userId)
  }

  addOperator(websiteId: string, input: {
    readonly email: string
    readonly role: OperatorRole
    readonly user_id?: string | undefined
    readonly first_name?: string | undefined
    readonly last_name?: string | undefined
    readonly title?: string | undefined
    readonly avatar?: string | undefined
  }): OperatorRecord {
    const account = this.accounts.get(input.email.toLowerCase())
    const operator: OperatorRecord = {
      website_id: websiteId,
      user_id: input.user_id ?? account?.user_id ?? newId.user(),
      email: input.email,
      first_name: input.first_name ?? account?.first_name ?? "",
      last_name: input.last_name ?? account?.last_name ?? "",
      role: input.role,
      title: input.title ?? "",
      avatar: input.avatar ?? account?.avatar ?? "",
      seq: this.nextSeq()
    }
    let map = this.operators.get(websiteId)
    if (map === undefined) {
      map = new Map()
      this.operators.set(websiteId, map)
    }
    map.set(operator.user_id, operator)
    return operator
  }

  addAccount(input: {
    readonly email: string
    readonly password: string
    readonly user_id?: string | undefined
    readonly first_name?: string | undefined
    readonly last_name?: string | undefined
    readonly avatar?: string | undefined
  }): AccountRecord {
    const account: AccountRecord = {
      user_id: input.user_id ?? newId.user(),
      email: input.email,
      password: input.password,
      first_name: input.first_name ?? "",
      last_name: input.last_name ?? "",
      avatar: input.avatar ?? ""
    }
    this.accounts.set(account.email.toLowerCase(), account)
    return account
  }

  accountById(userId: string): AccountRecord | undefined {
    for (const account of this.accounts.values()) if (account.user_id === userId) return account
    return undefined
  }

  addToken(token: TokenRecord): TokenRecord {
    this.tokens.set(token.identifier, { ...token })
    return token
  }

  /** A new user-tier session for an account: what login answers. */
  openSession(account: AccountRecord): TokenRecord {
    return this.addToken({ identifier: newId.tokenIdentifier(), key: newId.tokenKey(), tier: "user", user_id: account.user_id })
  }

  closeSession(identifier: string): boolean {
    return this.tokens.delete(identifier)
  }
}
