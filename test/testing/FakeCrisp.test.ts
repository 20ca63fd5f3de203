/**
 * FakeCrisp in-process: behaviour of every route group, events, visitor actions,
 * and the controls (on the TestClock where time matters).
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Option, Stream, TestClock } from "effect"
import { FakeCrisp } from "../../src/testing.js"
import { type Answer, basic, call, type Credentials, dataOf, request } from "./FakeCrispSupport.js"

const W = "website-1"
const S = "session_1"
const conv = `website/${W}/conversation/${S}`

const withSession = (extra: FakeCrisp.FakeCrispSeed = {}) =>
  FakeCrisp.make({ ...extra, conversations: [{ website_id: W, session_id: S }, ...(extra.conversations ?? [])] })

const eventNames = (fake: FakeCrisp.FakeCrisp) => Effect.map(fake.publishedEvents, (events) => events.map((e) => e.name))

const login = (fake: FakeCrisp.FakeCrisp, email = "operator@example.com", password = "operator-password") =>
  Effect.map(
    call(fake, "POST", "user/session/login", { as: null, body: { email, password } }),
    (answer): Credentials & { answer: Answer } => {
      const data = answer.status === 200 ? dataOf<{ identifier: string; key: string }>(answer) : { identifier: "", key: "" }
      return { identifier: data.identifier, key: data.key, tier: "user", answer }
    }
  )

describe("FakeCrisp conversations", () => {
  it.scoped("creates a conversation and answers {session_id}", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const created = yield* call(fake, "POST", `website/${W}/conversation`, { body: {} })
      expect(created.status).toBe(200)
      const sessionId = dataOf<{ session_id: string }>(created).session_id
      expect(sessionId).toMatch(/^session_[0-9a-f-]{36}$/)
      const got = yield* call(fake, "GET", `website/${W}/conversation/${sessionId}`)
      expect(dataOf<Record<string, unknown>>(got)).toMatchObject({
        session_id: sessionId,
        website_id: W,
        state: "pending",
        is_blocked: false,
        meta: { data: {}, segments: [] }
      })
    }))

  it.scoped("sends messages: fingerprint generated, updated_at from the Clock, from user vs operator", () =>
    Effect.gen(function*() {
      const fake = yield* withSession()
      yield* TestClock.setTime(1_800_000_000_000)
      const operator = yield* call(fake, "POST", `${conv}/message`, {
        body: { type: "text", from: "operator", origin: "chat", content: "Hi, how can I help?" }
      })
      yield* TestClock.adjust(5000)
      const visitor = yield* call(fake, "POST", `${conv}/message`, {
        body: { type: "text", from: "user", origin: "chat", content: "My order", fingerprint: 42 }
      })
      expect(dataOf<{ fingerprint: number }>(operator).fingerprint).toBeGreaterThan(0)
      expect(dataOf<{ fingerprint: number }>(visitor).fingerprint).toBe(42)
      const messages = dataOf<Array<Record<string, unknown>>>(yield* call(fake, "GET", `${conv}/messages`))
      expect(messages.map((m) => [m.from, m.content, m.timestamp])).toEqual([
        ["operator", "Hi, how can I help?", 1_800_000_000_000],
        ["user", "My order", 1_800_000_005_000]
      ])
      const conversation = dataOf<Record<string, unknown>>(yield* call(fake, "GET", conv))
      expect(conversation.updated_at).toBe(1_800_000_005_000)
      expect(conversation.last_message).toBe("My order")
      expect(conversation.unread).toEqual({ operator: 1, visitor: 1 })
      expect(yield* eventNames(fake)).toEqual(["message:received", "message:send"])
      const duplicate = yield* call(fake, "POST", `${conv}/message`, {
        body: { type: "text", from: "user", origin: "chat", content: "again", fingerprint: 42 }
      })
      expect(duplicate.status).toBe(400)
    }))

  it.scoped("accepts each message type with its content shape", () =>
    Effect.gen(function*() {
      const fake = yield* withSession()
      const contents: Array<[string, unknown]> = [
        ["text", "plain"],
        ["note", "internal note"],
        ["file", { name: "a.pdf", url: "https://example.com/a.pdf", type: "application/pdf" }],
        ["animation", { url: "https://example.com/a.gif", type: "image/gif" }],
        ["audio", { url: "https://example.com/a.mp3", type: "audio/mpeg", duration: 12 }],
        ["picker", { id: "p", text: "Pick", choices: [{ value: "a", label: "A", selected: false }] }],
        ["field", { id: "f", text: "Email?", explain: "We reply there" }],
        ["carousel", { text: "Look", targets: [{ title: "One" }] }],
        ["event", { namespace: "state:resolved" }]
      ]
      for (const [type, content] of contents) {
        const answer = yield* call(fake, "POST", `${conv}/message`, { body: { type, from: "operator", origin: "chat", content } })
        expect(answer.status, type).toBe(200)
      }
      const messages = dataOf<Array<{ type: string; content: unknown }>>(yield* call(fake, "GET", `${conv}/messages`))
      expect(messages.map((m) => [m.type, m.content])).toEqual(contents)
      const wrong = yield* call(fake, "POST", `${conv}/message`, {
        body: { type: "audio", from: "operator", origin: "chat", content: { type: "audio/mpeg", duration: 3 } }
      })
      // The client's own MessageNew Schema checks the body: an audio message needs its url.
      expect(wrong.status).toBe(400)
      expect(dataOf<{ message: string }>(wrong).message).toContain("url")
    }))

  it.scoped("pages messages with timestamp_before (newest page first, each page oldest first)", () =>
    Effect.gen(function*() {
      const messages = Array.from({ length: 45 }, (_, i) => ({ from: "user" as const, content: `m${i}`, timestamp: 1000 + i }))
      const fake = yield* FakeCrisp.make({ conversations: [{ website_id: W, session_id: S, messages }] })
      const latest = dataOf<Array<{ content: string; timestamp: number }>>(yield* call(fake, "GET", `${conv}/messages`))
      expect(latest.map((m) => m.content)).toEqual(Array.from({ length: 20 }, (_, i) => `m${25 + i}`))
      const older = dataOf<Array<{ content: string; timestamp: number }>>(
        yield* call(fake, "GET", `${conv}/messages`, { query: { timestamp_before: String(latest[0]!.timestamp) } })
      )
      expect(older.map((m) => m.content)).toEqual(Array.from({ length: 20 }, (_, i) => `m${5 + i}`))
      const oldest = dataOf<Array<{ content: string }>>(
        yield* call(fake, "GET", `${conv}/messages`, { query: { timestamp_before: "1005" } })
      )
      expect(oldest.map((m) => m.content)).toEqual(["m0", "m1", "m2", "m3", "m4"])
      const bad = yield* call(fake, "GET", `${conv}/messages`, { query: { timestamp_before: "yesterday" } })
      expect(bad.status).toBe(400)
    }))

  it.scoped("state, block, routing, meta: change state and publish the realtime payloads", () =>
    Effect.gen(function*() {
      const fake = yield* withSession()
      expect((yield* call(fake, "PATCH", `${conv}/state`, { body: { state: "resolved" } })).status).toBe(200)
      expect((yield* call(fake, "PATCH", `${conv}/block`, { body: { blocked: true } })).status).toBe(200)
      expect((yield* call(fake, "PATCH", `${conv}/routing`, { body: { assigned: { user_id: "user-1" } } })).status).toBe(200)
      expect((yield* call(fake, "PATCH", `${conv}/meta`, {
        body: { nickname: "Jane", email: "jane@example.com", data: { plan: "pro" }, segments: ["vip"] }
      })).status).toBe(200)
      const unknownOperator = yield* call(fake, "PATCH", `${conv}/routing`, { body: { assigned: { user_id: "ghost" } } })
      expect(unknownOperator.status).toBe(400)

      const conversation = dataOf<Record<string, unknown>>(yield* call(fake, "GET", conv))
      expect(conversation).toMatchObject({
        state: "resolved",
        is_blocked: true,
        assigned: { user_id: "user-1" },
        meta: { nickname: "Jane", email: "jane@example.com", data: { plan: "pro" }, segments: ["vip"] }
      })
      expect(dataOf<unknown>(yield* call(fake, "GET", `${conv}/routing`))).toEqual({ assigned: { user_id: "user-1" } })
      expect(dataOf<unknown>(yield* call(fake, "GET", `${conv}/meta`))).toMatchObject({ nickname: "Jane" })

      const ids = { website_id: W, session_id: S, inbox_id: null }
      const events = yield* fake.publishedEvents
      expect(events.map((e) => ({ name: e.name, data: e.data }))).toEqual([
        { name: "session:set_state", data: { ...ids, state: "resolved" } },
        { name: "session:set_block", data: { ...ids, is_blocked: true } },
        { name: "session:set_routing", data: { ...ids, routing_id: "user-1", previous_routing_id: null } },
        { name: "session:set_nickname", data: { ...ids, nickname: "Jane" } },
        { name: "session:set_email", data: { ...ids, email: "jane@example.com" } },
        { name: "session:set_data", data: { ...ids, data: { plan: "pro" } } },
        { name: "session:set_segments", data: { ...ids, segments: ["vip"] } }
      ])
    }))

  it.scoped("acknowledge marks read: operator → read:send, visitor → read:received", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make({
        conversations: [{
          website_id: W,
          session_id: S,
          messages: [
            { from: "user", content: "one", fingerprint: 1 },
            { from: "user", content: "two", fingerprint: 2 },
            { from: "operator", content: "three", fingerprint: 3 }
          ]
        }]
      })
      const ack = yield* call(fake, "PATCH", `${conv}/read`, { body: { from: "operator", origin: "chat", fingerprints: [1] } })
      expect(ack.status).toBe(200)
      let conversation = dataOf<{ unread: unknown }>(yield* call(fake, "GET", conv))
      expect(conversation.unread).toEqual({ operator: 1, visitor: 1 })
      const read = yield* fake.visitorReads(W, S)
      expect(read).toEqual([3])
      conversation = dataOf<{ unread: unknown }>(yield* call(fake, "GET", conv))
      expect(conversation.unread).toEqual({ operator: 1, visitor: 0 })
      const events = yield* fake.publishedEvents
      expect(events.map((e) => [e.name, e.data.fingerprints])).toEqual([
        ["message:acknowledge:read:send", [1]],
        ["message:acknowledge:read:received", [3]]
      ])
      const messages = dataOf<Array<{ fingerprint: number; read: string }>>(yield* call(fake, "GET", `${conv}/messages`))
      expect(messages.map((m) => m.read)).toEqual(["chat", "", "chat"])
    }))

  it.scoped("initiates a conversation (session:request:initiated), deletes it (session:removed), 404s afterwards", () =>
    Effect.gen(function*() {
      const fake = yield* withSession()
      expect((yield* call(fake, "POST", `${conv}/initiate`, { body: {} })).status).toBe(200)
      expect((yield* call(fake, "DELETE", conv)).status).toBe(200)
      expect((yield* call(fake, "GET", conv)).status).toBe(404)
      expect((yield* call(fake, "DELETE", conv)).status).toBe(404)
      // The seed's buggy plural path is not a route.
      expect((yield* call(fake, "DELETE", `website/${W}/conversations/${S}`)).status).toBe(501)
      expect(yield* eventNames(fake)).toEqual(["session:request:initiated", "session:removed"])
    }))

  it.scoped("filters conversation lists: unread, resolved, not resolved, text and segment search", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make({
        conversations: [
          { website_id: W, session_id: "a", state: "resolved", messages: [{ from: "user", content: "refund please", read: true }] },
          { website_id: W, session_id: "b", state: "unresolved", meta: { nickname: "Bob", data: {}, segments: ["vip"] }, messages: [{ from: "user", content: "hello" }] },
          { website_id: W, session_id: "c", state: "pending" }
        ]
      })
      const ids = (query: Record<string, string>) =>
        Effect.map(call(fake, "GET", `website/${W}/conversations/1`, { query }), (a) =>
          dataOf<Array<{ session_id: string }>>(a).map((c) => c.session_id).sort())
      expect(yield* ids({})).toEqual(["a", "b", "c"])
      expect(yield* ids({ filter_unread: "1" })).toEqual(["b"])
      expect(yield* ids({ filter_resolved: "1" })).toEqual(["a"])
      expect(yield* ids({ filter_not_resolved: "1" })).toEqual(["b", "c"])
      expect(yield* ids({ search_query: "REFUND" })).toEqual(["a"])
      expect(yield* ids({ search_query: "bob", search_type: "text" })).toEqual(["b"])
      expect(yield* ids({ search_query: "vip", search_type: "segment" })).toEqual(["b"])
      expect(yield* ids({ include_empty: "0" })).toEqual(["a", "b"])
      const filter = JSON.stringify([{ model: "session", criterion: "state", operator: "eq", query: ["pending"] }])
      expect(yield* ids({ search_query: filter, search_type: "filter" })).toEqual(["c"])
      expect((yield* call(fake, "GET", `website/${W}/conversations/1`, { query: { filter_unread: "maybe" } })).status).toBe(400)
      expect((yield* call(fake, "GET", `website/${W}/conversations/1`, { query: { search_query: "x", search_type: "fuzzy" } })).status)
        .toBe(400)
    }))
})

describe("FakeCrisp people", () => {
  it.scoped("create → get by id and by email → exists → update merges → save replaces → remove", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const people = `website/${W}/people`
      const created = yield* call(fake, "POST", `${people}/profile`, {
        body: { email: "jane@example.com", person: { nickname: "Jane", phone: "+331" }, segments: ["lead"] }
      })
      const id = dataOf<{ people_id: string }>(created).people_id
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      const byId = dataOf<Record<string, unknown>>(yield* call(fake, "GET", `${people}/profile/${id}`))
      const byEmail = dataOf<Record<string, unknown>>(yield* call(fake, "GET", `${people}/profile/jane@example.com`))
      expect(byId).toEqual(byEmail)
      expect(byId).toMatchObject({ people_id: id, email: "jane@example.com", person: { nickname: "Jane", phone: "+331" }, segments: ["lead"] })
      expect((yield* call(fake, "HEAD", `${people}/profile/${id}`)).status).toBe(200)
      expect((yield* call(fake, "POST", `${people}/profile`, { body: { email: "JANE@example.com" } })).status).toBe(409)

      yield* call(fake, "PATCH", `${people}/profile/${id}`, { body: { person: { nickname: "Jane D." } } })
      const merged = dataOf<{ person: unknown; segments: unknown }>(yield* call(fake, "GET", `${people}/profile/${id}`))
      expect(merged.person).toEqual({ nickname: "Jane D.", phone: "+331" })
      expect(merged.segments).toEqual(["lead"])

      yield* call(fake, "PUT", `${people}/profile/${id}`, { body: { email: "jane@example.com", person: { nickname: "J" } } })
      const replaced = dataOf<{ person: unknown; segments: unknown }>(yield* call(fake, "GET", `${people}/profile/${id}`))
      expect(replaced.person).toEqual({ nickname: "J" })
      expect(replaced.segments).toEqual([])

      expect((yield* call(fake, "DELETE", `${people}/profile/${id}`)).status).toBe(200)
      expect((yield* call(fake, "HEAD", `${people}/profile/${id}`)).status).toBe(404)
      expect((yield* call(fake, "GET", `${people}/profile/${id}`)).status).toBe(404)

      const events = yield* fake.publishedEvents
      expect(events.map((e) => e.name)).toEqual([
        "people:profile:created",
        "people:profile:updated",
        "people:profile:updated",
        "people:profile:removed"
      ])
      expect(events[0]!.data).toEqual({ website_id: W, people_id: id, email: "jane@example.com" })
      expect(events[1]!.data).toMatchObject({ people_id: id, update: { person: { nickname: "Jane D.", phone: "+331" } } })
      expect(events[3]!.data).toEqual({ website_id: W, people_id: id })
    }))

  it.scoped("finds people by email (search_filter), by segments, and by search_text; sorts and pages", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make({
        people: [
          { website_id: W, email: "ann@example.com", person: { nickname: "Ann" }, segments: ["vip", "eu"], created_at: 1 },
          { website_id: W, email: "bob@example.com", person: { nickname: "Bob" }, segments: ["vip"], created_at: 2 },
          { website_id: W, email: "cy@example.org", person: { nickname: "Cy" }, segments: ["eu"], created_at: 3 }
        ]
      })
      const emails = (query: Record<string, string>, path = `website/${W}/people/profiles/1`) =>
        Effect.map(call(fake, "GET", path, { query }), (a) => dataOf<Array<{ email: string }>>(a).map((p) => p.email))
      const byEmail = JSON.stringify([{ model: "people", criterion: "email", operator: "eq", query: ["BOB@example.com"] }])
      expect(yield* emails({ search_filter: byEmail })).toEqual(["bob@example.com"])
      // The seed's findByEmail had no page segment.
      expect(yield* emails({ search_filter: byEmail }, `website/${W}/people/profiles`)).toEqual(["bob@example.com"])
      const segments = JSON.stringify([
        { model: "people", criterion: "segments", operator: "eq", query: ["vip"] },
        { model: "people", criterion: "segments", operator: "eq", query: ["eu"] }
      ])
      expect(yield* emails({ search_filter: segments, search_operator: "and" })).toEqual(["ann@example.com"])
      expect((yield* emails({ search_filter: segments, search_operator: "or" })).sort()).toEqual([
        "ann@example.com",
        "bob@example.com",
        "cy@example.org"
      ])
      expect(yield* emails({ search_text: "example.org" })).toEqual(["cy@example.org"])
      expect(yield* emails({})).toEqual(["cy@example.org", "bob@example.com", "ann@example.com"])
      expect(yield* emails({ sort_field: "nickname", sort_order: "ascending" })).toEqual([
        "ann@example.com",
        "bob@example.com",
        "cy@example.org"
      ])
      expect(yield* emails({ search_field: "email", search_order: "descending" })).toEqual([
        "cy@example.org",
        "bob@example.com",
        "ann@example.com"
      ])
      expect((yield* call(fake, "GET", `website/${W}/people/profiles/1`, { query: { search_filter: "[oops" } })).status).toBe(400)
      expect(yield* emails({}, `website/${W}/people/profiles/2`)).toEqual([])
      const segmentList = dataOf<unknown>(yield* call(fake, "GET", `website/${W}/people/segments/1`))
      expect(segmentList).toEqual([{ segment: "eu", count: 2 }, { segment: "vip", count: 2 }])
    }))

  it.scoped("people events, data and conversations", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make({
        people: [{ website_id: W, email: "jane@example.com", people_id: "jane" }],
        conversations: [{ website_id: W, session_id: "s1", meta: { email: "jane@example.com", data: {}, segments: [] } }]
      })
      const p = `website/${W}/people`
      yield* TestClock.setTime(5000)
      expect((yield* call(fake, "POST", `${p}/events/jane`, { body: { text: "Signed up", color: "green", data: { plan: "pro" } } })).status)
        .toBe(200)
      yield* TestClock.adjust(1000)
      yield* call(fake, "POST", `${p}/events/jane`, { body: { text: "Paid" } })
      expect((yield* call(fake, "POST", `${p}/events/jane`, { body: { color: "red" } })).status).toBe(400)
      const events = dataOf<unknown>(yield* call(fake, "GET", `${p}/events/jane/list/1`))
      expect(events).toEqual([
        { text: "Paid", timestamp: 6000 },
        { text: "Signed up", color: "green", data: { plan: "pro" }, timestamp: 5000 }
      ])

      yield* call(fake, "PUT", `${p}/data/jane`, { body: { data: { plan: "pro", seats: 3 } } })
      yield* call(fake, "PATCH", `${p}/data/jane`, { body: { seats: 4, trial: false } })
      expect(dataOf<unknown>(yield* call(fake, "GET", `${p}/data/jane`))).toEqual({ data: { plan: "pro", seats: 4, trial: false } })
      yield* call(fake, "PUT", `${p}/data/jane`, { body: { only: "this" } })
      expect(dataOf<unknown>(yield* call(fake, "GET", `${p}/data/jane`))).toEqual({ data: { only: "this" } })
      expect((yield* call(fake, "PUT", `${p}/data/jane`, { body: { nested: { no: 1 } } })).status).toBe(400)

      yield* fake.visitorSetsEmail(W, "s2", "jane@example.com")
      const sessions = dataOf<Array<string>>(yield* call(fake, "GET", `${p}/conversations/jane/list/1`))
      expect(sessions.sort()).toEqual(["s1", "s2"])
      // The seed's buggy singular path is not a route.
      expect((yield* call(fake, "GET", `${p}/conversation/jane/list/1`)).status).toBe(501)
      expect((yield* call(fake, "GET", `${p}/events/ghost/list/1`)).status).toBe(404)
    }))
})

describe("FakeCrisp website, settings, operators, users", () => {
  it.scoped("settings PATCH deep-merges and keeps name/domain in step with the website", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const patch = { name: "Acme", chatbox: { color_theme: "red", hide_on_away: true }, emails: { rating: false } }
      expect((yield* call(fake, "PATCH", `website/${W}/settings`, { body: patch })).status).toBe(200)
      const settings = dataOf<Record<string, Record<string, unknown>>>(yield* call(fake, "GET", `website/${W}/settings`))
      expect(settings.name).toBe("Acme")
      expect(settings.chatbox).toMatchObject({ color_theme: "red", hide_on_away: true, tile: "default", hide_on_mobile: false })
      expect(settings.emails).toEqual({ rating: false, transcript: true, trackers: true, junk_filter: true })
      expect(dataOf<{ name: string }>(yield* call(fake, "GET", `website/${W}`)).name).toBe("Acme")
      expect((yield* call(fake, "PATCH", `website/${W}/settings`, { body: ["not", "an", "object"] })).status).toBe(400)
    }))

  it.scoped("operators: list, invite, get, change membership, unlink; the last owner stays", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const list = yield* call(fake, "GET", `website/${W}/operators/list`)
      expect(dataOf<unknown>(list)).toEqual([{
        type: "operator",
        details: {
          user_id: "user-1",
          email: "operator@example.com",
          avatar: "",
          first_name: "Olivia",
          last_name: "Operator",
          role: "owner",
          title: "",
          availability: "offline",
          has_token: false
        }
      }])
      const invited = yield* call(fake, "POST", `website/${W}/operator`, { body: { email: "max@example.com", role: "member", verify: false } })
      expect(invited.status).toBe(200)
      const userId = dataOf<{ user_id: string }>(invited).user_id
      expect(dataOf<unknown>(yield* call(fake, "GET", `website/${W}/operator/${userId}`))).toMatchObject({
        email: "max@example.com",
        role: "member"
      })
      expect((yield* call(fake, "POST", `website/${W}/operator`, { body: { email: "max@example.com", role: "member" } })).status).toBe(409)
      yield* call(fake, "PATCH", `website/${W}/operator/${userId}`, { body: { role: "owner", title: "Lead" } })
      expect(dataOf<unknown>(yield* call(fake, "GET", `website/${W}/operator/${userId}`))).toMatchObject({ role: "owner", title: "Lead" })
      expect((yield* call(fake, "DELETE", `website/${W}/operator/${userId}`)).status).toBe(200)
      expect((yield* call(fake, "GET", `website/${W}/operator/${userId}`)).status).toBe(404)
      expect((yield* call(fake, "DELETE", `website/${W}/operator/user-1`)).status).toBe(403)
      expect((yield* call(fake, "PATCH", `website/${W}/operator/user-1`, { body: { role: "member" } })).status).toBe(403)
    }))

  it.scoped("login → user session usable for user routes and website create/delete → logout invalidates it", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const wrong = yield* login(fake, "operator@example.com", "guess")
      expect(wrong.answer.status).toBe(401)
      expect(wrong.answer.json).toMatchObject({ error: true, reason: "invalid_credentials" })
      const unknown = yield* login(fake, "nobody@example.com", "guess")
      expect(unknown.answer.status).toBe(401)
      // Credentials on the login route are not read (a plugin-authenticated client may log in).
      const session = yield* login(fake)
      expect(session.answer.status).toBe(200)
      expect(session.identifier).not.toBe("")
      expect(session.key).toMatch(/^[0-9a-f]{64}$/)

      // Plugin tokens may not create websites or read the user profile.
      expect((yield* call(fake, "POST", "website", { body: { name: "New", domain: "new.example.com" } })).status).toBe(401)
      expect((yield* call(fake, "GET", "user/account/profile")).status).toBe(401)

      const profile = yield* call(fake, "GET", "user/account/profile", { as: session })
      expect(dataOf<unknown>(profile)).toEqual({
        user_id: "user-1",
        email: "operator@example.com",
        first_name: "Olivia",
        last_name: "Operator",
        avatar: ""
      })
      const created = yield* call(fake, "POST", "website", { as: session, body: { name: "New", domain: "new.example.com" } })
      const websiteId = dataOf<{ website_id: string }>(created).website_id
      expect(dataOf<unknown>(created)).toEqual({ website_id: websiteId, name: "New", domain: "new.example.com", logo: "" })
      expect(yield* fake.operators(websiteId)).toMatchObject([{ user_id: "user-1", role: "owner" }])
      expect((yield* call(fake, "HEAD", "website", { query: { domain: "new.example.com" } })).status).toBe(200)
      expect((yield* call(fake, "HEAD", "website", { query: { domain: "old.example.com" } })).status).toBe(404)
      expect((yield* call(fake, "DELETE", `website/${websiteId}`, { as: session, body: { verify: { method: "password", secret: "x" } } })).status)
        .toBe(403)
      expect((yield* call(fake, "DELETE", `website/${websiteId}`, { as: session })).status).toBe(200)
      expect((yield* call(fake, "GET", `website/${websiteId}`)).status).toBe(404)

      expect((yield* call(fake, "POST", "user/session/recover", { as: null, body: { email: "operator@example.com" } })).status).toBe(200)
      expect((yield* call(fake, "POST", "user/session/recover", { as: null, body: {} })).status).toBe(400)
      expect((yield* call(fake, "POST", "user/session/logout", { as: session, body: {} })).status).toBe(200)
      expect((yield* call(fake, "GET", "user/account/profile", { as: session })).status).toBe(401)
      expect(fake.checkCredentials(session.identifier, session.key, "user")).toBe(false)
    }))

  it.scoped("connect endpoints answer the RTM URL to the matching tier only", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make({ rtmUrl: "http://127.0.0.1:9/rtm/" })
      const plugin = yield* call(fake, "GET", "plugin/connect/endpoints")
      expect(dataOf<{ socket: unknown }>(plugin).socket).toEqual({ app: "http://127.0.0.1:9/rtm/", stream: "http://127.0.0.1:9/rtm/" })
      expect((yield* call(fake, "GET", "user/connect/endpoints")).status).toBe(401)
      const session = yield* login(fake)
      expect((yield* call(fake, "GET", "user/connect/endpoints", { as: session })).status).toBe(200)
      yield* fake.setRtmUrl("http://127.0.0.1:10/")
      const site = yield* call(fake, "GET", `website/${W}/connect/endpoints`)
      expect(dataOf<{ socket: { app: string } }>(site).socket.app).toBe("http://127.0.0.1:10/")
    }))
})

describe("FakeCrisp events and visitor actions", () => {
  it.scoped("visitorSends creates the session, appends, publishes message:send to Stream and listeners", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const stream = yield* fake.subscribe
      const heard: Array<string> = []
      const unsubscribe = fake.onEvent((event) => heard.push(event.name))
      yield* TestClock.setTime(1_506_985_696_616)
      const message = yield* fake.visitorSends(W, "session_new", "Hey :)")
      expect(message).toMatchObject({ from: "user", type: "text", origin: "chat", content: "Hey :)", timestamp: 1_506_985_696_616 })
      unsubscribe()
      yield* fake.visitorSetsEmail(W, "session_new", "v@example.com")
      const events = Chunk.toReadonlyArray(yield* Stream.runCollect(Stream.take(stream, 2)))
      expect(events.map((e) => e.name)).toEqual(["message:send", "session:set_email"])
      expect(events[0]!.data).toEqual({
        website_id: W,
        session_id: "session_new",
        inbox_id: null,
        type: "text",
        from: "user",
        origin: "chat",
        content: "Hey :)",
        fingerprint: message.fingerprint,
        timestamp: 1_506_985_696_616,
        user: { type: "participant", user_id: "session_new", nickname: "visitor" },
        stamped: true
      })
      expect(events[1]!.data).toEqual({ website_id: W, session_id: "session_new", inbox_id: null, email: "v@example.com" })
      expect(heard).toEqual(["message:send"])
      const stored = yield* fake.conversation(W, "session_new")
      expect(Option.map(stored, (c) => c.messages.length)).toEqual(Option.some(1))
    }))

  it.scoped("a throwing listener neither breaks the change nor other listeners", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const heard: Array<string> = []
      fake.onEvent(() => {
        throw new Error("listener bug")
      })
      fake.onEvent((e) => heard.push(e.name))
      yield* fake.visitorSends(W, S, "hi")
      expect(heard).toEqual(["message:send"])
      expect(yield* fake.conversations(W)).toHaveLength(1)
    }))

  it.scoped("visitor actions fail with FakeCrispError on unknown websites and blocked sessions", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make({ conversations: [{ website_id: W, session_id: S, is_blocked: true }] })
      const unknown = yield* Effect.flip(fake.visitorSends("nope", S, "hi"))
      expect(unknown).toMatchObject({ _tag: "FakeCrispError", reason: "not_found" })
      expect(unknown.message).toContain("nope")
      const blocked = yield* Effect.flip(fake.visitorSends(W, S, "hi"))
      expect(blocked.reason).toBe("invalid")
      const missing = yield* Effect.flip(fake.visitorReads(W, "session_missing"))
      expect(missing.reason).toBe("not_found")
      expect(yield* fake.publishedEvents).toEqual([])
    }))

  it.scoped("publish sends arbitrary events; closing the fake's scope ends its event streams", () =>
    Effect.gen(function*() {
      const { received, open } = yield* Effect.scoped(Effect.gen(function*() {
        const fake = yield* FakeCrisp.make()
        const stream = yield* fake.subscribe
        const open = yield* Effect.fork(Stream.runCollect(fake.events))
        yield* fake.publish({ name: "website:users:available", data: { website_id: W, available: true } })
        const received = yield* Stream.runCollect(Stream.take(stream, 1))
        return { received, open }
      }))
      expect(Chunk.toReadonlyArray(received).map((e) => [e.name, e.data])).toEqual([
        ["website:users:available", { website_id: W, available: true }]
      ])
      // A stream still running when the fake's scope closed has ended (join would hang otherwise).
      const exit = yield* Fiber.await(open).pipe(Effect.timeout("1 second"), Effect.either)
      expect(exit._tag).toBe("Right")
    }))

  it.scoped("seeds are checked: a bad one fails make with FakeCrispError", () =>
    Effect.gen(function*() {
      const bad = { conversations: [{ website_id: W, state: "open" }] } as unknown as FakeCrisp.FakeCrispSeed
      const error = yield* Effect.flip(FakeCrisp.make(bad))
      expect(error.reason).toBe("invalid")
      expect(error.message).toContain("conversations[0].state")
      const badPage = yield* Effect.flip(FakeCrisp.make({ messagesPerPage: 0 }))
      expect(badPage.message).toContain("messagesPerPage")
      const noDefaults = yield* FakeCrisp.make({ defaults: false })
      expect(yield* noDefaults.website(W)).toEqual(Option.none())
      expect(noDefaults.checkCredentials("plugin-identifier", "plugin-key", "plugin")).toBe(false)
      const badScope = { tokens: [{ identifier: "t", key: "k", tier: "plugin", websites: [""] }] } as const
      expect((yield* Effect.flip(FakeCrisp.make(badScope))).message).toContain("tokens[0].websites")
    }))

  it.scoped("a token limited to some websites gets 403 on the others, and routes without a website work", () =>
    Effect.gen(function*() {
      const dev = { identifier: "dev-identifier", key: "dev-key", tier: "plugin" } as const
      const fake = yield* FakeCrisp.make({ websites: [{ website_id: "website-2" }], tokens: [{ ...dev, websites: [W] }] })
      expect((yield* call(fake, "GET", `website/${W}`, { as: dev })).status).toBe(200)
      const refused = yield* call(fake, "GET", "website/website-2", { as: dev })
      expect([refused.status, (refused.json as { reason: string }).reason]).toEqual([403, "not_allowed"])
      expect((yield* call(fake, "GET", "plugin/connect/endpoints", { as: dev })).status).toBe(200)
      expect(fake.tokenWebsites("dev-identifier")).toEqual([W])
      expect(fake.tokenWebsites("plugin-identifier")).toBeUndefined()
      // The default plugin token is not limited.
      expect((yield* call(fake, "GET", "website/website-2")).status).toBe(200)
    }))
})

describe("FakeCrisp controls on the TestClock", () => {
  it.scoped("the token bucket refills with the Clock", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      yield* fake.limit({ perSecond: 2, burst: 2, retryAfter: true })
      const status = () => Effect.map(call(fake, "GET", `website/${W}`), (a) => a.status)
      expect([yield* status(), yield* status(), yield* status()]).toEqual([200, 200, 429])
      yield* TestClock.adjust(499)
      expect(yield* status()).toBe(429)
      yield* TestClock.adjust(1)
      expect(yield* status()).toBe(200)
      yield* TestClock.adjust(10_000)
      expect([yield* status(), yield* status(), yield* status()]).toEqual([200, 200, 429])
    }))

  it.scoped("the daily quota counts plugin requests per UTC day and renews at midnight", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      yield* TestClock.setTime(Date.UTC(2030, 0, 1, 23, 59, 0))
      yield* fake.limit({ dailyQuota: 1, retryAfter: true })
      const first = yield* call(fake, "GET", `website/${W}`)
      const second = yield* call(fake, "GET", `website/${W}`)
      expect([first.status, second.status]).toEqual([200, 429])
      expect(second.headers["retry-after"]).toBe("60")
      // User sessions are not counted.
      const session = yield* login(fake)
      expect((yield* call(fake, "GET", `website/${W}`, { as: session })).status).toBe(200)
      yield* TestClock.adjust(60_000)
      expect((yield* call(fake, "GET", `website/${W}`)).status).toBe(200)
    }))

  it.scoped("handle waits out an injected delay on the Clock; the change happens first", () =>
    Effect.gen(function*() {
      const fake = yield* withSession()
      yield* fake.delayNext(2000, { method: "PATCH" })
      const fiber = yield* Effect.fork(fake.handle(request("PATCH", `${conv}/state`, { body: { state: "resolved" } })))
      yield* TestClock.adjust(1999)
      expect(fiber.unsafePoll()).toBeNull()
      expect(Option.map(yield* fake.conversation(W, S), (c) => c.state)).toEqual(Option.some("resolved"))
      yield* TestClock.adjust(1)
      const response = yield* Fiber.join(fiber)
      expect("status" in response && response.status).toBe(200)
    }))

  it.scoped("refuses nonsensical controls with FakeCrispError", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      const errors = yield* Effect.all([
        Effect.flip(fake.limit({ perSecond: 0 })),
        Effect.flip(fake.limit({ burst: 3 })),
        Effect.flip(fake.limit({ status: 500 as 429 })),
        Effect.flip(fake.limit({ dailyQuota: -1 })),
        Effect.flip(fake.failNext(99)),
        Effect.flip(fake.delayNext(-5)),
        Effect.flip(fake.inject({})),
        Effect.flip(fake.inject({ status: 500, drop: true })),
        Effect.flip(fake.failNext(500, { times: 0 }))
      ])
      for (const error of errors) expect(error._tag).toBe("FakeCrispError")
      // Nothing was installed.
      expect((yield* call(fake, "GET", `website/${W}`)).status).toBe(200)
    }))

  it.scoped("a fault can target one path (still encoded) by string or RegExp", () =>
    Effect.gen(function*() {
      const fake = yield* withSession()
      yield* fake.failNext(500, { path: /\/messages$/ })
      yield* fake.failNext(404, { path: `website/${W}` })
      expect((yield* call(fake, "GET", conv)).status).toBe(200)
      expect((yield* call(fake, "GET", `${conv}/messages`)).status).toBe(500)
      expect((yield* call(fake, "GET", `website/${W}`)).status).toBe(404)
      expect((yield* call(fake, "GET", `website/${W}`)).status).toBe(200)
    }))
})

describe("FakeCrisp secrets", () => {
  it.scoped("never logs the Authorization header or a password", () =>
    Effect.gen(function*() {
      const fake = yield* FakeCrisp.make()
      yield* call(fake, "GET", `website/${W}`, { as: { identifier: "plugin-identifier", key: "wrong-key", tier: "plugin" } })
      const log = yield* fake.requests
      const text = JSON.stringify(log)
      expect(text).not.toContain(basic("plugin-identifier", "wrong-key").slice(6))
      expect(text).not.toContain("wrong-key")
      expect(log[0]!.status).toBe(401)
      yield* login(fake)
      const [, logged] = yield* fake.requests
      expect(logged!.path).toBe("user/session/login")
      expect(JSON.parse(logged!.body!)).toEqual({ email: "operator@example.com", password: "<redacted>" })
      expect(JSON.stringify(yield* fake.requests)).not.toContain("operator-password")
      yield* fake.clearRequests
      expect(yield* fake.requests).toEqual([])
    }))
})
