/**
 * A worker process for the multi-process tests and `bench/bulk.ts`:
 * `node --import tsx test/redis/worker.ts '<job as JSON>'` (`workers.ts` runs it bundled).
 *
 * - `http`: builds `CrispHttp` (with `CrispRedis` underneath when `redisUrl` is set),
 *   prints `ready`, waits for `go` on stdin, makes `calls` listing calls with
 *   `concurrency`, prints one JSON line (outcomes, times, the budget's state), exits.
 * - `hooks`: serves `CrispWebhooks` on a loopback port (with `CrispRedis` underneath),
 *   subscribes, prints `ready <port>`, and on `report` prints the sessions it
 *   published as JSON and exits.
 */
import { FetchHttpClient, HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Chunk, Context, Deferred, Effect, Layer, Logger, LogLevel, Queue, Redacted } from "effect"
import * as http from "node:http"
import { createInterface } from "node:readline"
import { CrispHttp, WebsiteConversations } from "../../src/index.js"
import type { BudgetOptions } from "../../src/internal/http/budget.js"
import { CrispEvents } from "../../src/realtime/CrispEvents.js"
import { CrispRedis } from "../../src/redis.js"
import { CrispWebhooks } from "../../src/webhooks.js"
import { probeSigned, subscribe } from "../webhooks/support.js"

export interface HttpJob {
  readonly mode: "http"
  readonly restUrl: string
  readonly identifier: string
  readonly key: string
  readonly redisUrl?: string
  readonly prefix?: string
  readonly replicas?: number
  readonly budget?: BudgetOptions
  readonly calls: number
  readonly concurrency: number
}

export interface HooksJob {
  readonly mode: "hooks"
  readonly redisUrl: string
  readonly secret: string
}

export interface HttpReport {
  readonly ok: number
  readonly exhausted: number
  readonly failed: Record<string, number>
  /** When the first call started and the last ended (epoch ms). */
  readonly startedAt: number
  readonly finishedAt: number
  /** When each `CrispQuotaExhausted` came back, ms after its call started (it must not wait). */
  readonly slowestRefusal: number
  readonly state: CrispHttp.BudgetState
}

const lines = createInterface({ input: process.stdin })
const said = (word: string) =>
  Effect.flatMap(Deferred.make<void>(), (heard) =>
    Effect.zipRight(
      Effect.sync(() => lines.on("line", (line) => line.trim() === word && Deferred.unsafeDone(heard, Effect.void))),
      Deferred.await(heard)
    ))
const print = (line: string) => Effect.sync(() => process.stdout.write(line + "\n"))

const redisLayer = (url: string, prefix: string | undefined, replicas: number | undefined) =>
  CrispRedis.layer({
    url,
    commandTimeout: "1 second",
    ...(prefix === undefined ? {} : { prefix }),
    ...(replicas === undefined ? {} : { replicas })
  })

const runHttp = (job: HttpJob) =>
  Effect.gen(function*() {
    const base = CrispHttp.layer({
      identifier: job.identifier,
      key: Redacted.make(job.key),
      restUrl: job.restUrl,
      timeout: "5 seconds",
      retry: { maxAttempts: 8, baseDelay: "20 millis", maxElapsed: "60 seconds" },
      ...(job.budget === undefined ? {} : { budget: job.budget })
    }).pipe(Layer.provide(FetchHttpClient.layer))
    const layer = job.redisUrl === undefined
      ? base
      : base.pipe(Layer.provideMerge(redisLayer(job.redisUrl, job.prefix, job.replicas)))
    const context = yield* Layer.build(layer)
    yield* print("ready")
    yield* said("go")
    let ok = 0
    let exhausted = 0
    let slowestRefusal = 0
    const failed: Record<string, number> = {}
    const startedAt = Date.now()
    yield* Effect.forEach(Array.from({ length: job.calls }), () => {
      const started = performance.now()
      return WebsiteConversations.getList("website-1", 1).pipe(
        Effect.match({
          onSuccess: () => void ok++,
          onFailure: (error) => {
            if (error._tag === "CrispQuotaExhausted") {
              exhausted++
              slowestRefusal = Math.max(slowestRefusal, performance.now() - started)
            } else {
              failed[error._tag] = (failed[error._tag] ?? 0) + 1
            }
          }
        })
      )
    }, { concurrency: job.concurrency, discard: true }).pipe(Effect.provide(context))
    const finishedAt = Date.now()
    const state = yield* CrispHttp.budgetState.pipe(Effect.provide(context))
    const report: HttpReport = { ok, exhausted, failed, startedAt, finishedAt, slowestRefusal, state }
    yield* print(JSON.stringify(report))
  })

const runHooks = (job: HooksJob) =>
  Effect.gen(function*() {
    const server = HttpRouter.empty.pipe(
      HttpRouter.post("/crisp", CrispWebhooks.handler),
      HttpServer.serve(),
      Layer.provideMerge(NodeHttpServer.layer(() => http.createServer(), { port: 0, host: "127.0.0.1" })),
      Layer.provideMerge(CrispWebhooks.layer({ secret: Redacted.make(job.secret) })),
      Layer.provideMerge(redisLayer(job.redisUrl, undefined, undefined))
    )
    const context = yield* Layer.build(server)
    const address = Context.get(context, HttpServer.HttpServer).address
    if (address._tag !== "TcpAddress") return yield* Effect.dieMessage("expected a TCP server")
    const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
    const events = yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSigned)
    yield* print(`ready ${address.port}`)
    yield* said("report")
    const published = Chunk.toReadonlyArray(yield* Queue.takeAll(events)).map((event) =>
      event._tag === "Event" ? String((event.data as { session_id?: unknown }).session_id) : "?"
    )
    yield* print(JSON.stringify({ published }))
  })

/** Warnings and errors go to stderr, one line each: stdout is the protocol. */
const toStderr = Logger.replace(
  Logger.defaultLogger,
  Logger.make(({ logLevel, message }) => {
    process.stderr.write(`${logLevel.label} ${Array.isArray(message) ? message.join(" ") : String(message)}\n`)
  })
)

const job = JSON.parse(process.argv[2] ?? "{}") as HttpJob | HooksJob
const program = job.mode === "hooks" ? runHooks(job) : runHttp(job)
Effect.runPromise(program.pipe(Effect.scoped, Effect.provide(toStderr), Logger.withMinimumLogLevel(LogLevel.Warning))).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(String(error) + "\n")
    process.exit(1)
  }
)
