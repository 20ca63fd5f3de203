/**
 * The domain Schemas on their own: lenient on unknown/missing/null fields, strict
 * on a present field of the wrong type, message unions tagged by `type`, request
 * bodies refused before encoding.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either, ParseResult, Redacted, Schema } from "effect"
import { inspect } from "node:util"
import { Schemas } from "../../src/index.js"

const decode = <A, I>(schema: Schema.Schema<A, I>) => Schema.decodeUnknownEither(schema)
const encode = <A, I>(schema: Schema.Schema<A, I>) => Schema.encodeUnknownEither(schema)

/**
 * The path of the first issue of a failed parse, e.g. `"meta.email"`: the field a
 * `CrispDecodeError` / `CrispInvalidRequest` names. Every issue must be about that
 * field or one of its parents (a nullable field reports its `null` and `undefined`
 * alternatives too) — unless `otherMembers`: in a union, the members that were also
 * tried report their own issues after the first.
 */
const issuePath = (result: Either.Either<unknown, ParseResult.ParseError>, otherMembers = false): string => {
  if (Either.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`)
  const paths = ParseResult.ArrayFormatter.formatErrorSync(result.left).map((issue) => issue.path.join("."))
  const first = paths[0]!
  if (!otherMembers) {
    for (const path of paths) expect(first === path || first.startsWith(path + ".") || path === "").toBe(true)
  }
  return first
}

describe("Conversation", () => {
  it("ignores unknown fields and accepts missing optional ones", () => {
    const result = decode(Schemas.Conversation)({
      session_id: "session_1",
      website_id: "website_1",
      state: "resolved",
      some_future_field: { nested: true }
    })
    expect(result).toEqual(Either.right({ session_id: "session_1", website_id: "website_1", state: "resolved" }))
  })

  it("treats null as a missing value", () => {
    const result = decode(Schemas.Conversation)({
      session_id: "s",
      website_id: "w",
      inbox_id: null,
      meta: { email: null, nickname: "Jane" }
    })
    expect(result).toEqual(Either.right({ session_id: "s", website_id: "w", meta: { nickname: "Jane" } }))
  })

  it("fails on a present field of the wrong type, naming it", () => {
    expect(issuePath(decode(Schemas.Conversation)({ session_id: "s", website_id: "w", is_blocked: "yes" })))
      .toBe("is_blocked")
    expect(issuePath(decode(Schemas.Conversation)({ session_id: "s", website_id: "w", meta: { email: 42 } })))
      .toBe("meta.email")
    expect(issuePath(decode(Schemas.Conversation)({ session_id: "s", website_id: "w", state: "closed" })))
      .toBe("state")
  })

  it("requires the ids", () => {
    expect(issuePath(decode(Schemas.Conversation)({ website_id: "w" }))).toBe("session_id")
  })

  it("decodes meta custom data of scalars only", () => {
    expect(decode(Schemas.ConversationMeta)({ data: { plan: "pro", seats: 3, trial: false } }))
      .toEqual(Either.right({ data: { plan: "pro", seats: 3, trial: false } }))
    expect(issuePath(decode(Schemas.ConversationMeta)({ data: { nested: { a: 1 } } }))).toBe("data.nested")
  })
})

describe("ConversationMessage (a union tagged by type)", () => {
  const base = { session_id: "s", website_id: "w", from: "user", origin: "chat", fingerprint: 1, timestamp: 2 }

  it("decodes every known type with its content", () => {
    const contents: ReadonlyArray<readonly [string, unknown]> = [
      ["text", "Hello"],
      ["note", "Internal"],
      ["file", { name: "a.pdf", url: "https://x.test/a.pdf", type: "application/pdf" }],
      ["animation", { url: "https://x.test/a.gif", type: "image/gif" }],
      ["audio", { url: "https://x.test/a.webm", type: "audio/webm", duration: 3 }],
      ["picker", { id: "p", text: "Pick", choices: [{ value: "a", label: "A", selected: true }] }],
      ["field", { id: "f", text: "Phone?", explain: "+33" }],
      ["carousel", { text: "Cards", targets: [{ title: "One", actions: [{ label: "Go", url: "https://x.test" }] }] }],
      ["event", { namespace: "state:resolved" }]
    ]
    for (const [type, content] of contents) {
      expect(decode(Schemas.ConversationMessage)({ ...base, type, content })).toEqual(
        Either.right({ ...base, type, content })
      )
    }
  })

  it("fails on a known type with content of the wrong shape, naming the field", () => {
    expect(issuePath(decode(Schemas.ConversationMessage)({ ...base, type: "text", content: 42 }), true)).toBe("content")
    expect(issuePath(decode(Schemas.ConversationMessage)({ ...base, type: "file", content: { url: 7 } }), true))
      .toBe("content.url")
  })

  it("keeps a message of a type it does not know as type \"other\", content untouched", () => {
    const message = { ...base, type: "call", content: { duration: 60 } }
    expect(decode(Schemas.ConversationMessage)(message)).toEqual(
      Either.right({ ...base, type: "other", original_type: "call", content: { duration: 60 } })
    )
    // and encodes back to what Crisp sent
    expect(Schema.encodeEither(Schemas.ConversationMessage)({
      ...base, type: "other", original_type: "call", content: { duration: 60 }
    })).toEqual(Either.right(message))
  })

  it("narrows content by type (compile-time check)", () => {
    const describeMessage = (m: Schemas.ConversationMessage): string => {
      switch (m.type) {
        case "text":
        case "note":
          return m.content ?? ""
        case "file":
          return m.content?.url ?? ""
        case "other":
          return m.original_type
        default:
          return m.type
      }
    }
    const decoded = Schema.decodeUnknownSync(Schemas.ConversationMessage)
    expect(describeMessage(decoded({ type: "file", content: { url: "https://x.test/a" } }))).toBe("https://x.test/a")
    expect(describeMessage(decoded({ type: "text", content: "hi" }))).toBe("hi")
    expect(describeMessage(decoded({ type: "call" }))).toBe("call")
    expect(describeMessage(decoded({ type: "event", content: { namespace: "x" } }))).toBe("event")
  })
})

describe("MessageNew (body of sendMessage)", () => {
  const encodeMessage = encode(Schemas.MessageNew)
  const common = { from: "operator", origin: "chat" } as const

  it("encodes each of the nine types", () => {
    const messages: ReadonlyArray<Schemas.MessageNew> = [
      { ...common, type: "text", content: "Hi" },
      { ...common, type: "note", content: "VIP", mentions: ["op-1"] },
      { ...common, type: "file", content: { name: "a.pdf", url: "https://x.test/a.pdf", type: "application/pdf" } },
      { ...common, type: "animation", content: { url: "https://x.test/a.gif", type: "image/gif" } },
      { ...common, type: "audio", content: { url: "https://x.test/a.webm", type: "audio/webm", duration: 3 } },
      { ...common, type: "picker", content: { id: "p", text: "?", choices: [{ value: "y", label: "Yes", selected: false }] } },
      { ...common, type: "field", content: { id: "f", text: "Phone?", explain: "+33" } },
      {
        ...common,
        type: "carousel",
        content: { text: "Plans", targets: [{ title: "Pro", description: "Teams", actions: [{ label: "Buy", url: "https://x.test" }] }] }
      },
      { ...common, type: "event", content: { namespace: "state:resolved" } }
    ]
    for (const message of messages) expect(encodeMessage(message)).toEqual(Either.right(message))
  })

  it("refuses an unknown type, a missing content, a wrong content and a bad sender", () => {
    expect(Either.isLeft(encodeMessage({ ...common, type: "video", content: "x" }))).toBe(true)
    expect(Either.isLeft(encodeMessage({ ...common, type: "text" }))).toBe(true)
    expect(Either.isLeft(encodeMessage({ ...common, type: "file", content: { name: "a.pdf" } }))).toBe(true)
    expect(Either.isLeft(encodeMessage({ type: "text", content: "x", from: "bot", origin: "chat" }))).toBe(true)
  })
})

describe("request bodies and query options", () => {
  it("accepts only the three conversation states", () => {
    for (const state of ["resolved", "unresolved", "pending"]) {
      expect(encode(Schemas.ConversationStateUpdate)({ state })).toEqual(Either.right({ state }))
    }
    expect(issuePath(encode(Schemas.ConversationStateUpdate)({ state: "closed" }))).toBe("state")
  })

  it("keeps per_page within Crisp's 20..50", () => {
    expect(encode(Schemas.ConversationsListOptions)({ per_page: 50 })).toEqual(Either.right({ per_page: 50 }))
    expect(issuePath(encode(Schemas.ConversationsListOptions)({ per_page: 10 }))).toBe("per_page")
    expect(issuePath(encode(Schemas.PeopleListOptions)({ per_page: 51 }))).toBe("per_page")
    expect(issuePath(encode(Schemas.PeopleListOptions)({ per_page: 20.5 }))).toBe("per_page")
  })

  it("requires an email to create a profile, a text for an event, scalars for data", () => {
    expect(issuePath(encode(Schemas.PeopleProfileCreate)({ person: { nickname: "x" } }))).toBe("email")
    expect(issuePath(encode(Schemas.PeopleEventNew)({ text: "" }))).toBe("text")
    expect(issuePath(encode(Schemas.PeopleDataUpdate)({ data: { a: [1] } }))).toBe("data.a")
  })

  it("invites operators as owner or member only", () => {
    expect(encode(Schemas.OperatorInvite)({ email: "a@b.test", role: "member" }))
      .toEqual(Either.right({ email: "a@b.test", role: "member" }))
    expect(issuePath(encode(Schemas.OperatorInvite)({ email: "a@b.test", role: "admin" }))).toBe("role")
  })

  it("encodes the Redacted login password and website-deletion secret into plain strings", () => {
    expect(encode(Schemas.UserLogin)({ email: "me@x.test", password: Redacted.make("pw") }))
      .toEqual(Either.right({ email: "me@x.test", password: "pw" }))
    expect(encode(Schemas.WebsiteDelete)({ verify: { method: "password", secret: Redacted.make("pw") } }))
      .toEqual(Either.right({ verify: { method: "password", secret: "pw" } }))
    expect(encode(Schemas.WebsiteDelete)(undefined)).toEqual(Either.right(undefined))
  })
})

describe("operators and settings speak snake_case", () => {
  it("reads user_id, first_name, has_token and keeps the token key redacted", () => {
    const result = decode(Schemas.Operator)({
      user_id: "op-1",
      first_name: "Ada",
      last_name: "Lovelace",
      has_token: true,
      key: "operator-secret-key",
      userID: "ignored"
    })
    if (Either.isLeft(result)) throw result.left
    expect(result.right.user_id).toBe("op-1")
    expect(result.right.first_name).toBe("Ada")
    expect(result.right.has_token).toBe(true)
    expect(Redacted.isRedacted(result.right.key)).toBe(true)
    expect(Redacted.value(result.right.key!)).toBe("operator-secret-key")
    expect(inspect(result.right, { depth: 5 })).not.toContain("operator-secret-key")
    expect(JSON.stringify(result.right)).not.toContain("operator-secret-key")
    expect("userID" in result.right).toBe(false)
  })

  it("reads website_id in settings, and nested sections", () => {
    expect(decode(Schemas.WebsiteSettings)({ website_id: "w", chatbox: { color_theme: "red", file_transfer: true } }))
      .toEqual(Either.right({ website_id: "w", chatbox: { color_theme: "red", file_transfer: true } }))
    expect(issuePath(decode(Schemas.WebsiteSettings)({ chatbox: { file_transfer: "yes" } })))
      .toBe("chatbox.file_transfer")
  })
})

describe("small answers", () => {
  it("decodes an absent or null answer of sendMessage and getPeopleData as {}", () => {
    expect(decode(Schemas.MessageSent)(undefined)).toEqual(Either.right({}))
    expect(decode(Schemas.MessageSent)(null)).toEqual(Either.right({}))
    expect(decode(Schemas.MessageSent)({ fingerprint: 12 })).toEqual(Either.right({ fingerprint: 12 }))
    expect(decode(Schemas.PeopleData)(undefined)).toEqual(Either.right({}))
    expect(issuePath(decode(Schemas.MessageSent)({ fingerprint: "12" }))).toBe("fingerprint")
  })

  it("keeps the session key of a login redacted", () => {
    const result = decode(Schemas.UserSessionKeys)({ identifier: "id-1", key: "session-secret" })
    if (Either.isLeft(result)) throw result.left
    expect(result.right.identifier).toBe("id-1")
    expect(Redacted.value(result.right.key)).toBe("session-secret")
    expect(String(result.right.key)).not.toContain("session-secret")
    expect(inspect(result.right)).not.toContain("session-secret")
  })
})
