/**
 * One ioredis client for the layer, set up so that a stopped Redis never stalls a
 * Crisp call: a command timeout, no offline queue (a command while disconnected
 * fails at once), no re-sending after a reconnect, and a short circuit breaker so
 * that while Redis is failing, calls do not each pay the timeout. Every use answers
 * `undefined` when Redis cannot be used now; the caller then falls back to its own
 * in-memory state. One warning per outage; one line when sharing resumes.
 */
import type { Redis as RedisClient, RedisOptions } from "ioredis"
import { Clock, Duration, Effect, type Scope } from "effect"
import { CrispRedisError } from "../../redis/CrispRedisError.js"
import type { Script } from "./scripts.js"

export interface ConnectionOptions {
  readonly url: string
  readonly prefix: string
  readonly commandTimeoutMillis: number
  readonly connectTimeoutMillis: number
  readonly breakerMillis: number
}

export interface Connection {
  readonly prefix: string
  /** Runs a script on one key; `undefined` when Redis cannot be used now. */
  readonly script: (script: Script, key: string, args: ReadonlyArray<string | number>) => Effect.Effect<ReadonlyArray<string> | undefined>
  /** Runs one command; `undefined` when Redis cannot be used now. */
  readonly command: <A>(run: (client: RedisClient) => Promise<A>) => Effect.Effect<A | undefined>
  /** Whether Redis is in use now (connected, breaker closed). */
  readonly available: Effect.Effect<boolean>
}

type RedisConstructor = new(url: string, options: RedisOptions) => RedisClient

const INSTALL = "it needs the ioredis package (an optional peer dependency): npm install ioredis"

/** Loads ioredis on first use, so that the rest of effect-crisp never needs it. */
export const loadIoredis = (
  load: () => Promise<unknown> = () => import("ioredis")
): Effect.Effect<RedisConstructor, CrispRedisError> =>
  Effect.tryPromise({
    try: load,
    catch: (error) => {
      const code = (error as { readonly code?: unknown } | undefined)?.code
      const missing = code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" ||
        (error instanceof Error && /cannot find (module|package)/i.test(error.message))
      return new CrispRedisError({
        reason: "MissingPackage",
        detail: missing ? INSTALL : `ioredis could not be loaded (${error instanceof Error ? error.name : "unknown error"}); ${INSTALL}`
      })
    }
  }).pipe(Effect.flatMap((module) => {
    const exported = module as { readonly default?: unknown; readonly Redis?: unknown }
    const constructor = typeof exported.Redis === "function" ? exported.Redis : exported.default
    return typeof constructor === "function"
      ? Effect.succeed(constructor as RedisConstructor)
      : Effect.fail(new CrispRedisError({ reason: "MissingPackage", detail: `the ioredis module has no Redis client; ${INSTALL}` }))
  }))

/** What kind of failure, without anything an error message could carry (hosts, values). */
const kindOf = (error: unknown): string => {
  if (!(error instanceof Error)) return "unknown error"
  if (/timed out/i.test(error.message)) return "command timeout"
  if (/closed|not writeable|isn't writeable/i.test(error.message)) return "connection closed"
  const code = (error as Error & { readonly code?: unknown }).code
  if (typeof code === "string") return code
  if (error.name === "ReplyError") return `Redis error ${error.message.split(" ")[0] ?? ""}`.trim()
  return error.name
}

const isNoScript = (error: unknown) => error instanceof Error && error.message.startsWith("NOSCRIPT")

const isStrings = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((item) => typeof item === "string")

export const connect = (
  Redis: RedisConstructor,
  options: ConnectionOptions
): Effect.Effect<Connection, never, Scope.Scope> =>
  Effect.gen(function*() {
    const client = new Redis(options.url, {
      commandTimeout: options.commandTimeoutMillis,
      connectTimeout: Math.max(options.connectTimeoutMillis, 100),
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 0,
      // Reconnect for ever, quickly at first: sharing resumes as soon as Redis is back.
      retryStrategy: (times) => Math.min(times * 100, 1_000)
    })
    // Connection errors are handled by the breaker below; without a listener ioredis prints them.
    client.on("error", () => {})
    yield* Effect.addFinalizer(() =>
      Effect.tryPromise(() => client.quit()).pipe(
        Effect.timeout("1 second"),
        Effect.ignore,
        Effect.ensuring(Effect.sync(() => client.disconnect()))
      )
    )

    let down = false
    let openUntil = 0
    let probing = false

    const noteDown = (kind: string) => {
      if (down) return Effect.void
      down = true
      return Effect.logWarning(
        `effect-crisp/redis: Redis is unreachable (${kind}); until it answers again, each process uses its own ` +
          "share of the request budget and its own memo of Web Hook deliveries"
      )
    }

    const command = <A>(run: (client: RedisClient) => Promise<A>): Effect.Effect<A | undefined> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        if (client.status !== "ready") return Effect.as(noteDown("not connected"), undefined)
        if (now < openUntil || probing) return Effect.succeed(undefined)
        // After the breaker opened, one call tries Redis; the others keep to their own state meanwhile.
        const probe = openUntil > 0
        if (probe) probing = true
        return Effect.tryPromise(() => run(client)).pipe(
          Effect.matchEffect({
            onFailure: (error) => {
              openUntil = now + options.breakerMillis
              return Effect.as(noteDown(kindOf(error.error)), undefined)
            },
            onSuccess: (value) => {
              openUntil = 0
              if (!down) return Effect.succeed(value)
              down = false
              return Effect.as(Effect.logInfo("effect-crisp/redis: Redis answers again; budget and memo are shared again"), value)
            }
          }),
          Effect.ensuring(Effect.sync(() => {
            if (probe) probing = false
          }))
        )
      })

    const script = (s: Script, key: string, args: ReadonlyArray<string | number>) =>
      Effect.map(
        command((redis) =>
          redis.evalsha(s.sha, 1, key, ...args).catch((error: unknown) =>
            isNoScript(error) ? redis.eval(s.lua, 1, key, ...args) : Promise.reject(error)
          )
        ),
        (reply) => (isStrings(reply) ? reply : undefined)
      )

    const available = Effect.map(Clock.currentTimeMillis, (now) => client.status === "ready" && now >= openUntil)

    // Wait (bounded) for the first connection, so that the first calls are shared too.
    const ready = Effect.async<void>((resume) => {
      if (client.status === "ready") return resume(Effect.void)
      const onReady = () => resume(Effect.void)
      client.once("ready", onReady)
      return Effect.sync(() => {
        client.off("ready", onReady)
      })
    })
    yield* ready.pipe(
      Effect.timeout(Duration.millis(options.connectTimeoutMillis)),
      Effect.catchAll(() => noteDown(`no connection within ${options.connectTimeoutMillis} ms`))
    )

    return { prefix: options.prefix, script, command, available }
  })
