/**
 * What the effect-crisp pipeline costs in CPU, without a network (on demand):
 *
 *   npx tsx bench/pipeline.ts
 *
 * Environment: N (calls per round, default 20000), ROUNDS (default 6, the first two
 * are warm-up), CONCURRENCY (default 32).
 *
 * Both variants run over the same in-process `HttpClient` (built with
 * `HttpClient.make`, like the platform's clients) that answers every request at
 * once with a small Crisp envelope, so the CPU time per call is the Effect
 * machinery alone: the bare client (`execute` + `response.text`, platform span off
 * as effect-crisp has it) and one declared effect-crisp endpoint (path, headers,
 * timeout, retry wrapper, envelope, Schema decode, span); and the same endpoint
 * over a client with the lean exchange of the `CrispTransport` clients (one
 * `Effect.async` resolved by a promise), next to that `Effect.async` alone, the
 * floor of any Effect call. bench/http.ts measures
 * the same over loopback HTTP; this one tells where a change in `CrispHttp` moves
 * the needle, without the noise of a server.
 */
import { HttpClient, HttpClientRequest, HttpClientResponse } from "@effect/platform"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import * as CrispHttp from "../src/CrispHttp.js"
import { type Exchange, withExchange } from "../src/internal/http/exchange.js"
import { getWebsite } from "./getWebsite.js"

const N = Number(process.env["N"] ?? 20_000)
const ROUNDS = Number(process.env["ROUNDS"] ?? 6)
const CONCURRENCY = Number(process.env["CONCURRENCY"] ?? 32)
const WARM_UP = 2

const body = JSON.stringify({
  error: false,
  reason: "resolved",
  data: { website_id: "w", name: "Acme Inc.", domain: "acme.example", logo: null, created_at: 1700000000000 }
})
const instant = HttpClient.make((request) =>
  Effect.promise(() =>
    Promise.resolve(
      HttpClientResponse.fromWeb(request, new Response(body, { headers: { "content-type": "application/json" } }))
    )
  )
)

// The lean exchange's shape: one async step, answered by a resolved promise.
const answer = { status: 200, retryAfter: undefined, text: body }
const leanExchange: Exchange = (_request, _timeoutMillis, settle) => {
  void Promise.resolve(answer).then(settle)
  return () => {}
}
const lean = withExchange(HttpClient.make((request) => Effect.die(`unexpected execute of ${request.url}`)), leanExchange)
const leanRuntime = ManagedRuntime.make(
  CrispHttp.layer({ identifier: "bench", key: Redacted.make("bench"), restUrl: "http://127.0.0.1:1/v1/" }).pipe(
    Layer.provideMerge(Layer.succeed(HttpClient.HttpClient, lean))
  )
)

const variants: Record<string, Effect.Effect<unknown, unknown, HttpClient.HttpClient | CrispHttp.CrispHttp>> = {
  "Effect.async resolved by a promise (the floor)": Effect.async<string>((resume) => {
    void Promise.resolve(body).then((text) => resume(Effect.succeed(text)))
  }),
  "bare HttpClient (execute + text, platform span off)": Effect.flatMap(HttpClient.HttpClient, (client) =>
    Effect.flatMap(
      HttpClient.withTracerDisabledWhen(client, () => true).execute(HttpClientRequest.get("http://127.0.0.1:1/v1/website/w")),
      (response) => response.text
    )),
  "effect-crisp endpoint (GET website/{website_id})": getWebsite({ path: { website_id: "w" } }),
  "effect-crisp endpoint, lean exchange": getWebsite({ path: { website_id: "w" } })
}

const runtime = ManagedRuntime.make(
  CrispHttp.layer({ identifier: "bench", key: Redacted.make("bench"), restUrl: "http://127.0.0.1:1/v1/" }).pipe(
    Layer.provideMerge(Layer.succeed(HttpClient.HttpClient, instant))
  )
)

const samples = new Map<string, Array<number>>()
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, once] of Object.entries(variants)) {
    for (const concurrency of [1, CONCURRENCY]) {
      const before = process.cpuUsage()
      await (name.includes("lean") ? leanRuntime : runtime).runPromise(Effect.forEach(Array.from({ length: N }), () => once, { concurrency, discard: true }))
      const used = process.cpuUsage(before)
      if (round < WARM_UP) continue
      const key = `${name} | ${concurrency === 1 ? "sequential" : `${concurrency} in flight`}`
      samples.set(key, [...(samples.get(key) ?? []), (used.user + used.system) / N])
    }
  }
}
await runtime.dispose()
await leanRuntime.dispose()

const median = (values: Array<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
console.log(`CPU µs per call, median of ${ROUNDS - WARM_UP} rounds of ${N} (Node ${process.version}):`)
for (const [key, values] of samples) console.log(`  ${key.padEnd(80)} ${median(values).toFixed(1)}`)
