/**
 * The conversation routes beyond the old client's 14, over a real loopback server
 * that answers what the test says: what goes on the wire where it is easy to get
 * wrong (a DELETE with a body, two functions on one route, union content, pass-through
 * bodies), how answers decode (a wrong type fails, secrets are Redacted, nulls are
 * fine), bad input refused before any request, and the Streams of the paged lists.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Redacted, Stream } from "effect"
import { type CrispError, type CrispHttp, WebsiteConversations } from "../../src/index.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { recordingTracer } from "../support/observe.js"

const W = "website-1"
const S = "session_abc"

const { withServer } = Support

/** What one call put on the wire. */
const sent = (server: Loopback.Loopback) =>
  Effect.map(server.requests, (requests) =>
    requests.map((r) => ({
      method: r.method,
      path: new URL(r.url, server.origin).pathname.replace(/^\/v1\//, ""),
      body: r.body === "" ? undefined : JSON.parse(r.body) as unknown
    })))

describe("on the wire", () => {
  it.live("the two widget data actions share a route and differ by body", () =>
    withServer(Loopback.always(Loopback.envelope({})), (server) =>
      Effect.gen(function*() {
        yield* WebsiteConversations.deliverWidgetDataFetchAction(W, S, "plugin-1", {
          section_id: "orders", item_id: "last", data: { page: 2 }
        })
        yield* WebsiteConversations.deliverWidgetDataEditAction(W, S, "plugin-1", {
          section_id: "profile", item_id: "company", value: "Acme"
        })
        const path = `website/${W}/conversation/${S}/widget/plugin-1/data`
        expect(yield* sent(server)).toEqual([
          { method: "POST", path, body: { section_id: "orders", item_id: "last", data: { page: 2 } } },
          { method: "POST", path, body: { section_id: "profile", item_id: "company", value: "Acme" } }
        ])
      })))

  it.live("DELETE routes send their JSON body; an abort without input sends none", () =>
    withServer(Loopback.always(Loopback.envelope({})), (server) =>
      Effect.gen(function*() {
        yield* WebsiteConversations.deleteSuggestedSegment(W, { segment: "old" })
        yield* WebsiteConversations.deleteSuggestedDataKey(W, { key: "plan" })
        yield* WebsiteConversations.abortOngoingCallSession(W, S, "call-1", { origin: "chat" })
        yield* WebsiteConversations.abortOngoingCallSession(W, S, "call-2")
        expect(yield* sent(server)).toEqual([
          { method: "DELETE", path: `website/${W}/conversations/suggest/segment`, body: { segment: "old" } },
          { method: "DELETE", path: `website/${W}/conversations/suggest/data`, body: { key: "plan" } },
          { method: "DELETE", path: `website/${W}/conversation/${S}/call/call-1`, body: { origin: "chat" } },
          { method: "DELETE", path: `website/${W}/conversation/${S}/call/call-2`, body: undefined }
        ])
      })))

  it.live("updateMessage keeps every field of the content of each type", () =>
    withServer(Loopback.always(Loopback.envelope({})), (server) =>
      Effect.gen(function*() {
        const contents = [
          "corrected text",
          { name: "invoice.pdf", url: "https://files.test/i.pdf", type: "application/pdf" },
          { url: "https://files.test/v.webm", type: "audio/webm", duration: 4 },
          { url: "https://files.test/hi.gif", type: "image/gif" },
          { id: "rate", text: "Happy?", choices: [{ value: "yes", label: "Yes", selected: true }] },
          { id: "phone", text: "Phone?", explain: "+33…", value: "+33 6 00 00 00 00" },
          { text: "Plans", targets: [{ title: "Pro", description: "Teams", actions: [{ label: "Buy", url: "https://shop.test" }] }] },
          { namespace: "state:resolved", text: "Resolved" }
        ] as const
        for (const content of contents) yield* WebsiteConversations.updateMessage(W, S, 163408415, { content })
        const requests = yield* sent(server)
        expect(requests.map((r) => r.body)).toEqual(contents.map((content) => ({ content })))
        expect(new Set(requests.map((r) => `${r.method} ${r.path}`))).toEqual(
          new Set([`PATCH website/${W}/conversation/${S}/message/163408415`])
        )
      })))

  it.live("pass-through bodies go as given; routes without input POST {}", () =>
    withServer(Loopback.always(Loopback.envelope({})), (server) =>
      Effect.gen(function*() {
        const signal = { type: "offer", sdp: "v=0", nested: { candidates: [1, 2] } }
        yield* WebsiteConversations.transmitCallSignaling(W, S, "call-1", signal)
        yield* WebsiteConversations.assistBrowsingSession(W, S, "browsing-1", { mouse: { x: 1, y: 2 } })
        yield* WebsiteConversations.requestUserFeedback(W, S)
        yield* WebsiteConversations.updateInbox(W, S, { inbox_id: null })
        expect(yield* sent(server)).toEqual([
          { method: "PATCH", path: `website/${W}/conversation/${S}/call/call-1`, body: signal },
          { method: "PATCH", path: `website/${W}/conversation/${S}/browsing/browsing-1/assist`, body: { mouse: { x: 1, y: 2 } } },
          { method: "POST", path: `website/${W}/conversation/${S}/feedback`, body: {} },
          { method: "PATCH", path: `website/${W}/conversation/${S}/inbox`, body: { inbox_id: null } }
        ])
      })))

  it.live("checkExists: 200 is true, 404 is false, 500 stays an error", () =>
    withServer(Loopback.sequence({ status: 200 }, { status: 404 }, { status: 500 }), (server) =>
      Effect.gen(function*() {
        expect(yield* WebsiteConversations.checkExists(W, S)).toBe(true)
        expect(yield* WebsiteConversations.checkExists(W, "session_gone")).toBe(false)
        const error = yield* Effect.flip(WebsiteConversations.checkExists(W, S))
        expect(error._tag).toBe("CrispApiError")
        expect((yield* sent(server)).map((r) => r.method)).toEqual(["HEAD", "HEAD", "HEAD"])
      })))
})

describe("answers", () => {
  it.live("a browsing token decodes as a Redacted and does not show when printed", () =>
    withServer(
      Loopback.always(Loopback.envelope([{ browsing_id: "b1", browsing_token: "tok-secret-77", useragent: "UA" }])),
      () =>
        Effect.gen(function*() {
          const [session] = yield* WebsiteConversations.listBrowsingSessions(W, S)
          expect(session!.browsing_id).toBe("b1")
          expect(Redacted.isRedacted(session!.browsing_token)).toBe(true)
          expect(Redacted.value(session!.browsing_token!)).toBe("tok-secret-77")
          expect(String(session!.browsing_token)).not.toContain("tok-secret-77")
          expect(JSON.stringify(session)).not.toContain("tok-secret-77")
        })
    ))

  it.live("nulls and unknown fields are fine; a parent of null means none", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope({ conversations: { parent: null, children: ["session_child"] }, extra: 1 }),
        Loopback.envelope({ participants: null }),
        Loopback.envelope({ state: "resolved", since: 5 })
      ),
      () =>
        Effect.gen(function*() {
          expect(yield* WebsiteConversations.getRelations(W, S)).toEqual({ conversations: { children: ["session_child"] } })
          expect(yield* WebsiteConversations.getParticipants(W, S)).toEqual({})
          expect(yield* WebsiteConversations.getState(W, S)).toEqual({ state: "resolved" })
        })
    ))

  const wrong: ReadonlyArray<readonly [string, Effect.Effect<unknown, CrispError, CrispHttp.CrispHttp>, unknown, string]> = [
    ["getState with an unknown state", WebsiteConversations.getState(W, S), { state: "closed" }, "state"],
    ["getParticipants with a numeric target", WebsiteConversations.getParticipants(W, S), { participants: [{ target: 5 }] }, "participants.0.target"],
    ["getBlockStatus with a string", WebsiteConversations.getBlockStatus(W, S), { blocked: "yes" }, "blocked"],
    ["getVerifyStatus with bad verifications", WebsiteConversations.getVerifyStatus(W, S), { verifications: {} }, "verifications"],
    ["listFiles with a string fingerprint", WebsiteConversations.listFiles(W, S, 1), [{ fingerprint: "x" }], "0.fingerprint"],
    ["listSpams with string metadata", WebsiteConversations.listSpams(W, 1), [{ metadata: "m" }], "0.metadata"],
    ["getMessage with object text content", WebsiteConversations.getMessage(W, S, 1), { type: "text", content: {} }, "content"],
    ["getOriginalMessage with numeric content", WebsiteConversations.getOriginalMessage(W, S, "o1"), { content: 3 }, "content"],
    ["getOngoingCallSession with a numeric call id", WebsiteConversations.getOngoingCallSession(W, S), { call_id: 9 }, "call_id"]
  ]
  for (const [name, call, data, field] of wrong) {
    it.live(`a wrong type is a CrispDecodeError: ${name}`, () =>
      withServer(Loopback.always(Loopback.envelope(data)), () =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(call)
          expect(error._tag).toBe("CrispDecodeError")
          expect(error.message).toContain(`at ${field}`)
        })))
  }
})

