import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Scope } from "effect"
import * as Http from "node:http"
import * as Loopback from "../support/loopback.js"

/** One request over a keep-alive agent, resolving to status, body and the socket used. */
const send = (agent: Http.Agent, port: number, method: string, path: string, body?: string) =>
  Effect.async<{ status: number; body: string; socket: import("node:net").Socket }, Error>((resume) => {
    const req = Http.request({ host: "127.0.0.1", port, method, path, agent, headers: { "x-test": "yes" } }, (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () =>
        resume(Effect.succeed({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), socket: req.socket! })))
    })
    req.on("error", (error) => resume(Effect.fail(error)))
    req.end(body)
  })

describe("test/support/loopback", () => {
  it.live("answers as told, records every request, and can be re-programmed", () =>
    Effect.gen(function*() {
      const agent = new Http.Agent({ keepAlive: true })
      const scope = yield* Scope.make()
      const server = yield* Scope.extend(
        Loopback.make(Loopback.sequence({ status: 201, body: "first" }, { status: 202, body: { n: 2 } })),
        scope
      )
      const a = yield* send(agent, server.port, "POST", "/x?y=1", "payload")
      const b = yield* send(agent, server.port, "GET", "/z")
      const c = yield* send(agent, server.port, "GET", "/z")
      expect([a.status, a.body]).toEqual([201, "first"])
      expect([b.status, b.body]).toEqual([202, `{"n":2}`])
      expect(c.status).toBe(202)
      const requests = yield* server.requests
      expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([
        ["POST", "/x?y=1", "payload"],
        ["GET", "/z", ""],
        ["GET", "/z", ""]
      ])
      expect(requests[0]?.headers["x-test"]).toBe("yes")

      yield* server.setHandler(() => ({ status: 418 }))
      yield* server.clear
      expect((yield* send(agent, server.port, "GET", "/tea")).status).toBe(418)
      expect((yield* server.requests).map((r) => r.url)).toEqual(["/tea"])

      // Closing the scope closes idle keep-alive sockets and the port.
      const socket = (yield* send(agent, server.port, "GET", "/last")).socket
      const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()))
      yield* Scope.close(scope, Exit.void)
      yield* Effect.promise(() => closed)
      const after = yield* Effect.either(send(new Http.Agent(), server.port, "GET", "/"))
      expect(after._tag).toBe("Left")
      agent.destroy()
    }))

  it.live("a handler that throws gives a 599 naming the problem", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(() => {
        throw new Error("oops")
      })
      const res = yield* send(new Http.Agent(), server.port, "GET", "/")
      expect(res.status).toBe(599)
      expect(res.body).toContain("oops")
    }).pipe(Effect.scoped))

  it.live("closing the scope while a delayed answer is pending does not hang", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const server = yield* Scope.extend(Loopback.make(Loopback.always({ status: 200, delayMs: 10_000 })), scope)
      const pending = yield* Effect.fork(Effect.either(send(new Http.Agent(), server.port, "GET", "/slow")))
      yield* Effect.sleep("30 millis")
      const started = performance.now()
      yield* Scope.close(scope, Exit.void)
      expect(performance.now() - started).toBeLessThan(1_000)
      const result = yield* pending.await
      expect(Exit.isSuccess(result) && result.value._tag).toBe("Left")
    }))
})
