/**
 * Why the Redis layer could not be built.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The `CrispRedis` layer could not start: `MissingPackage` (ioredis is not
 * installed), `InvalidOption` (a bad URL, prefix or number). It never carries the
 * URL, which can hold a password. An unreachable Redis is not an error: the layer
 * starts, logs a warning and shares as soon as Redis answers.
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const Shared = CrispRedis.layer({ url: "redis://127.0.0.1:6379" }).pipe(
 *   Layer.catchAll((error) => Layer.effectDiscard(Effect.logError(error.message)))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispRedisError extends Schema.TaggedError<CrispRedisError>("effect-crisp/CrispRedisError")(
  "CrispRedisError",
  {
    reason: Schema.Literal("MissingPackage", "InvalidOption"),
    detail: Schema.String
  }
) {
  override get message(): string {
    return `effect-crisp/redis: ${this.detail}`
  }
}
