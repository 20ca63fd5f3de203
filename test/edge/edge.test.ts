/**
 * The edge claim, tested in an edge runtime: a program using the REST entry and
 * the Web Hooks entry is bundled (esbuild, for the browser, as an edge function
 * would be) and run inside `edge-runtime`'s VM — web APIs only: no `Buffer`, no
 * `process`, no Node modules. The Crisp simulator it talks to runs here in Node,
 * on 127.0.0.1.
 */
import { describe, expect, it } from "@effect/vitest"
import { EdgeRuntime } from "edge-runtime"
import { Effect } from "effect"
import { build } from "esbuild"
import { createHmac } from "node:crypto"
import { fileURLToPath } from "node:url"
import { CrispSimulator } from "../../src/testing.js"

const src = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url))

/** The program run in the VM: plain JavaScript, importing the package by name. */
const PROGRAM = `
import { Effect, Either, Fiber, Redacted, Stream } from "effect"
import { Crisp, WebsiteConversations, WebsiteSettings } from "effect-crisp"
import { CrispEvents } from "effect-crisp/realtime"
import { CrispWebhooks, Signature } from "effect-crisp/webhooks"

globalThis.edgeTest = {
  rest: ({ restUrl, identifier, key }) =>
    Effect.runPromise(Effect.gen(function*() {
      const settings = yield* WebsiteSettings.get("website-1")
      const { session_id } = yield* WebsiteConversations.create("website-1")
      const sent = yield* WebsiteConversations.sendMessage("website-1", session_id, {
        type: "text", content: "héllo from the edge", from: "operator", origin: "chat"
      })
      const messages = yield* WebsiteConversations.getMessages("website-1", session_id)
      const missing = yield* Effect.either(WebsiteSettings.get("no-such-website"))
      return {
        name: settings.name ?? null,
        fingerprint: typeof sent.fingerprint,
        contents: messages.map((m) => m.content),
        missing: Either.isLeft(missing) ? missing.left._tag : "found"
      }
    }).pipe(Effect.provide(Crisp.layer({ identifier, key: Redacted.make(key), restUrl, tier: "plugin" })))),

  verify: ({ secret, body, timestamp, signature }) =>
    Effect.runPromise(Effect.either(Signature.verify({ secret: Redacted.make(secret), body, timestamp, signature })).pipe(
      Effect.map((result) => (Either.isRight(result) ? "valid" : result.left.reason))
    )),

  webhook: ({ secret, body, headers }) =>
    Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const first = yield* Effect.fork(Stream.runHead(CrispEvents.all))
      yield* Effect.sleep("20 millis")
      const handler = yield* CrispWebhooks.webHandler
      const response = yield* Effect.promise(() =>
        handler(new Request("https://edge.example/crisp", { method: "POST", body, headers })))
      const event = yield* Fiber.join(first)
      return { status: response.status, event: event._tag === "Some" ? event.value.name : null }
    })).pipe(Effect.provide(CrispWebhooks.layer({ secret: Redacted.make(secret) }))))
}
`

const bundle = Effect.promise(() =>
  build({
    stdin: { contents: PROGRAM, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "js" },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
    alias: {
      "effect-crisp": src("index.ts"),
      "effect-crisp/realtime": src("realtime.ts"),
      "effect-crisp/webhooks": src("webhooks.ts")
    }
  })
).pipe(Effect.map((result) => result.outputFiles[0]!.text))

const sign = (secret: string, timestamp: string, body: string) =>
  createHmac("sha256", secret).update(`[${timestamp};${body}]`).digest("hex")

interface Api {
  readonly rest: (input: { restUrl: string; identifier: string; key: string }) => Promise<{
    readonly name: string | null
    readonly fingerprint: string
    readonly contents: ReadonlyArray<unknown>
    readonly missing: string
  }>
  readonly verify: (input: { secret: string; body: string; timestamp: string; signature: string }) => Promise<string>
  readonly webhook: (input: { secret: string; body: string; headers: Record<string, string> }) => Promise<{
    readonly status: number
    readonly event: string | null
  }>
}

describe("in an edge runtime (edge-runtime's VM, from a bundle)", () => {
  it.scopedLive("a REST call and Web Hook verification work without Buffer, process or Node modules", () =>
    Effect.gen(function*() {
      const code = yield* bundle
      const runtime = new EdgeRuntime({ initialCode: code })
      // The VM really lacks what Node has, so that a use of it would fail here.
      expect(runtime.evaluate("[typeof Buffer, typeof process, typeof require]")).toEqual(["undefined", "undefined", "undefined"])
      const api = runtime.evaluate<Api>("globalThis.edgeTest")

      // REST against the simulator: a GET, a POST with a body, a GET with the result, a 404.
      const simulator = yield* CrispSimulator.serve()
      const rest = yield* Effect.promise(() =>
        api.rest({ restUrl: simulator.restUrl, identifier: simulator.identifier, key: simulator.key })
      )
      expect(rest.name).toBe("Website One")
      expect(rest.fingerprint).toBe("number")
      expect(rest.contents).toContain("héllo from the edge")
      expect(rest.missing).toBe("CrispNotFound")

      // Signature verification with WebCrypto (the VM has no node:crypto).
      const secret = "edge-hook-secret"
      const body = JSON.stringify({
        event: "message:send",
        website_id: "website-1",
        data: { website_id: "website-1", session_id: "session_edge", type: "text", from: "user", content: "hi", fingerprint: 1 },
        timestamp: Date.now()
      })
      const timestamp = String(Date.now())
      const signature = sign(secret, timestamp, body)
      expect(yield* Effect.promise(() => api.verify({ secret, body, timestamp, signature }))).toBe("valid")
      expect(yield* Effect.promise(() => api.verify({ secret, body: body.replace("\"hi\"", "\"ho\""), timestamp, signature }))).toBe("Mismatch")
      expect(yield* Effect.promise(() => api.verify({ secret: "another", body, timestamp, signature }))).toBe("Mismatch")

      // A whole delivery through CrispWebhooks.webHandler (fetch-style Request → Response).
      const delivered = yield* Effect.promise(() =>
        api.webhook({
          secret,
          body,
          headers: { "content-type": "application/json", "x-crisp-request-timestamp": timestamp, "x-crisp-signature": signature }
        })
      )
      expect(delivered).toEqual({ status: 200, event: "message:send" })
    }))
})
