/**
 * A bounded memo of recently accepted deliveries, so that a delivery repeated within the
 * freshness window is acknowledged but not delivered twice.
 */

export interface Memo {
  /**
   * Records `key` until `expiresAt` (ms). `false` when it is already recorded and not
   * expired: a duplicate.
   */
  readonly claim: (key: string, now: number, expiresAt: number) => boolean
  /** Forgets `key` (the delivery was accepted but could not be enqueued: let a retry through). */
  readonly release: (key: string) => void
  /** How many keys are held (expired ones may linger until the next claim). */
  readonly size: () => number
}

/**
 * Keys are held in insertion order; every claim first drops expired keys from the front
 * and, past `capacity`, the oldest key (a repeat of that one would then be delivered again:
 * the bound on memory wins over the bound on duplicates).
 */
export const make = (capacity: number): Memo => {
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
