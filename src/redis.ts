/**
 * effect-crisp/redis: one token's request budget and the Web Hook duplicate memo,
 * shared by every process through Redis. Needs the `ioredis` package.
 *
 * @example
 * ```ts
 * import { CrispRedis } from "effect-crisp/redis"
 *
 * const Shared = CrispRedis.layerConfig() // CRISP_REDIS_URL, CRISP_REDIS_PREFIX
 * ```
 *
 * @since 0.1.0
 */

/**
 * The Redis layer: `layer`, `layerConfig`, `config` and its error.
 *
 * @since 0.1.0
 */
export * as CrispRedis from "./redis/CrispRedis.js"

/**
 * @since 0.1.0
 */
export { CrispRedisError } from "./redis/CrispRedisError.js"
