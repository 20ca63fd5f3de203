/**
 * A request budget shared by every fiber that uses one `CrispHttp` layer: a
 * steady rate with a burst (GCRA, so concurrent callers queue in order instead of
 * stampeding), an adaptive slow-down when Crisp answers 420/429, and a daily
 * allowance that is refused up front rather than spent against a 429 wall.
 */
import { Clock, Duration, Effect } from "effect"
import { CrispQuotaExhausted } from "../../CrispError.js"

/**
 * How many requests one `CrispHttp` layer may send.
 *
 * @since 0.1.0
 * @category models
 */
export interface BudgetOptions {
  /** Steady request rate, per second. */
  readonly perSecond?: number
  /** Requests that may go at once after a quiet spell. Default: one second's worth of `perSecond`. */
  readonly burst?: number
  /**
   * Requests allowed per UTC day (Crisp's plugin quota: 5,000 by default, website
   * tokens 10,000). Past it, calls fail with `CrispQuotaExhausted` without a request.
   */
  readonly daily?: number
  /**
   * Lowest rate the adaptive back-off may fall to after 420/429 answers, per
   * second. Default: a tenth of `perSecond`.
   */
  readonly minPerSecond?: number
}

/**
 * What the budget looks like now.
 *
 * @since 0.1.0
 * @category models
 */
export interface BudgetState {
  /** The configured steady rate (requests per second), if any. */
  readonly configuredPerSecond: number | undefined
  /** The rate in force now: lower than configured after 420/429 answers, recovering on success. */
  readonly currentPerSecond: number | undefined
  /** Requests left in today's allowance (UTC day), if a daily allowance is set. */
  readonly remainingToday: number | undefined
  /** Requests sent today (UTC day). */
  readonly usedToday: number
  /** Until when every request waits because Crisp asked to (epoch ms), if it did. */
  readonly pausedUntil: number | undefined
}

/** The budget, as the HTTP layer uses it. */
export interface Budget {
  /** Waits for a slot; fails without waiting when today's allowance is spent. */
  readonly acquire: (method: string, path: string) => Effect.Effect<void, CrispQuotaExhausted>
  /** Crisp refused a request for going too fast: slow everybody down. */
  readonly onRateLimited: (retryAfterMillis: number | undefined) => Effect.Effect<void>
  /** A request was answered without a rate limit: recover a little. */
  readonly onAnswered: Effect.Effect<void>
  readonly state: Effect.Effect<BudgetState>
}

const DAY = 86_400_000

/** Builds a budget. All state is plain and mutated synchronously, so it is safe across fibers. */
export const makeBudget = (options: BudgetOptions): Budget => {
  const configured = options.perSecond !== undefined && options.perSecond > 0 ? options.perSecond : undefined
  const minRate = configured === undefined ? undefined : Math.max(options.minPerSecond ?? configured / 10, 0.01)
  const burst = Math.max(1, Math.floor(options.burst ?? configured ?? 1))
  let rate = configured
  let theoreticalArrival = 0
  let pausedUntil = 0
  /** Counts the pauses Crisp asked for, so that waiting fibers notice a new one. */
  let pauses = 0
  let day = -1
  let usedToday = 0

  const rollDay = (now: number) => {
    const today = Math.floor(now / DAY)
    if (today !== day) {
      day = today
      usedToday = 0
    }
  }

  /** Reserves the next slot and returns how long to wait for it. */
  const reserve = (now: number): number => {
    const start = Math.max(now, pausedUntil)
    if (rate === undefined) return start - now
    const interval = 1000 / rate
    const tolerance = (burst - 1) * interval
    const arrival = Math.max(theoreticalArrival, start)
    const at = Math.max(start, arrival - tolerance)
    theoreticalArrival = arrival + interval
    return at - now
  }

  /**
   * Sleeps until the reserved slot. A fiber that was already waiting when Crisp
   * refused a request (the pause "epoch" changed) takes a new slot after the pause:
   * the back-off holds every caller, not only those arriving later.
   */
  const waitForSlot: Effect.Effect<void> = Effect.flatMap(Clock.currentTimeMillis, (now) => {
    const epoch = pauses
    const wait = reserve(now)
    if (wait <= 0) return Effect.void
    return Effect.flatMap(Effect.sleep(Duration.millis(wait)), () => (pauses === epoch ? Effect.void : waitForSlot))
  })

  const acquire = (method: string, path: string): Effect.Effect<void, CrispQuotaExhausted> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      rollDay(now)
      if (options.daily !== undefined && usedToday >= options.daily) {
        return Effect.fail(new CrispQuotaExhausted({ method, path, allowance: options.daily, resetsAt: (day + 1) * DAY }))
      }
      usedToday++
      return waitForSlot
    })

  const onRateLimited = (retryAfterMillis: number | undefined) =>
    Effect.map(Clock.currentTimeMillis, (now) => {
      // Crisp said how long to wait: honour it and ease off a little. It did not:
      // halve the rate (multiplicative decrease; success adds back additively).
      if (rate !== undefined && minRate !== undefined) {
        rate = Math.max(minRate, rate * (retryAfterMillis === undefined ? 0.5 : 0.8))
      }
      const pause = retryAfterMillis ?? (rate === undefined ? 1000 : 1000 / rate)
      pausedUntil = Math.max(pausedUntil, now + pause)
      pauses++
      // Re-queue from the pause: reservations made at the old rate are not honoured twice.
      theoreticalArrival = Math.max(theoreticalArrival, pausedUntil)
    })

  const onAnswered = Effect.sync(() => {
    if (rate !== undefined && configured !== undefined && rate < configured) {
      rate = Math.min(configured, rate + configured / 50)
    }
  })

  const state = Effect.map(Clock.currentTimeMillis, (now): BudgetState => {
    rollDay(now)
    return {
      configuredPerSecond: configured,
      currentPerSecond: rate,
      remainingToday: options.daily === undefined ? undefined : Math.max(0, options.daily - usedToday),
      usedToday,
      pausedUntil: pausedUntil > now ? pausedUntil : undefined
    }
  })

  return { acquire, onRateLimited, onAnswered, state }
}