describe("bad input fails with CrispInvalidRequest and sends nothing", () => {
  const refused: ReadonlyArray<readonly [string, Effect.Effect<unknown, CrispError, CrispHttp.CrispHttp>, string]> = [
    ["a compose type that does not exist", WebsiteConversations.composeMessage(W, S, { type: "pause", from: "operator" } as never), "type"],
    ["an unread mark from nobody known", WebsiteConversations.markUnread(W, S, { from: "bot" } as never), "from"],
    ["fractional fingerprints", WebsiteConversations.markMessagesDelivered(W, S, { fingerprints: [1.5] }), "fingerprints"],
    ["opened as a string", WebsiteConversations.updateOpenState(W, S, { opened: "yes" } as never), "opened"],
    ["an inbox id left out", WebsiteConversations.updateInbox(W, S, {} as never), "inbox_id"],
    ["a message content of no known shape", WebsiteConversations.updateMessage(W, S, 1, { content: { url: 5 } } as never), "content"],
    ["an empty fingerprint", WebsiteConversations.getMessage(W, S, "" as never), "fingerprint"],
    ["participants that are not a list", WebsiteConversations.saveParticipants(W, S, { participants: "jane" } as never), "participants"],
    ["a verified flag left out", WebsiteConversations.updateVerifyStatus(W, S, {} as never), "verified"],
    ["an identity that is not one", WebsiteConversations.requestIdentityVerification(W, S, { identity: "fax" } as never), "identity"],
    ["a transcript to nobody known", WebsiteConversations.requestEmailTranscript(W, S, { to: "boss" } as never), "to"],
    ["a call without mode", WebsiteConversations.initiateCallSession(W, S, {} as never), "mode"],
    ["a tool call without command", WebsiteConversations.requestToolCall(W, S, { payload: {} } as never), "command"],
    ["a widget button without data", WebsiteConversations.deliverWidgetButtonAction(W, S, "p", { section_id: "s", item_id: "i" } as never), "data"],
    ["a widget edit without value", WebsiteConversations.deliverWidgetDataEditAction(W, S, "p", { section_id: "s", item_id: "i" } as never), "value"],
    ["a reminder without note", WebsiteConversations.scheduleReminder(W, S, { date: "2026-01-01" } as never), "note"],
    ["a report without flag", WebsiteConversations.report(W, S, {} as never), "flag"],
    ["a segment deletion without segment", WebsiteConversations.deleteSuggestedSegment(W, {} as never), "segment"],
    ["a spam decision without action", WebsiteConversations.submitSpamDecision(W, "spam-1", {} as never), "action"],
    ["page 0 of the files", WebsiteConversations.listFiles(W, S, 0), "page_number"],
    ["a dot-dot spam id", WebsiteConversations.resolveSpamContent(W, ".."), "spam_id"]
  ]
  for (const [name, call, field] of refused) {
    it.live(name, () =>
      withServer(Loopback.always(Loopback.envelope({})), (server) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(call)
          expect(error._tag).toBe("CrispInvalidRequest")
          expect(error.message).toContain(field)
          expect(yield* server.requests).toEqual([])
        })))
  }
})

