/**
 * Bulk job under a rate limit (on demand: `npx tsx bench/bulk.ts [--conversations N] [--rate R] [--write]`).
 *
 * A FakeCrisp served over loopback HTTP is limited to R requests per second (429
 * with Retry-After past it). The job lists every conversation and fetches each
 * one's messages:
 *
 * - effect-crisp: `WebsiteConversations.stream` (50 per page) and
 *   `getMessages` with concurrency 16, on a `CrispHttp` whose budget is R/s;
 * - crisp-api 11.3 with its defaults: `listConversations` page after page until an
 *   empty page, then `Promise.all` over `getMessagesInConversation`.
 *
 * Reported: requests spent (listing and in all), failed calls, wall time against
 * the ideal the limit allows ((requests − burst) / R, with the fake's burst of R).
 * `--write` appends the table to docs/benchmarks.md.
 */
import { execSync } from "node:child_process"
import { cpus } from "node:os"
import { FetchHttpClient } from "@effect/platform"
import { Crisp as OfficialCrisp } from "crisp-api"
import { Effect, Layer, Redacted, Stream } from "effect"
import { CrispHttp, WebsiteConversations } from "../src/index.js"
import { FakeCrisp, FakeCrispServer } from "../src/testing.js"
import { appendToSection } from "./report.js"

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(process.argv[index + 1])
}
const N = arg("conversations", 1000)
const RATE = arg("rate", 20)
const WRITE = process.argv.includes("--write")
const W = FakeCrisp.DEFAULT_WEBSITE_ID
const { identifier, key } = FakeCrisp.DEFAULT_PLUGIN_TOKEN

interface Result {
  readonly name: string
  readonly listingRequests: number
  readonly requests: number
  readonly refused: number
  readonly failedCalls: number
  readonly conversations: number
  readonly millis: number
}

const measure = (
  fake: FakeCrisp.FakeCrisp,
  name: string,
  job: Effect.Effect<{ readonly failedCalls: number; readonly conversations: number }>
) =>
  Effect.gen(function*() {
    yield* fake.unlimit
    yield* Effect.sleep("1100 millis") // a fresh bucket for each run
    yield* fake.limit({ perSecond: RATE, status: 429, retryAfter: true })
    yield* fake.clearRequests
    const start = performance.now()
    const outcome = yield* job
    const millis = performance.now() - start
    const log = yield* fake.requests
    const listing = log.filter((r) => /^website\/[^/]+\/conversations\//.test(r.path))
    return {
      name,
      listingRequests: listing.length,
      requests: log.length,
      refused: log.filter((r) => r.status === 429).length,
      failedCalls: outcome.failedCalls,
      conversations: outcome.conversations,
      millis
    } satisfies Result
  })

const ours = (restUrl: string) =>
  Effect.gen(function*() {
    let failedCalls = 0
    const conversations = yield* WebsiteConversations.stream(W).pipe(
      Stream.mapEffect((c) =>
        WebsiteConversations.getMessages(W, c.session_id).pipe(
          Effect.catchAll(() => Effect.sync(() => failedCalls++))
        ), { concurrency: 16 }),
      Stream.runCount,
      Effect.catchAll(() => Effect.sync(() => {
        failedCalls++
        return 0
      }))
    )
    return { failedCalls, conversations }
  }).pipe(
    Effect.provide(CrispHttp.layer({
      identifier,
      key: Redacted.make(key),
      restUrl,
      budget: { perSecond: RATE }
    }).pipe(Layer.provide(FetchHttpClient.layer)))
  )

const official = (origin: string) =>
  Effect.promise(async () => {
    const client = new OfficialCrisp()
    client.setRestHost(origin)
    client.authenticateTier("plugin", identifier, key)
    let failedCalls = 0
    const sessions: Array<string> = []
    for (let page = 1; ; page++) {
      try {
        const list = await client.website.listConversations(W, page)
        if (list.length === 0) break
        for (const c of list) sessions.push(c.session_id as string)
      } catch {
        failedCalls++
        if (page > N) break
      }
    }
    const results = await Promise.allSettled(sessions.map((s) => client.website.getMessagesInConversation(W, s)))
    failedCalls += results.filter((r) => r.status === "rejected").length
    return { failedCalls, conversations: sessions.length }
  })

const program = Effect.gen(function*() {
  const fake = yield* FakeCrisp.make({
    conversations: Array.from({ length: N }, (_, i) => ({
      website_id: W,
      session_id: `session_${i}`,
      messages: [{ from: "user" as const, type: "text" as const, content: `hello ${i}` }]
    }))
  })
  const server = yield* FakeCrispServer.serve(fake)
  const a = yield* measure(fake, "effect-crisp (stream, 50/page, budget, concurrency 16)", ours(server.url))
  const b = yield* measure(fake, "crisp-api 11.3 (defaults, Promise.all)", official(server.origin))
  return [a, b] as const
}).pipe(Effect.scoped)

const [a, b] = await Effect.runPromise(program)
const ideal = (r: Result) => Math.max(0, r.requests - r.refused - RATE) / RATE * 1000
const row = (r: Result) =>
  `| ${r.name} | ${r.conversations} | ${r.listingRequests} | ${r.requests} | ${r.refused} | ${r.failedCalls} | ` +
  `${(r.millis / 1000).toFixed(1)} | ${(ideal(r) / 1000).toFixed(1)} | ${(r.millis / ideal(r)).toFixed(2)}× |`
const cpu = cpus()[0]?.model ?? "unknown CPU"
const table = [
  `### Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${execSync("nproc").toString().trim()} cores, ${cpu}, Node ${process.version}. ` +
  `${N} conversations (1 message each), FakeCrisp over loopback limited to ${RATE} req/s (burst ${RATE}), 429 + Retry-After past it.`,
  "",
  "| job | conversations done | listing requests | requests in all | refused (429) | failed calls | wall s | ideal s | × ideal |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  row(a),
  row(b),
  "",
  `Listing requests, effect-crisp / crisp-api: ${(a.listingRequests / b.listingRequests).toFixed(2)}× ` +
  `(each walk ends with one empty page; without it ${((a.listingRequests - 1) / (b.listingRequests - 1)).toFixed(2)}×). ` +
  "Ideal = (successful requests − burst) / rate.",
  ""
].join("\n")
console.log(table)
if (WRITE) {
  appendToSection("## Bulk job under a rate limit", "`npx tsx bench/bulk.ts --write`: see the header of bench/bulk.ts.", table)
}
