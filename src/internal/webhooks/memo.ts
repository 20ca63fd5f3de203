/**
 * A memo of recently accepted deliveries, so that a delivery repeated within the
 * freshness window is acknowledged but not delivered twice. In memory and bounded by
 * default; kept in Redis (for every receiver process) when `effect-crisp/redis` is
 * provided underneath the Web Hooks layer.
 */
import { Effect, Option } from "effect"
import { SharedStore } from "../redis/service.js"

export interface Memo {
  /**
   * Records `key` until `expiresAt` (ms). `false` when it is already recorded and not
   * expired: a duplicate.
   */
  readonly claim: (key: string, now: number, expiresAt: number) => Effect.Effect<boolean>
  /** Forgets `key` (the delivery was accepted but could not be enqueued: let a retry through). */
  readonly release: (key: string) => Effect.Effect<void>
}

/** The in-memory memo, synchronous. */
export interface LocalMemo {
  readonly claim: (key: string, now: number, expiresAt: number) => boolean
  readonly release: (key: string) => void
  /** How many keys are held (expired ones may linger until the next claim). */
  readonly size: () => number
}

/**
 * Keys are held in insertion order; every claim first drops expired keys from the front
 * and, past `capacity`, the oldest key (a repeat of that one would then be delivered again:
 * the bound on memory wins over the bound on duplicates).
 */
export const makeLocal = (capacity: number): LocalMemo => {
  const entries = new Map<string, number>()
  const purge = (now: number) => {
    for (const [key, expiresAt] of entries) {
      if (expiresAt > now) break
      entries.delete(key)
    }
  }
  return {
    claim: (key, now, expiresAt) => {
      purge(now)
      const held = entries.get(key)
      if (held !== undefined && held > now) return false
      entries.delete(key)
      entries.set(key, expiresAt)
      while (entries.size > capacity) {
        const oldest = entries.keys().next()
        if (oldest.done === true) break
        entries.delete(oldest.value)
      }
      return true
    },
    release: (key) => {
      entries.delete(key)
    },
    size: () => entries.size
  }
}

/** The memo of a receiver: the shared one when `effect-crisp/redis` is in context, else one in memory. */
export const make = (capacity: number): Effect.Effect<Memo> =>
  Effect.flatMap(Effect.serviceOption(SharedStore), (shared) => {
    if (Option.isSome(shared)) return shared.value.memo(capacity)
    const local = makeLocal(capacity)
    return Effect.succeed<Memo>({
      claim: (key, now, expiresAt) => Effect.sync(() => local.claim(key, now, expiresAt)),
      release: (key) => Effect.sync(() => local.release(key))
    })
  })
