/**
 * One token's limits for several processes: provided underneath `CrispHttp.layer`,
 * `CrispRedis.layer` keeps the request budget (the steady rate, the pause after a
 * 420/429, the daily allowance, the learnt rate) in Redis, so that every process
 * using the same Redis, prefix and token identifier draws from one budget;
 * underneath `CrispWebhooks.layer`, it keeps the memo of accepted deliveries, so that
 * a delivery that reaches two replicas is published once. `CrispHttp.budgetState`
 * then reports the shared numbers.
 *
 * While Redis cannot be reached, calls keep working on each process's own share of
 * the budget (see {@link Options.replicas}); sharing resumes when Redis answers.
 *
 * `ioredis` is an optional peer dependency: install it to use this module.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer, Redacted } from "effect"
 * import { CrispHttp } from "effect-crisp"
 * import { CrispRedis } from "effect-crisp/redis"
 * import { CrispWebhooks } from "effect-crisp/webhooks"
 *
 * const Shared = CrispRedis.layer({ url: "redis://127.0.0.1:6379", prefix: "my-plugin" })
 *
 * const Http = CrispHttp.layer({
 *   identifier: "plugin-token-identifier",
 *   key: Redacted.make("plugin-token-key"),
 *   budget: { perSecond: 20, daily: 5_000 }
 * }).pipe(Layer.provide(FetchHttpClient.layer))
 *
 * const Hooks = CrispWebhooks.layer({ secret: Redacted.make("hook-signing-secret") })
 *
 * // One Redis connection under both.
 * const Live = Layer.mergeAll(Http, Hooks).pipe(Layer.provideMerge(Shared))
 * ```
 *
 * @since 0.1.0
 */
import { Config, type ConfigError, Context, Duration, Effect, Layer, Option, Redacted } from "effect"
import { connect, loadIoredis } from "../internal/redis/connection.js"
import { makeSharedBudget } from "../internal/redis/budget.js"
import { makeSharedMemo } from "../internal/redis/memo.js"
import { type Shared, SharedStore } from "../internal/redis/service.js"
import { CrispRedisError } from "./CrispRedisError.js"

export { CrispRedisError } from "./CrispRedisError.js"

/**
 * The key prefix used when none is given.
 *
 * @example
 * ```ts
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const staging = `${CrispRedis.DEFAULT_PREFIX}-staging`
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_PREFIX = "effect-crisp"

/**
 * The number of replicas assumed when none is given: while Redis is unreachable,
 * each process uses half the configured rate and half of what was left of the day.
 *
 * @example
 * ```ts
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const Shared = CrispRedis.layer({ url: "redis://127.0.0.1:6379", replicas: CrispRedis.DEFAULT_REPLICAS * 2 })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_REPLICAS = 2

/**
 * Options of {@link layer}.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import type { CrispRedis } from "effect-crisp/redis"
 *
 * const options: CrispRedis.Options = {
 *   url: Redacted.make("rediss://:password@redis.internal:6380"),
 *   prefix: "support-bot",
 *   replicas: 3
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** `redis://` or `rediss://` URL. It may hold a password: pass it `Redacted`; it is never logged. */
  readonly url: string | Redacted.Redacted<string>
  /**
   * Start of every key (`<prefix>:budget:<token identifier>`, `<prefix>:hook:<digest>`).
   * Processes share state only when they use the same prefix. Default `effect-crisp`.
   */
  readonly prefix?: string | undefined
  /**
   * How many processes share the token. While Redis is unreachable, each process
   * keeps to `1 / replicas` of the configured rate and burst, and of what was left
   * of the day's allowance. Default 2.
   */
  readonly replicas?: number | undefined
  /** How long one Redis command may take before the process stops waiting for Redis. Default 500 ms. */
  readonly commandTimeout?: Duration.DurationInput | undefined
  /** How long the layer waits for its first connection before starting on its own budget. Default 2 seconds. */
  readonly connectTimeout?: Duration.DurationInput | undefined
}

/**
 * What the layer provides besides the shared state itself.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const health = Effect.flatMap(CrispRedis.CrispRedis, (redis) => redis.sharing)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly prefix: string
  /** `true` while Redis is in use, `false` while each process is on its own budget. */
  readonly sharing: Effect.Effect<boolean>
}

/**
 * The Redis connection of {@link layer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const prefix = Effect.map(CrispRedis.CrispRedis, (redis) => redis.prefix)
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class CrispRedis extends Context.Tag("effect-crisp/CrispRedis")<CrispRedis, Service>() {}

/** How long Redis is left alone after a failed command before one call tries it again. */
const BREAKER_MILLIS = 1_000

const invalid = (detail: string) => new CrispRedisError({ reason: "InvalidOption", detail })

