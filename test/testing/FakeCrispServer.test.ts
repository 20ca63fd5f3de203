/**
 * FakeCrisp served over real loopback HTTP, driven with real `fetch`.
 */
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer, Redacted, Scope } from "effect"
import * as Http from "node:http"
import * as CrispHttp from "../../src/CrispHttp.js"
import { FakeCrisp, FakeCrispServer } from "../../src/testing.js"
import { type Answer, basic, dataOf, fetchCall, fetchError, PLUGIN } from "./FakeCrispSupport.js"

const W = "website-1"

const served = (seed?: FakeCrisp.FakeCrispSeed) =>
  Effect.gen(function*() {
    const fake = yield* FakeCrisp.make(seed)
    const server = yield* FakeCrispServer.serve(fake)
    return { fake, url: server.url, server }
  })

const envelopeError = (answer: Answer) => answer.json as { error: boolean; reason: string; data: unknown }

describe("FakeCrispServer", () => {
  it.scopedLive("serves under http://127.0.0.1:PORT/v1/ with Crisp's success envelope", () =>
    Effect.gen(function*() {
      const { url, server } = yield* served()
      expect(url).toBe(`http://127.0.0.1:${server.port}/v1/`)
      expect(server.port).toBeGreaterThan(0)
      const answer = yield* fetchCall(url, "GET", `website/${W}`)
      expect(answer.status).toBe(200)
      expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8")
      expect(answer.json).toEqual({
        error: false,
        reason: "resolved",
        data: { website_id: "website-1", name: "Website One", domain: "website-1.example.com", logo: "" }
      })
    }))

  it.scopedLive("answers 401 invalid_session without auth, with a wrong key, and with another tier", () =>
    Effect.gen(function*() {
      const { url } = yield* served()
      const none = yield* fetchCall(url, "GET", `website/${W}`, { as: null })
      const wrongKey = yield* fetchCall(url, "GET", `website/${W}`, { as: { ...PLUGIN, key: "nope" } })
      const wrongTier = yield* fetchCall(url, "GET", `website/${W}`, { as: { ...PLUGIN, tier: "website" } })
      const garbage = yield* fetchCall(url, "GET", `website/${W}`, { as: null, headers: { authorization: "Basic %%%" } })
      for (const answer of [none, wrongKey, wrongTier, garbage]) {
        expect(answer.status).toBe(401)
        expect(envelopeError(answer).error).toBe(true)
        expect(envelopeError(answer).reason).toBe("invalid_session")
      }
    }))

  it.scopedLive("answers 404 not_found for unknown ids and paths outside /v1/, 501 fake_not_implemented for unknown routes", () =>
    Effect.gen(function*() {
      const { url, server } = yield* served()
      const paths = [
        "website/nope",
        `website/${W}/conversation/session_missing`,
        `website/${W}/people/profile/missing-person`,
        `website/${W}/operator/missing-user`
      ]
      for (const path of paths) {
        const answer = yield* fetchCall(url, "GET", path)
        expect(answer.status, path).toBe(404)
        expect(envelopeError(answer)).toMatchObject({ error: true, reason: "not_found" })
      }
      // A route the fake does not know must not read as Crisp's "not found".
      for (const path of [`website/${W}/no-such-thing`, "completely/unknown/route"]) {
        const answer = yield* fetchCall(url, "GET", path)
        expect(answer.status, path).toBe(501)
        expect(envelopeError(answer)).toMatchObject({ error: true, reason: "fake_not_implemented" })
      }
      const outside = yield* fetchCall(server.origin + "/", "GET", "v2/website/website-1")
      expect(outside.status).toBe(404)
      expect(envelopeError(outside).reason).toBe("not_found")
    }))

  it.scopedLive("answers 501 with Allow for a known path and a verb it does not know", () =>
    Effect.gen(function*() {
      const { url } = yield* served()
      const answer = yield* fetchCall(url, "PUT", `website/${W}/settings`, { body: {} })
      expect(answer.status).toBe(501)
      expect(envelopeError(answer).reason).toBe("fake_not_implemented")
      expect(answer.headers["allow"]).toBe("GET, PATCH")
    }))

  it.scopedLive("answers 400 invalid_data to bad bodies", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served({ conversations: [{ website_id: W, session_id: "session_1" }] })
      const base = `website/${W}/conversation/session_1`
      const cases: Array<[string, string, unknown, boolean?]> = [
        ["PATCH", `${base}/state`, { state: "open" }],
        ["PATCH", `${base}/state`, {}],
        ["PATCH", `${base}/block`, { blocked: "yes" }],
        ["POST", `${base}/message`, { type: "text", from: "operator", origin: "chat" }],
        ["POST", `${base}/message`, { type: "video", from: "operator", origin: "chat", content: "x" }],
        ["POST", `${base}/message`, { type: "text", from: "bot", origin: "chat", content: "x" }],
        ["POST", `${base}/message`, { type: "file", from: "operator", origin: "chat", content: { name: "a" } }],
        ["PATCH", `${base}/meta`, { nickname: 42 }],
        ["PATCH", `${base}/meta`, { segments: "vip" }],
        ["POST", `${base}/message`, "{not json", true],
        ["POST", `website/${W}/people/profile`, { person: { nickname: "No Email" } }],
        ["POST", `website/${W}/people/profile`, { email: "not-an-email" }],
        ["PATCH", `website/${W}/settings`, { chatbox: { hide_on_away: "yes" } }],
        ["PATCH", `website/${W}/settings`, { name: 12 }],
        ["POST", `website/${W}/operator`, { email: "a@example.com", role: "admin" }]
      ]
      for (const [method, path, body, raw] of cases) {
        const answer = yield* fetchCall(url, method, path, raw === true ? { body, raw: true } : { body })
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400)
        expect(envelopeError(answer)).toMatchObject({ error: true, reason: "invalid_data" })
      }
      const bad = yield* fetchCall(url, "GET", `website/${W}/conversations/1`, { query: { per_page: "10" } })
      expect(bad.status).toBe(400)
      const zero = yield* fetchCall(url, "GET", `website/${W}/conversations/0`)
      expect(zero.status).toBe(400)
      // Nothing changed.
      const conversation = yield* fake.conversation(W, "session_1")
      expect(conversation._tag === "Some" && conversation.value.messages.length).toBe(0)
      expect(conversation._tag === "Some" && conversation.value.state).toBe("pending")
    }))

  it.scopedLive("decodes URL-encoded path segments: an id 'a/b?c#d' is one segment", () =>
    Effect.gen(function*() {
      const odd = "a/b?c#d"
      const { url } = yield* served({
        conversations: [{ website_id: W, session_id: odd }],
        people: [{ website_id: W, email: "x@example.com", people_id: "p 1/é" }]
      })
      const conversation = yield* fetchCall(url, "GET", `website/${W}/conversation/${encodeURIComponent(odd)}`)
      expect(conversation.status).toBe(200)
      expect(dataOf<{ session_id: string }>(conversation).session_id).toBe(odd)
      const person = yield* fetchCall(url, "GET", `website/${W}/people/profile/${encodeURIComponent("p 1/é")}`)
      expect(person.status).toBe(200)
      expect(dataOf<{ people_id: string }>(person).people_id).toBe("p 1/é")
      // Unencoded, the slash makes it another (unknown) route.
      const raw = yield* fetchCall(url, "GET", `website/${W}/conversation/a/b`)
      expect(raw.status).toBe(501)
    }))

  it.scopedLive("pages 120 conversations by 50: 50, 50, 20, then []", () =>
    Effect.gen(function*() {
      const conversations = Array.from({ length: 120 }, (_, i) => ({
        website_id: W,
        session_id: `session_${String(i).padStart(3, "0")}`,
        updated_at: 1_700_000_000_000 + i * 1000
      }))
      const { url } = yield* served({ conversations })
      const seen: Array<string> = []
      const sizes: Array<number> = []
      for (const page of [1, 2, 3, 4]) {
        const answer = yield* fetchCall(url, "GET", `website/${W}/conversations/${page}`, { query: { per_page: "50" } })
        expect(answer.status).toBe(200)
        const items = dataOf<Array<{ session_id: string }>>(answer)
        sizes.push(items.length)
        seen.push(...items.map((c) => c.session_id))
      }
      expect(sizes).toEqual([50, 50, 20, 0])
      expect(new Set(seen).size).toBe(120)
      // Most recently updated first.
      expect(seen[0]).toBe("session_119")
      expect(seen[119]).toBe("session_000")
      const byDefault = yield* fetchCall(url, "GET", `website/${W}/conversations/1`)
      expect(dataOf<Array<unknown>>(byDefault)).toHaveLength(20)
    }))

  it.scopedLive("rate limits with a token bucket: 429 (or 420) with Retry-After", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served()
      yield* fake.limit({ perSecond: 0.5, burst: 2, status: 429, retryAfter: true })
      const statuses: Array<number> = []
      let last: Answer | undefined
      for (let i = 0; i < 3; i++) {
        last = yield* fetchCall(url, "GET", `website/${W}`)
        statuses.push(last.status)
      }
      expect(statuses).toEqual([200, 200, 429])
      expect(last!.headers["retry-after"]).toBe("2")
      expect(envelopeError(last!)).toMatchObject({ error: true, reason: "rate_limited" })

      yield* fake.limit({ perSecond: 0.5, burst: 1, status: 420 })
      const first = yield* fetchCall(url, "GET", `website/${W}`)
      const second = yield* fetchCall(url, "GET", `website/${W}`)
      expect([first.status, second.status]).toEqual([200, 420])
      expect(second.headers["retry-after"]).toBeUndefined()

      yield* fake.unlimit
      const free = yield* fetchCall(url, "GET", `website/${W}`)
      expect(free.status).toBe(200)
    }))

  it.scopedLive("a daily quota answers 429 quota_exceeded past n plugin requests", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served()
      yield* fake.limit({ dailyQuota: 3, retryAfter: true })
      const statuses: Array<number> = []
      let last: Answer | undefined
      for (let i = 0; i < 5; i++) {
        last = yield* fetchCall(url, "GET", `website/${W}`)
        statuses.push(last.status)
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      expect(envelopeError(last!)).toEqual({ error: true, reason: "quota_exceeded", data: {} })
      const retryAfter = Number(last!.headers["retry-after"])
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(86_400)
    }))

  it.scopedLive("injects a status with a custom body and headers, for the next N requests only", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served()
      const page = "<html><body>502 Bad Gateway</body></html>"
      yield* fake.failNext(502, { times: 2, body: page, headers: { "Retry-After": "3" } })
      const a = yield* fetchCall(url, "GET", `website/${W}`)
      const b = yield* fetchCall(url, "GET", `website/${W}/settings`)
      const c = yield* fetchCall(url, "GET", `website/${W}`)
      expect([a.status, b.status, c.status]).toEqual([502, 502, 200])
      expect(a.text).toBe(page)
      expect(a.headers["content-type"]).toBe("text/html; charset=utf-8")
      expect(a.headers["retry-after"]).toBe("3")

      yield* fake.failNext(503, { method: "POST" })
      const get = yield* fetchCall(url, "GET", `website/${W}`)
      const post = yield* fetchCall(url, "POST", `website/${W}/conversation`, { body: {} })
      expect([get.status, post.status]).toEqual([200, 503])
      expect(post.json).toEqual({ error: true, reason: "server_error", data: {} })
      // The refused POST created nothing.
      expect(yield* fake.conversations(W)).toHaveLength(0)
    }))

  it.scopedLive("delays answers for real", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served()
      yield* fake.delayNext(150)
      const started = performance.now()
      const slow = yield* fetchCall(url, "GET", `website/${W}`)
      const slowMs = performance.now() - started
      const again = performance.now()
      yield* fetchCall(url, "GET", `website/${W}`)
      const fastMs = performance.now() - again
      expect(slow.status).toBe(200)
      expect(slowMs).toBeGreaterThanOrEqual(140)
      expect(fastMs).toBeLessThan(140)
    }))

  it.scopedLive("drops connections: fetch fails; with processed: true the change still happens", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served({ conversations: [{ website_id: W, session_id: "session_1" }] })
      yield* fake.dropNext()
      const error = yield* fetchError(url + `website/${W}`, { headers: { authorization: basic("plugin-identifier", "plugin-key"), "x-crisp-tier": "plugin" } })
      expect(error).toBeInstanceOf(TypeError)

      yield* fake.dropNext({ processed: true, method: "POST" })
      const lost = yield* fetchError(url + `website/${W}/conversation/session_1/message`, {
        method: "POST",
        headers: { authorization: basic("plugin-identifier", "plugin-key"), "x-crisp-tier": "plugin", "content-type": "application/json" },
        body: JSON.stringify({ type: "text", from: "operator", origin: "chat", content: "sent twice?" })
      })
      expect(lost).toBeInstanceOf(TypeError)
      const conversation = yield* fake.conversation(W, "session_1")
      expect(conversation._tag === "Some" && conversation.value.messages.map((m) => m.content)).toEqual(["sent twice?"])
      const log = yield* fake.requests
      expect(log.map((r) => r.status)).toEqual(["drop", "drop"])
    }))

  it.scopedLive("publishes realtime events for changes made over HTTP", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served({ conversations: [{ website_id: W, session_id: "session_1" }] })
      const base = `website/${W}/conversation/session_1`
      const sent = yield* fetchCall(url, "POST", `${base}/message`, {
        body: { type: "text", from: "operator", origin: "chat", content: "Hello from HTTP" }
      })
      expect(sent.status).toBe(200)
      const fingerprint = dataOf<{ fingerprint: number }>(sent).fingerprint
      expect(typeof fingerprint).toBe("number")
      yield* fetchCall(url, "PATCH", `${base}/state`, { body: { state: "resolved" } })
      const events = yield* fake.publishedEvents
      expect(events.map((e) => e.name)).toEqual(["message:received", "session:set_state"])
      expect(events[0]!.data).toMatchObject({
        website_id: W,
        session_id: "session_1",
        inbox_id: null,
        type: "text",
        from: "operator",
        origin: "chat",
        content: "Hello from HTTP",
        fingerprint
      })
      expect(events[1]!.data).toEqual({ website_id: W, session_id: "session_1", inbox_id: null, state: "resolved" })
    }))

  it.scopedLive("HEAD answers 200 / 404 with an empty body", () =>
    Effect.gen(function*() {
      const { url } = yield* served({ people: [{ website_id: W, email: "jane@example.com", people_id: "jane" }] })
      const yes = yield* fetchCall(url, "HEAD", `website/${W}/people/profile/jane`)
      const no = yield* fetchCall(url, "HEAD", `website/${W}/people/profile/john`)
      expect([yes.status, no.status]).toEqual([200, 404])
      expect([yes.text, no.text]).toEqual(["", ""])
    }))

  it.scopedLive("logs requests without the authorization header", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served()
      yield* fetchCall(url, "PATCH", `website/${W}/settings`, { body: { name: "Renamed" }, query: { a: "1 2" } })
      const [logged] = yield* fake.requests
      expect(logged).toMatchObject({
        method: "PATCH",
        path: `website/${W}/settings`,
        query: { a: "1 2" },
        body: JSON.stringify({ name: "Renamed" }),
        status: 200
      })
      expect(logged!.headers["x-crisp-tier"]).toBe("plugin")
      expect(logged!.headers).not.toHaveProperty("authorization")
      expect(JSON.stringify(logged)).not.toContain(Buffer.from("plugin-identifier:plugin-key").toString("base64"))
    }))

  it.live("closes on scope close, keep-alive connections included", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const { url, port } = yield* Scope.extend(
        Effect.flatMap(FakeCrisp.make(), (fake) => FakeCrispServer.serve(fake)),
        scope
      )
      // A keep-alive connection that stays open.
      const agent = new Http.Agent({ keepAlive: true })
      const status = yield* Effect.async<number>((resume) => {
        Http.get({ host: "127.0.0.1", port, path: "/v1/website/website-1", agent }, (res) => {
          res.resume()
          res.on("end", () => resume(Effect.succeed(res.statusCode ?? 0)))
        })
      })
      expect(status).toBe(401)
      const started = performance.now()
      yield* Scope.close(scope, Exit.void)
      expect(performance.now() - started).toBeLessThan(1000)
      const error = yield* fetchError(url + "website/website-1")
      expect(error).toBeInstanceOf(TypeError)
      agent.destroy()
    }))

  it.scopedLive("speaks to the project's CrispHttp client: data, HEAD booleans, typed errors, retried 429", () =>
    Effect.gen(function*() {
      const { fake, url } = yield* served({ people: [{ website_id: W, email: "jane@example.com", people_id: "jane" }] })
      const client = CrispHttp.layer({
        identifier: FakeCrisp.DEFAULT_PLUGIN_TOKEN.identifier,
        key: Redacted.make(FakeCrisp.DEFAULT_PLUGIN_TOKEN.key),
        tier: "plugin",
        restUrl: url,
        timeout: "2 seconds",
        retry: { maxAttempts: 3, baseDelay: "5 millis", maxDelay: "20 millis" }
      }).pipe(Layer.provide(FetchHttpClient.layer))
      const results = yield* Effect.gen(function*() {
        const website = yield* CrispHttp.request({ method: "GET", path: "website/{website_id}", params: { website_id: W } })
        const exists = yield* CrispHttp.request({
          method: "HEAD",
          path: "website/{website_id}/people/profile/{people_id}",
          params: { website_id: W, people_id: "jane" }
        })
        const missing = yield* CrispHttp.request({
          method: "HEAD",
          path: "website/{website_id}/people/profile/{people_id}",
          params: { website_id: W, people_id: "john" }
        })
        const notFound = yield* Effect.flip(CrispHttp.request({ method: "GET", path: "website/{website_id}", params: { website_id: "nope" } }))
        const badState = yield* Effect.flip(CrispHttp.request({
          method: "POST",
          path: "website/{website_id}/people/profile",
          params: { website_id: W },
          body: { email: "not-an-email" }
        }))
        yield* fake.failNext(429, { headers: { "retry-after": "0" } })
        const afterRetry = yield* CrispHttp.request({ method: "GET", path: "website/{website_id}/settings", params: { website_id: W } })
        return { website, exists, missing, notFound, badState, afterRetry }
      }).pipe(Effect.provide(client))
      expect(results.website).toEqual({ website_id: W, name: "Website One", domain: "website-1.example.com", logo: "" })
      expect([results.exists, results.missing]).toEqual([true, false])
      expect(results.notFound._tag).toBe("CrispNotFound")
      expect(results.badState).toMatchObject({ _tag: "CrispApiError", status: 400, reason: "invalid_data" })
      expect(results.afterRetry).toMatchObject({ website_id: W, name: "Website One" })
      const statuses = (yield* fake.requests).map((r) => r.status)
      expect(statuses.slice(-2)).toEqual([429, 200])
    }))
})
