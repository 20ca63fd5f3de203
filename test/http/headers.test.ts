import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { readFileSync } from "node:fs"
import * as CrispHttp from "../../src/CrispHttp.js"
import { endpoint } from "../support/endpoint.js"
import { version } from "../../src/internal/http/version.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"
import { recordingTracer } from "../support/observe.js"

const packageVersion = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string
}).version

// Written by hand: base64("7f1d2c3b-test-identifier:sEcReT-kEy-0f9e8d7c6b5a").
const EXPECTED_AUTHORIZATION = "Basic N2YxZDJjM2ItdGVzdC1pZGVudGlmaWVyOnNFY1JlVC1rRXktMGY5ZThkN2M2YjVh"

const getSettings = endpoint({
  name: "Test.getSettings",
  method: "GET",
  path: "website/{website_id}/settings",
  response: Schema.Struct({ name: Schema.String })
})

const patchSettings = endpoint({
  name: "Test.patchSettings",
  method: "PATCH",
  path: "website/{website_id}/settings",
  body: Schema.Struct({ name: Schema.String })
})

Support.eachTransport((Crisp) => {
  describe("CrispHttp request headers", () => {
    it("the hand-computed Basic credentials match the test identifier and key", () => {
      expect(Buffer.from(EXPECTED_AUTHORIZATION.slice(6), "base64").toString("utf8")).toBe(
        `${Crisp.IDENTIFIER}:${Crisp.KEY}`
      )
    })

    it("src/internal/version.ts equals package.json's version", () => {
      expect(version).toBe(packageVersion)
    })

    it.scopedLive("a GET sends Basic auth, the tier, the User-Agent and no Content-Type", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ name: "Acme" })))
        const result = yield* getSettings({ path: { website_id: "w1" } }).pipe(Effect.provide(Crisp.layer(server)))
        expect(result).toEqual({ name: "Acme" })
        const [request] = yield* server.requests
        expect(request?.method).toBe("GET")
        expect(request?.url).toBe("/v1/website/w1/settings")
        expect(request?.headers["authorization"]).toBe(EXPECTED_AUTHORIZATION)
        expect(request?.headers["x-crisp-tier"]).toBe("plugin")
        expect(request?.headers["user-agent"]).toBe(`effect-crisp/${packageVersion}`)
        expect(request?.headers["content-type"]).toBeUndefined()
        expect(request?.body).toBe("")
      }))

    it.scopedLive("a body is sent as JSON with Content-Type: application/json", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({})))
        yield* patchSettings({ path: { website_id: "w1" }, body: { name: "Zoë" } }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        const [request] = yield* server.requests
        expect(request?.method).toBe("PATCH")
        expect(request?.headers["content-type"]).toBe("application/json")
        expect(request?.headers["authorization"]).toBe(EXPECTED_AUTHORIZATION)
        expect(JSON.parse(request?.body ?? "")).toEqual({ name: "Zoë" })
      }))

    it.scopedLive("a POST without a body sends no Content-Type", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({})))
        yield* CrispHttp.request({ method: "POST", path: "website/{w}/ping", params: { w: "w1" } }).pipe(
          Effect.provide(Crisp.layer(server))
        )
        const [request] = yield* server.requests
        expect(request?.method).toBe("POST")
        expect(request?.headers["content-type"]).toBeUndefined()
        expect(request?.body).toBe("")
      }))

    it.scopedLive("the tier and User-Agent options are honoured", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ name: "Acme" })))
        yield* getSettings({ path: { website_id: "w1" } }).pipe(
          Effect.provide(Crisp.layer(server, { tier: "website", userAgent: "my-app/2.0" }))
        )
        const [request] = yield* server.requests
        expect(request?.headers["x-crisp-tier"]).toBe("website")
        expect(request?.headers["user-agent"]).toBe("my-app/2.0")
      }))

    it.scopedLive("no traceparent or b3 header is sent, even inside a traced span", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ name: "Acme" })))
        const recorder = recordingTracer()
        yield* getSettings({ path: { website_id: "w1" } }).pipe(
          Effect.withSpan("outer"),
          Effect.provide(Crisp.layer(server)),
          Effect.withTracer(recorder.tracer)
        )
        const [request] = yield* server.requests
        for (const name of ["traceparent", "b3", "x-b3-traceid", "x-b3-spanid", "tracestate"]) {
          expect(request?.headers[name], name).toBeUndefined()
        }
        // The tracer did see the call: the absence of headers is not for lack of a span.
        const span = recorder.spans.find((s) => s.name === "Test.getSettings")
        expect(span?.parentName).toBe("outer")
        expect(span?.kind).toBe("client")
        // ...and the platform's own http.client span is off by default.
        expect(recorder.spans.map((s) => s.name)).toEqual(["outer", "Test.getSettings"])
      }))

    it.scopedLive("platformSpans: true brings the platform's span back, under the endpoint's", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ name: "Acme" })))
        const recorder = recordingTracer()
        yield* getSettings({ path: { website_id: "w1" } }).pipe(
          Effect.provide(Crisp.layer(server, { platformSpans: true })),
          Effect.withTracer(recorder.tracer)
        )
        const platform = recorder.spans.filter((s) => s.name.startsWith("http.client"))
        expect(platform.map((s) => [s.name, s.parentName])).toEqual([["http.client GET", "Test.getSettings"]])
        const [request] = yield* server.requests
        expect(request?.headers["traceparent"]).toBeUndefined()
      }))

    it.scopedLive("propagateTracing: true sends traceparent and b3 for the current trace", () =>
      Effect.gen(function*() {
        const server = yield* Loopback.make(Loopback.always(Loopback.envelope({ name: "Acme" })))
        const recorder = recordingTracer()
        yield* getSettings({ path: { website_id: "w1" } }).pipe(
          Effect.withSpan("outer"),
          Effect.provide(Crisp.layer(server, { propagateTracing: true })),
          Effect.withTracer(recorder.tracer)
        )
        const [request] = yield* server.requests
        const outer = recorder.spans.find((s) => s.name === "outer")
        expect(outer).toBeDefined()
        const traceparent = String(request?.headers["traceparent"])
        expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
        expect(traceparent.split("-")[1]).toBe(outer?.traceId)
        expect(String(request?.headers["b3"]).startsWith(`${outer?.traceId}-`)).toBe(true)
      }))
  })
})