const positiveMillis = (name: string, input: Duration.DurationInput | undefined, fallback: number) => {
  if (input === undefined) return Effect.succeed(fallback)
  const millis = Option.map(Duration.decodeUnknown(input), Duration.toMillis)
  return Option.isSome(millis) && Number.isFinite(millis.value) && millis.value > 0
    ? Effect.succeed(millis.value)
    : Effect.fail(invalid(`${name} must be a positive duration`))
}

interface Checked {
  readonly url: string
  readonly prefix: string
  readonly replicas: number
  readonly commandTimeoutMillis: number
  readonly connectTimeoutMillis: number
}

/** Checks the options; no message ever repeats the URL. */
const check = (options: Options): Effect.Effect<Checked, CrispRedisError> =>
  Effect.gen(function*() {
    const url = Redacted.isRedacted(options.url) ? Redacted.value(options.url) : options.url
    let protocol: string | undefined
    try {
      protocol = typeof url === "string" ? new URL(url).protocol : undefined
    } catch {
      protocol = undefined
    }
    if (protocol !== "redis:" && protocol !== "rediss:") {
      return yield* Effect.fail(invalid("url must be a redis:// or rediss:// URL"))
    }
    const prefix = options.prefix ?? DEFAULT_PREFIX
    if (typeof prefix !== "string" || prefix.length === 0 || prefix.length > 100 || /[\s\u0000-\u001f]/.test(prefix)) {
      return yield* Effect.fail(invalid("prefix must be 1 to 100 characters without spaces or control characters"))
    }
    const replicas = options.replicas ?? DEFAULT_REPLICAS
    if (!Number.isInteger(replicas) || replicas < 1) {
      return yield* Effect.fail(invalid(`replicas must be a positive integer, got ${String(replicas)}`))
    }
    const commandTimeoutMillis = yield* positiveMillis("commandTimeout", options.commandTimeout, 500)
    const connectTimeoutMillis = yield* positiveMillis("connectTimeout", options.connectTimeout, 2_000)
    return { url, prefix, replicas, commandTimeoutMillis, connectTimeoutMillis }
  })

/**
 * Connects to Redis for the life of the layer and shares the budget and the Web
 * Hook memo through it. Provide it *underneath* the layers that use it. Fails with
 * {@link CrispRedisError} when ioredis is missing or an option is wrong; an
 * unreachable Redis is not a failure (a warning, then each process's own budget
 * until Redis answers).
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { CrispHttp } from "effect-crisp"
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const CrispLive = CrispHttp.layerConfig({ budget: { perSecond: 20, daily: 5_000 } }).pipe(
 *   Layer.provide(FetchHttpClient.layer),
 *   Layer.provideMerge(CrispRedis.layer({ url: "redis://127.0.0.1:6379" }))
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<CrispRedis, CrispRedisError> =>
  Layer.scopedContext(Effect.gen(function*() {
    const checked = yield* check(options)
    const Redis = yield* loadIoredis()
    const connection = yield* connect(Redis, { ...checked, breakerMillis: BREAKER_MILLIS })
    const shared: Shared = {
      budget: (identifier, budgetOptions) => makeSharedBudget(connection, identifier, budgetOptions, checked.replicas),
      memo: (capacity) => Effect.succeed(makeSharedMemo(connection, capacity))
    }
    return Context.make(CrispRedis, { prefix: checked.prefix, sharing: connection.available }).pipe(
      Context.add(SharedStore, shared)
    )
  }))

/**
 * The configuration read by {@link layerConfig}: `CRISP_REDIS_URL` (kept redacted)
 * and `CRISP_REDIS_PREFIX` (optional).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const prefix = Effect.map(CrispRedis.config, (options) => options.prefix ?? CrispRedis.DEFAULT_PREFIX)
 * ```
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<Options> = Config.all({
  url: Config.redacted("CRISP_REDIS_URL"),
  prefix: Config.option(Config.string("CRISP_REDIS_PREFIX"))
}).pipe(Config.map(({ prefix, url }): Options => Option.isSome(prefix) ? { url, prefix: prefix.value } : { url }))

/**
 * {@link layer} from configuration (see {@link config}); `overrides` set the other
 * options (`CRISP_REDIS_PREFIX`, when set, wins over `overrides.prefix`). A missing
 * `CRISP_REDIS_URL` fails the layer with a `ConfigError`.
 *
 * @example
 * ```ts
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const Shared = CrispRedis.layerConfig({ replicas: 4 })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Omit<Options, "url"> = {}
): Layer.Layer<CrispRedis, CrispRedisError | ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(config, (fromConfig) => layer({ ...overrides, ...fromConfig })))