describe("Streams of the paged lists", () => {
  it.live("walk pages 1, 2, … and stop at the first empty page, without per_page", () =>
    withServer(
      Loopback.sequence(
        Loopback.envelope([{ page_url: "https://a.test/1" }, { page_url: "https://a.test/2" }]),
        Loopback.envelope([{ page_url: "https://a.test/3" }]),
        Loopback.envelope([])
      ),
      (server) =>
        Effect.gen(function*() {
          const recorder = recordingTracer()
          const pages = yield* Stream.runCollect(WebsiteConversations.streamPages(W, S)).pipe(Effect.withTracer(recorder.tracer))
          expect(Chunk.toReadonlyArray(pages).map((p) => p.page_url)).toEqual([
            "https://a.test/1", "https://a.test/2", "https://a.test/3"
          ])
          const urls = (yield* server.requests).map((r) => r.url)
          expect(urls).toEqual([1, 2, 3].map((n) => `/v1/website/${W}/conversation/${S}/pages/${n}`))
          const names = recorder.spans.map((span) => span.name)
          expect(names).toContain("WebsiteConversations.streamPages")
          expect(names).toContain("WebsiteConversations.listPages")
        })
    ))

  it.live("fetch no more pages than the consumer takes", () =>
    withServer(Loopback.always(Loopback.envelope([{ spam_id: "a" }, { spam_id: "b" }])), (server) =>
      Effect.gen(function*() {
        const taken = yield* Stream.runCollect(WebsiteConversations.streamSpams(W).pipe(Stream.take(3)))
        expect(Chunk.size(taken)).toBe(3)
        expect((yield* server.requests).map((r) => r.url)).toEqual([
          `/v1/website/${W}/conversations/spams/1`,
          `/v1/website/${W}/conversations/spams/2`
        ])
      })))

  it.live("every paged list of the module has its Stream", () =>
    withServer(Loopback.always(Loopback.envelope([])), (server) =>
      Effect.gen(function*() {
        yield* Stream.runDrain(WebsiteConversations.streamSuggestedSegments(W))
        yield* Stream.runDrain(WebsiteConversations.streamSuggestedDataKeys(W))
        yield* Stream.runDrain(WebsiteConversations.streamEvents(W, S))
        yield* Stream.runDrain(WebsiteConversations.streamFiles(W, S))
        expect((yield* server.requests).map((r) => r.url)).toEqual([
          `/v1/website/${W}/conversations/suggest/segments/1`,
          `/v1/website/${W}/conversations/suggest/data/1`,
          `/v1/website/${W}/conversation/${S}/events/1`,
          `/v1/website/${W}/conversation/${S}/files/1`
        ])
      })))
})
