/**
 * Bulk jobs under a rate limit (on demand:
 * `npx tsx bench/bulk.ts [--runs job,adaptive,processes] [--conversations N] [--rate R] [--write]`).
 *
 * `job` (below), and two more runs:
 *
 * - `adaptive`: one process, no budget configured, 600 calls 32 at a time against a
 *   FakeCrisp limited to 50 req/s (429 + `Retry-After` past it): the adaptive default
 *   against `adaptive: false` (only the `Retry-After` pause). Refusals, failures, wall
 *   time against the ideal (600 − 50 burst) / 50 = 11 s.
 * - `processes`: 4 worker processes (test/redis/worker.ts), each with a budget of
 *   20 req/s and 400 a day and 150 calls to make (8 at a time), against one FakeCrisp
 *   limited to 20 req/s with a daily quota of 400: with the budget shared through a
 *   real redis-server (`effect-crisp/redis`) and without. Requests that reached the
 *   fake, 429s, calls refused up front (`CrispQuotaExhausted`), failures, wall time
 *   against the ideal 400 / 20 = 20 s.
 *
 * The `job` run:
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
import { cpus, loadavg } from "node:os"
import { FetchHttpClient } from "@effect/platform"
import { Crisp as OfficialCrisp } from "crisp-api"
import { Effect, Layer, Redacted, Stream } from "effect"
import { CrispHttp, WebsiteConversations } from "../src/index.js"
import { FakeCrisp, FakeCrispServer } from "../src/testing.js"
import * as RedisServer from "../test/redis/server.js"
import type { HttpReport } from "../test/redis/worker.js"
import * as Workers from "../test/redis/workers.js"
import { appendToSection } from "./report.js"

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(process.argv[index + 1])
}
const N = arg("conversations", 1000)
const RATE = arg("rate", 20)
const WRITE = process.argv.includes("--write")
const RUNS = (() => {
  const index = process.argv.indexOf("--runs")
  return new Set((index === -1 ? "job,adaptive,processes" : process.argv[index + 1] ?? "").split(","))
})()
const stamp = () => new Date().toISOString().slice(0, 16).replace("T", " ")
const machine = () =>
  `Machine: ${execSync("nproc").toString().trim()} cores, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ` +
  `load average ${loadavg()[0]!.toFixed(1)} at the end of the run.`
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

const runJob = async () => {
  const [a, b] = await Effect.runPromise(program)
  const ideal = (r: Result) => Math.max(0, r.requests - r.refused - RATE) / RATE * 1000
  const row = (r: Result) =>
    `| ${r.name} | ${r.conversations} | ${r.listingRequests} | ${r.requests} | ${r.refused} | ${r.failedCalls} | ` +
    `${(r.millis / 1000).toFixed(1)} | ${(ideal(r) / 1000).toFixed(1)} | ${(r.millis / ideal(r)).toFixed(2)}× |`
  const table = [
    `### Run ${stamp()} UTC`,
    "",
    `${machine()} ` +
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
}

/** One process, no budget configured: 600 calls, 32 at a time, against 50 req/s. */
const adaptiveRun = (adaptive: boolean) =>
  Effect.gen(function*() {
    const fake = yield* FakeCrisp.make()
    const server = yield* FakeCrispServer.serve(fake)
    yield* fake.limit({ perSecond: 50, status: 429, retryAfter: true })
    let failures = 0
    const start = performance.now()
    yield* Effect.forEach(
      Array.from({ length: 600 }),
      () => Effect.catchAll(WebsiteConversations.getList(W, 1), () => Effect.sync(() => void failures++)),
      { concurrency: 32, discard: true }
    ).pipe(Effect.provide(CrispHttp.layer({
      identifier,
      key: Redacted.make(key),
      restUrl: server.url,
      ...(adaptive ? {} : { budget: { adaptive: false } })
    }).pipe(Layer.provide(FetchHttpClient.layer))))
    const millis = performance.now() - start
    const log = yield* fake.requests
    return { adaptive, failures, millis, requests: log.length, refused: log.filter((r) => r.status === 429).length }
  }).pipe(Effect.scoped)

