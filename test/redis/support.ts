/** Helpers for the Redis tests: a FakeCrisp over loopback HTTP and `CrispHttp` stacks that share a Redis. */
import { FetchHttpClient } from "@effect/platform"
import { type Context, Effect, Layer, Redacted, type Scope } from "effect"
import { CrispHttp, WebsiteConversations } from "../../src/index.js"
import { CrispRedis } from "../../src/redis.js"
import { FakeCrisp, FakeCrispServer } from "../../src/testing.js"

export const W = FakeCrisp.DEFAULT_WEBSITE_ID
export const { identifier: IDENTIFIER, key: KEY } = FakeCrisp.DEFAULT_PLUGIN_TOKEN

export interface Simulator {
  readonly fake: FakeCrisp.FakeCrisp
  readonly restUrl: string
}

/** A FakeCrisp served over loopback HTTP. */
export const simulator: Effect.Effect<Simulator, FakeCrisp.FakeCrispError, Scope.Scope> = Effect.gen(function*() {
  const fake = yield* FakeCrisp.make()
  const served = yield* FakeCrispServer.serve(fake)
  return { fake, restUrl: served.url }
})

export interface StackOptions {
  readonly budget?: CrispHttp.Options["budget"]
  readonly redis?: Omit<CrispRedis.Options, "url"> & { readonly url?: string }
  /** No Redis at all: the in-memory budget. */
  readonly alone?: boolean
}

/** One "process": `CrispHttp` over fetch with its own Redis connection, built in the current scope. */
export const stack = (
  sim: Simulator,
  redisUrl: string,
  options: StackOptions = {}
): Effect.Effect<Context.Context<CrispHttp.CrispHttp | CrispRedis.CrispRedis>, unknown, Scope.Scope> => {
  const http = CrispHttp.layer({
    identifier: IDENTIFIER,
    key: Redacted.make(KEY),
    restUrl: sim.restUrl,
    timeout: "2 seconds",
    retry: { maxAttempts: 6, baseDelay: "5 millis", maxDelay: "50 millis" },
    ...(options.budget === undefined ? {} : { budget: options.budget })
  }).pipe(Layer.provide(FetchHttpClient.layer))
  if (options.alone === true) return Layer.build(http) as Effect.Effect<Context.Context<CrispHttp.CrispHttp | CrispRedis.CrispRedis>, unknown, Scope.Scope>
  return Layer.build(http.pipe(Layer.provideMerge(CrispRedis.layer({
    commandTimeout: "1 second",
    connectTimeout: "1 second",
    ...options.redis,
    url: options.redis?.url ?? redisUrl
  }))))
}

export interface Outcomes {
  readonly ok: number
  readonly exhausted: number
  readonly failed: ReadonlyArray<string>
}

/** `n` listing calls with `concurrency`, counted by outcome. */
export const calls = (
  context: Context.Context<CrispHttp.CrispHttp>,
  n: number,
  concurrency = 4
): Effect.Effect<Outcomes> =>
  Effect.gen(function*() {
    let ok = 0
    let exhausted = 0
    const failed: Array<string> = []
    yield* Effect.forEach(Array.from({ length: n }), () =>
      WebsiteConversations.getList(W, 1).pipe(
        Effect.match({
          onSuccess: () => void ok++,
          onFailure: (error) => (error._tag === "CrispQuotaExhausted" ? void exhausted++ : void failed.push(error._tag))
        })
      ), { concurrency, discard: true })
    return { ok, exhausted, failed }
  }).pipe(Effect.provide(context))

/** The shared budget as the stack sees it. */
export const state = (context: Context.Context<CrispHttp.CrispHttp>) =>
  CrispHttp.budgetState.pipe(Effect.provide(context))
