/**
 * Seeds: the state a fake starts with (or is given later), checked before use.
 */
import type { JsonRecord } from "./json.js"
import {
  type ConversationState,
  MESSAGE_TYPES,
  type MessageFrom,
  type MessageType,
  type MessageUser,
  type OperatorRole,
  type Scalar,
  type Tier
} from "./model.js"
import type { FakeStore, MetaUpdate } from "./store.js"

/** A website to seed. */
export interface SeedWebsite {
  readonly website_id: string
  /** Default: the id. */
  readonly name?: string
  /** Default: `<website_id>.example.com`. */
  readonly domain?: string
  readonly logo?: string
  /** Settings sections merged over the defaults: `{ chatbox: { ... }, emails: { ... } }`. */
  readonly settings?: JsonRecord
}

/** A token allowed to call the API. */
export interface SeedToken {
  readonly identifier: string
  readonly key: string
  readonly tier: Tier
  /** For `user` tokens: the account's email (default: the first account). */
  readonly email?: string
  /**
   * The only websites the token may act on, as a development token (its trusted
   * website) or a plugin subscribed to some websites is: a route on another
   * website answers 403, and RTM does not deliver that website's events. Every
   * website when absent.
   */
  readonly websites?: ReadonlyArray<string>
}

/** A user account that can log in (and, with a user token, call user routes). */
export interface SeedAccount {
  readonly email: string
  readonly password: string
  readonly user_id?: string
  readonly first_name?: string
  readonly last_name?: string
  readonly avatar?: string
}

/** An operator of a website. An account with the same email lends its user_id and names. */
export interface SeedOperator {
  readonly website_id: string
  readonly email: string
  readonly role?: OperatorRole
  readonly user_id?: string
  readonly first_name?: string
  readonly last_name?: string
  readonly title?: string
  readonly avatar?: string
}

/** A message of a seeded conversation. */
export interface SeedMessage {
  readonly from: MessageFrom
  /** Default `"text"`. */
  readonly type?: MessageType
  readonly content: unknown
  /** Default `"chat"`. */
  readonly origin?: string
  readonly timestamp?: number
  readonly fingerprint?: number
  readonly user?: MessageUser
  /** Mark it read (by the other side). Default false. */
  readonly read?: boolean
}

/** A conversation to seed. */
export interface SeedConversation {
  readonly website_id: string
  readonly session_id?: string
  readonly state?: ConversationState
  readonly is_blocked?: boolean
  readonly meta?: MetaUpdate
  /** `user_id` of the assigned operator. */
  readonly assigned?: string
  readonly people_id?: string
  readonly created_at?: number
  readonly updated_at?: number
  readonly messages?: ReadonlyArray<SeedMessage>
}

/** A people profile to seed. */
export interface SeedPeople {
  readonly website_id: string
  readonly email: string
  readonly people_id?: string
  readonly person?: JsonRecord
  readonly company?: JsonRecord
  readonly segments?: ReadonlyArray<string>
  readonly notepad?: string
  readonly data?: Readonly<Record<string, Scalar>>
  readonly events?: ReadonlyArray<{ readonly text: string; readonly data?: JsonRecord; readonly color?: string; readonly timestamp?: number }>
  readonly created_at?: number
}

/** Everything a seed can hold. */
export interface Seed {
  readonly websites?: ReadonlyArray<SeedWebsite>
  readonly tokens?: ReadonlyArray<SeedToken>
  readonly accounts?: ReadonlyArray<SeedAccount>
  readonly operators?: ReadonlyArray<SeedOperator>
  readonly conversations?: ReadonlyArray<SeedConversation>
  readonly people?: ReadonlyArray<SeedPeople>
}

const TIERS = new Set(["plugin", "website", "user"])
const STATES = new Set(["pending", "unresolved", "resolved"])
const ROLES = new Set(["owner", "member"])
const FROMS = new Set(["user", "operator"])
const TYPES = new Set<string>(MESSAGE_TYPES)

const nonEmpty = (u: unknown): u is string => typeof u === "string" && u !== ""