const runAdaptive = async () => {
  const rows: Array<string> = []
  for (const adaptive of [true, false]) {
    const r = await Effect.runPromise(adaptiveRun(adaptive))
    rows.push(
      `| ${adaptive ? "adaptive default (no budget configured)" : "`budget: { adaptive: false }` (Retry-After pause only)"} | ` +
        `${r.requests} | ${r.refused} | ${r.failures} | ${(r.millis / 1000).toFixed(1)} | 11.0 | ${(r.millis / 11_000).toFixed(2)}× |`
    )
  }
  const table = [
    `### Run ${stamp()} UTC`,
    "",
    `${machine()} One process, 600 listing calls, 32 at a time, FakeCrisp over loopback limited to 50 req/s (burst 50), ` +
    "429 + Retry-After past it. Ideal = (600 − 50) / 50 = 11 s.",
    "",
    "| client | requests | refused (429) | failed calls | wall s | ideal s | × ideal |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows,
    ""
  ].join("\n")
  console.log(table)
  if (WRITE) {
    appendToSection("## The adaptive default", "`npx tsx bench/bulk.ts --runs adaptive --write`: see the header of bench/bulk.ts.", table)
  }
}

const WORKERS = 4
const PROCESS_RATE = 20
const DAILY = 400
const CALLS = 150

/** 4 worker processes with one token against one limited FakeCrisp, with or without Redis. */
const processesRun = (shared: boolean) =>
  Effect.gen(function*() {
    const redis = yield* RedisServer.make
    const fake = yield* FakeCrisp.make()
    const server = yield* FakeCrispServer.serve(fake)
    yield* fake.limit({ perSecond: PROCESS_RATE, status: 429, retryAfter: true, dailyQuota: DAILY })
    const workers = yield* Workers.startAll(Array.from({ length: WORKERS }, () => ({
      mode: "http" as const,
      restUrl: server.url,
      identifier,
      key,
      ...(shared ? { redisUrl: redis.url } : {}),
      budget: { perSecond: PROCESS_RATE, daily: DAILY },
      calls: CALLS,
      concurrency: 8
    })))
    for (const { worker } of workers) yield* worker.send("go")
    const reports = yield* Effect.forEach(workers, ({ worker }) => Effect.map(worker.next, (line) => JSON.parse(line) as HttpReport), {
      concurrency: "unbounded"
    })
    const log = yield* fake.requests
    const failed = reports.reduce((n, r) => n + Object.values(r.failed).reduce((m, k) => m + k, 0), 0)
    return {
      shared,
      requests: log.length,
      refused: log.filter((r) => r.status === 429).length,
      ok: reports.reduce((n, r) => n + r.ok, 0),
      exhausted: reports.reduce((n, r) => n + r.exhausted, 0),
      failed,
      slowestRefusal: Math.max(0, ...reports.map((r) => r.slowestRefusal)),
      millis: Math.max(...reports.map((r) => r.finishedAt)) - Math.min(...reports.map((r) => r.startedAt))
    }
  }).pipe(Effect.scoped)

const runProcesses = async () => {
  const ideal = DAILY / PROCESS_RATE * 1000
  const rows: Array<string> = []
  for (const shared of [true, false]) {
    const r = await Effect.runPromise(processesRun(shared))
    rows.push(
      `| ${shared ? "shared through Redis (`effect-crisp/redis`)" : "each process its own budget"} | ${r.requests} | ${r.ok} | ` +
        `${r.refused} | ${r.exhausted} | ${r.failed} | ${(r.millis / 1000).toFixed(1)} | ${(ideal / 1000).toFixed(1)} | ` +
        `${(r.millis / ideal).toFixed(2)}× |`
    )
  }
  const table = [
    `### Run ${stamp()} UTC`,
    "",
    `${machine()} ${WORKERS} worker processes, one token, each with a budget of ${PROCESS_RATE} req/s and ${DAILY} a day ` +
    `and ${CALLS} listing calls (8 at a time); one FakeCrisp over loopback limited to ${PROCESS_RATE} req/s ` +
    `(burst ${PROCESS_RATE}) with a daily quota of ${DAILY}. Ideal = ${DAILY} / ${PROCESS_RATE} = ${ideal / 1000} s.`,
    "",
    "| budget | requests that reached Crisp | calls answered | refused (429) | refused up front (CrispQuotaExhausted) | other failures | wall s | ideal s | × ideal |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    ""
  ].join("\n")
  console.log(table)
  if (WRITE) {
    appendToSection(
      "## Several processes, one token",
      "`npx tsx bench/bulk.ts --runs processes --write`: see the header of bench/bulk.ts.",
      table
    )
  }
}

if (RUNS.has("job")) await runJob()
if (RUNS.has("adaptive")) await runAdaptive()
if (RUNS.has("processes")) await runProcesses()
