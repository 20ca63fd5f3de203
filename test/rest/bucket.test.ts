/**
 * The requests Crisp answers over the realtime channel: BucketURL.generate (the
 * signed URL arrives as `bucket:url:<namespace>:generated`) and MediaAnimation.list
 * (`media:animation:listed`), plain and with the wait-for-the-answer helpers,
 * through CrispTest.layer() and through the simulator's real RTM socket.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Stream } from "effect"
import { BucketURL, MediaAnimation } from "../../src/index.js"
import { CrispEvents } from "../../src/realtime.js"
import { CrispSimulator, CrispTest } from "../../src/testing.js"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe("BucketURL", () => {
  it.effect("generateAndWait answers the signed URL of its own request", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const generated = yield* BucketURL.generateAndWait({
        namespace: "upload",
        id: "upload-1",
        file: { name: "invoice.pdf", type: "application/pdf" }
      })
      expect(generated.id).toBe("upload-1")
      expect(generated.type).toBe("application/pdf")
      expect(generated.url.signed).toMatch(/^https:\/\/storage\.fake-crisp\.invalid\/upload\/upload-1\/invoice\.pdf\?/)
      expect(generated.url.resource).toBe("https://storage.fake-crisp.invalid/upload/upload-1/invoice.pdf")
      expect(generated.policy.size_limit).toBeGreaterThan(0)
      const sent = yield* control.requestsFor("BucketURL.generate")
      expect(sent.map((r) => [r.method, r.path, JSON.parse(r.body ?? "{}")])).toEqual([[
        "POST",
        "bucket/url/generate",
        { namespace: "upload", id: "upload-1", file: { name: "invoice.pdf", type: "application/pdf" } }
      ]])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("without an id, one is made; concurrent requests each get their own answer", () =>
    Effect.gen(function*() {
      const [avatar, upload, campaign] = yield* Effect.all([
        BucketURL.generateAndWait({ namespace: "avatar", file: { name: "me.png", type: "image/png" } }),
        BucketURL.generateAndWait({ namespace: "upload", file: { name: "a.txt", type: "text/plain" } }),
        BucketURL.generateAndWait({ namespace: "campaign", id: "banner", file: { name: "banner.jpg", type: "image/jpeg" } })
      ], { concurrency: "unbounded" })
      expect(avatar.id).toMatch(UUID)
      expect(upload.id).toMatch(UUID)
      expect(avatar.id).not.toBe(upload.id)
      expect(avatar.url.resource).toContain(`/avatar/${avatar.id}/me.png`)
      expect(upload.url.resource).toContain(`/upload/${upload.id}/a.txt`)
      expect(campaign.url.resource).toContain("/campaign/banner/banner.jpg")
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("the plain call answers nothing; the URL arrives as bucket:url:<namespace>:generated", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const heard = yield* Effect.fork(Stream.runHead(CrispEvents.on("bucket:url:helpdesk:generated")))
      yield* control.awaitListening()
      const answer = yield* BucketURL.generate({ namespace: "helpdesk", id: "h-1", file: { name: "x.png", type: "image/png" } })
      expect(answer).toBeUndefined()
      const event = yield* Fiber.join(heard)
      expect(event._tag === "Some" && event.value.id).toBe("h-1")
    }).pipe(Effect.provide(CrispTest.layer())))

  it.live("no answer within the timeout is a CrispEventTimeout (the request was sent)", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      // The stub answers the REST call like Crisp but publishes no event.
      yield* control.stub("BucketURL.generate", { data: {} })
      const error = yield* Effect.flip(BucketURL.generateAndWait({ namespace: "upload", id: "lost" }, { timeout: "30 millis" }))
      expect(error._tag).toBe("CrispEventTimeout")
      if (error._tag !== "CrispEventTimeout") return
      expect(error).toMatchObject({ event: "bucket:url:upload:generated", requestId: "lost", timeoutMillis: 30 })
      expect(error.message).toBe(`No "bucket:url:upload:generated" event for request "lost" within 30 ms`)
      expect((yield* control.requestsFor("BucketURL.generate")).length).toBe(1)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("a refused request fails with its CrispError at once, not with a timeout", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.stub("BucketURL.generate", { status: 403, reason: "not_allowed" })
      const error = yield* Effect.flip(BucketURL.generateAndWait({ namespace: "upload", id: "u" }))
      expect(error._tag).toBe("CrispUnauthorized")
    }).pipe(Effect.provide(CrispTest.layer({}, { http: { retry: false } }))))

  it.effect("an events stream that ends before the answer is a CrispEventTimeout saying so", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      yield* control.stub("BucketURL.generate", { data: {} })
      const error = yield* Effect.flip(BucketURL.generateAndWait({ namespace: "upload", id: "u" }))
      expect(error._tag === "CrispEventTimeout" && error.streamEnded).toBe(true)
      expect(error.message).toBe(`No "bucket:url:upload:generated" event for request "u" before the events stream ended`)
    }).pipe(Effect.provide(Layer.merge(
      CrispTest.layer(),
      Layer.succeed(CrispEvents.CrispEvents, { events: Stream.empty })
    ))))

  it.effect("a request without a namespace is refused before anything is sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const error = yield* Effect.flip(BucketURL.generateAndWait({ namespace: "nowhere" } as never))
      expect(error._tag).toBe("CrispInvalidRequest")
      expect(error.message).toContain("namespace")
      const plain = yield* Effect.flip(BucketURL.generate({ id: "x" } as never))
      expect(plain._tag).toBe("CrispInvalidRequest")
      expect(yield* control.requests).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.live("over the simulator's real RTM socket and loopback HTTP", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      // CrispRtm connects on the first subscription: keep one open, and wait for the socket.
      yield* Effect.forkScoped(Stream.runDrain(CrispEvents.all))
      yield* control.awaitListening()
      const generated = yield* BucketURL.generateAndWait(
        { namespace: "website", id: "logo-1", file: { name: "logo.svg", type: "image/svg+xml" } },
        { timeout: "2 seconds" }
      )
      expect(generated.id).toBe("logo-1")
      expect(generated.url.resource).toContain("/website/logo-1/logo.svg")
      const listed = yield* MediaAnimation.listAndWait(1, { list_id: 5, search_query: { text: "yes" } }, { timeout: "2 seconds" })
      expect(listed.id).toBe(5)
      expect(listed.results.length).toBeGreaterThan(0)
    }).pipe(
      Effect.scoped,
      Effect.provide(CrispSimulator.layer({ rtm: { reconnect: { initialDelay: "5 millis", maxDelay: "20 millis" } } }))
    ))
})

describe("MediaAnimation", () => {
  it.effect("listAndWait answers the results of its own search, by list_id", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const [first, second] = yield* Effect.all([
        MediaAnimation.listAndWait(1, { list_id: 1, search_query: { text: "thanks" } }),
        MediaAnimation.listAndWait(3, { list_id: 2, search_query: { text: "hello" } })
      ], { concurrency: "unbounded" })
      expect(first.id).toBe(1)
      expect(second.id).toBe(2)
      expect(first.results.map((r) => r.url)).toEqual([
        "https://storage.fake-crisp.invalid/animation/1-1.gif",
        "https://storage.fake-crisp.invalid/animation/1-2.gif"
      ])
      expect(second.results[0]?.url).toBe("https://storage.fake-crisp.invalid/animation/3-1.gif")
      const sent = yield* control.requestsFor("MediaAnimation.list")
      expect(sent.map((r) => [r.path, r.query]).sort()).toEqual([
        ["media/animation/list/1", { list_id: "1", search_query: JSON.stringify({ text: "thanks" }) }],
        ["media/animation/list/3", { list_id: "2", search_query: JSON.stringify({ text: "hello" }) }]
      ])
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("a list_id that is not a whole number is refused before anything is sent", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const error = yield* Effect.flip(MediaAnimation.list(1, { list_id: 1.5, search_query: {} }))
      expect(error._tag).toBe("CrispInvalidRequest")
      expect(error.message).toContain("list_id")
      const page = yield* Effect.flip(MediaAnimation.listAndWait(0, { list_id: 1, search_query: {} }))
      expect(page._tag).toBe("CrispInvalidRequest")
      expect(yield* control.requests).toEqual([])
    }).pipe(Effect.provide(CrispTest.layer())))
})