/** Why a seed cannot be used, or `undefined`. */
export const seedProblem = (seed: Seed): string | undefined => {
  for (const [i, w] of (seed.websites ?? []).entries()) {
    if (!nonEmpty(w.website_id)) return `websites[${i}].website_id must be a non-empty string`
  }
  for (const [i, t] of (seed.tokens ?? []).entries()) {
    if (!nonEmpty(t.identifier) || !nonEmpty(t.key)) return `tokens[${i}] needs a non-empty identifier and key`
    if (!TIERS.has(t.tier)) return `tokens[${i}].tier must be plugin, website or user, got ${JSON.stringify(t.tier)}`
    if (t.websites !== undefined && (!Array.isArray(t.websites) || !t.websites.every(nonEmpty))) {
      return `tokens[${i}].websites must be a list of website ids`
    }
  }
  for (const [i, a] of (seed.accounts ?? []).entries()) {
    if (!nonEmpty(a.email) || typeof a.password !== "string") return `accounts[${i}] needs an email and a password`
  }
  for (const [i, o] of (seed.operators ?? []).entries()) {
    if (!nonEmpty(o.website_id) || !nonEmpty(o.email)) return `operators[${i}] needs a website_id and an email`
    if (o.role !== undefined && !ROLES.has(o.role)) return `operators[${i}].role must be owner or member, got ${JSON.stringify(o.role)}`
  }
  for (const [i, c] of (seed.conversations ?? []).entries()) {
    if (!nonEmpty(c.website_id)) return `conversations[${i}].website_id must be a non-empty string`
    if (c.state !== undefined && !STATES.has(c.state)) {
      return `conversations[${i}].state must be pending, unresolved or resolved, got ${JSON.stringify(c.state)}`
    }
    for (const [j, m] of (c.messages ?? []).entries()) {
      if (!FROMS.has(m.from)) return `conversations[${i}].messages[${j}].from must be user or operator, got ${JSON.stringify(m.from)}`
      if (m.type !== undefined && !TYPES.has(m.type)) {
        return `conversations[${i}].messages[${j}].type must be one of ${MESSAGE_TYPES.join(", ")}, got ${JSON.stringify(m.type)}`
      }
    }
  }
  for (const [i, p] of (seed.people ?? []).entries()) {
    if (!nonEmpty(p.website_id) || !nonEmpty(p.email)) return `people[${i}] needs a website_id and an email`
  }
  return undefined
}

/**
 * Applies a checked seed. Websites referred to by other records but not listed
 * are created.
 */
export const applySeed = (store: FakeStore, seed: Seed, now: number): void => {
  const ensureWebsite = (websiteId: string) => {
    if (!store.websites.has(websiteId)) store.addWebsite({ website_id: websiteId, name: websiteId, domain: `${websiteId}.example.com` }, now)
  }
  for (const w of seed.websites ?? []) {
    store.addWebsite({
      website_id: w.website_id,
      name: w.name ?? w.website_id,
      domain: w.domain ?? `${w.website_id}.example.com`,
      logo: w.logo,
      settings: w.settings
    }, now)
  }
  for (const a of seed.accounts ?? []) store.addAccount(a)
  for (const t of seed.tokens ?? []) {
    let userId: string | undefined
    if (t.tier === "user") {
      const account = t.email === undefined ? store.accounts.values().next().value : store.accounts.get(t.email.toLowerCase())
      userId = account?.user_id
    }
    const { email: _email, ...token } = t
    store.addToken(userId === undefined ? token : { ...token, user_id: userId })
  }
  for (const o of seed.operators ?? []) {
    ensureWebsite(o.website_id)
    store.addOperator(o.website_id, { ...o, role: o.role ?? "member" })
  }
  for (const p of seed.people ?? []) {
    ensureWebsite(p.website_id)
    store.addProfile(p.website_id, {
      ...p,
      events: p.events?.map((e) => ({ ...e, timestamp: e.timestamp ?? p.created_at ?? now }))
    }, now, false)
  }
  for (const c of seed.conversations ?? []) {
    ensureWebsite(c.website_id)
    const conversation = store.addConversation(c.website_id, now, c)
    for (const m of c.messages ?? []) {
      const message = store.appendMessage(conversation, {
        type: m.type ?? "text",
        from: m.from,
        origin: m.origin ?? "chat",
        content: m.content,
        timestamp: m.timestamp ?? c.created_at,
        fingerprint: m.fingerprint,
        user: m.user
      }, now, false)
      if (m.read === true) {
        message.read = message.origin
        message.delivered = message.origin
      }
    }
    if (c.updated_at !== undefined) conversation.updated_at = c.updated_at
  }
}
