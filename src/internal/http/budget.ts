/**
 * A request budget shared by every fiber that uses one `CrispHttp` layer: a
 * steady rate with a burst (GCRA, so concurrent callers queue in order instead of
 * stampeding), an adaptive slow-down when Crisp answers 420/429, a rate learnt from
 * the first 420/429 when none is configured, and a daily allowance that is refused
 * up front rather than spent against a 429 wall.
 *
 * This is the in-memory budget of one process. `internal/redis/budget.ts` keeps the
 * same numbers in Redis for several processes; the rules (and the constants below)
 * are the same in both.
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
  /** Steady request rate, per second. Without it the rate is learnt (see `adaptive`). */
  readonly perSecond?: number
  /** Requests that may go at once after a quiet spell. Default: one second's worth of `perSecond`; 1 for a learnt rate. */
  readonly burst?: number
  /**
   * Requests allowed per UTC day (Crisp's plugin quota: 5,000 by default, website
   * tokens 10,000). Past it, calls fail with `CrispQuotaExhausted` without a request.
   */
  readonly daily?: number
  /**
   * Lowest rate the back-off may fall to after 420/429 answers, per second.
   * Default: a tenth of `perSecond`, or 1 for a learnt rate.
   */
  readonly minPerSecond?: number
  /**
   * Without `perSecond`: after the first 420/429, pace every fiber at the rate that
   * was seen to succeed over the last second, and probe slowly upward while callers
   * wait for slots (about 1 % per second). Default `true`; `false` only honours
   * `Retry-After` pauses.
   */
  readonly adaptive?: boolean
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
  /**
   * The rate in force now: lower than configured after 420/429 answers, recovering on
   * success; the learnt rate when none is configured (`undefined` until the first 420/429).
   */
  readonly currentPerSecond: number | undefined
  /** Requests left in today's allowance (UTC day), if a daily allowance is set. */
  readonly remainingToday: number | undefined
  /** Requests sent today (UTC day). */
  readonly usedToday: number
  /** Until when every request waits because Crisp asked to (epoch ms), if it did. */
  readonly pausedUntil: number | undefined
  /**
   * `true` when these are the numbers shared by every process on the same Redis
   * (`effect-crisp/redis`); `false` for this process's own budget.
   */
  readonly shared: boolean
}

/**
 * Which pause a request was let through in. A 420/429 to a request that left
 * before the latest pause tells nothing new: it was in flight when the budget
 * already reacted, and must not lower the rate again.
 */
export interface Ticket {
  readonly epoch: number
  /** Set by the Redis budget on its own tickets. */
  readonly shared?: true
}

/** The budget, as the HTTP layer uses it. */
export interface Budget {
  /** Waits for a slot; fails without waiting when today's allowance is spent. */
  readonly acquire: (method: string, path: string) => Effect.Effect<Ticket, CrispQuotaExhausted>
  /** Crisp refused the request of `ticket` for going too fast: slow everybody down. */
  readonly onRateLimited: (retryAfterMillis: number | undefined, ticket?: Ticket) => Effect.Effect<void>
  /** The request of `ticket` was answered without a rate limit: recover a little. */
  readonly onAnswered: (ticket: Ticket) => Effect.Effect<void>
  readonly state: Effect.Effect<BudgetState>
  /**
   * The hot path of a budget kept in memory (a shared one has none): `acquire`
   * without an `Effect` when a slot is free at `now` (`undefined`: call `acquire`),
   * and `onAnswered` at `now`.
   */
  readonly acquireNow?: (now: number) => Ticket | undefined
  readonly answeredNow?: (now: number) => void
}

/** One UTC day, in ms: Crisp's quota renews at midnight UTC. */
export const DAY_MS = 86_400_000
/** The window over which successful requests are counted for a learnt rate. */
export const WINDOW_MS = 1_000
/** A 420/429 with `Retry-After` eases the rate by this factor, one without by {@link EASE_BLIND}. */
export const EASE_TOLD = 0.8
export const EASE_BLIND = 0.5
/** Each answer recovers a lowered configured rate by this share of it. */
export const RECOVERY_SHARE = 1 / 50
/** Each answer, while callers wait for slots, raises a learnt rate by this much (per second): ~1 %/s. */
export const PROBE_STEP = 0.01
/** The floor of a learnt rate, per second. */
export const LEARNT_FLOOR = 1
/**
 * A `Retry-After` longer than this is not a rate limit but a spent quota (Crisp's
 * answer until its UTC midnight): it neither pauses nor slows anybody; the refused
 * call fails by the retry policy (`maxRetryAfter`, default also a minute).
 */
export const MAX_PAUSE_MS = 60_000

/** Whether a 420/429 is about the rate (and the budget should react to it). */
export const isRateSignal = (retryAfterMillis: number | undefined): boolean =>
  retryAfterMillis === undefined || retryAfterMillis <= MAX_PAUSE_MS

/** The numbers every budget derives from its options. */
export interface BudgetRules {
  readonly configured: number | undefined
  readonly adaptive: boolean
  readonly burst: number
  readonly minRate: number
  readonly daily: number | undefined
}

export const rulesOf = (options: BudgetOptions): BudgetRules => {
  const configured = options.perSecond !== undefined && options.perSecond > 0 && Number.isFinite(options.perSecond)
    ? options.perSecond
    : undefined
  return {
    configured,
    adaptive: configured === undefined && options.adaptive !== false,
    burst: Math.max(1, Math.floor(options.burst ?? configured ?? 1)),
    minRate: Math.max(options.minPerSecond ?? (configured === undefined ? LEARNT_FLOOR : configured / 10), 0.01),
    daily: options.daily
  }
}

/** Builds a budget. All state is plain and mutated synchronously, so it is safe across fibers. */
export const makeBudget = (options: BudgetOptions): Budget => {
  const { adaptive, burst, configured, daily, minRate } = rulesOf(options)
  let rate = configured
  let theoreticalArrival = 0
  let pausedUntil = 0
  /** Counts the pauses, so that waiting fibers notice a new one. */
  let epoch = 0
  let ticket: Ticket = { epoch }
  /** The slot of the last caller that had to wait for one: until then (and a while after), demand is above the rate. */
  let saturatedAt = Number.NEGATIVE_INFINITY
  // Answers without a rate limit: this window's and the previous one's.
  let windowStart = Number.NEGATIVE_INFINITY
  let current = 0
  let previous = 0
  let day = -1
  let usedToday = 0

  const rollDay = (now: number) => {
    const today = Math.floor(now / DAY_MS)
    if (today !== day) {
      day = today
      usedToday = 0
    }
  }

  const rollWindow = (now: number) => {
    if (now - windowStart >= 2 * WINDOW_MS) {
      windowStart = now
      previous = 0
      current = 0
    } else if (now - windowStart >= WINDOW_MS) {
      windowStart += WINDOW_MS
      previous = current
      current = 0
    }
  }

  /** Successful requests over the last second (sliding-window estimate). */
  const seen = (now: number) => {
    rollWindow(now)
    return current + previous * Math.max(0, 1 - (now - windowStart) / WINDOW_MS)
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
    if (at > now) saturatedAt = at
    return at - now
  }

  /**
   * Sleeps until the reserved slot. A fiber that was already waiting when Crisp
   * refused a request (the epoch changed) takes a new slot after the pause: the
   * back-off holds every caller, not only those arriving later.
   */
  const waitForSlot: Effect.Effect<Ticket> = Effect.flatMap(Clock.currentTimeMillis, (now) => {
    const mine = epoch
    const wait = reserve(now)
    if (wait <= 0) return Effect.succeed(ticket)
    return Effect.flatMap(Effect.sleep(Duration.millis(wait)), () => (epoch === mine ? Effect.succeed(ticket) : waitForSlot))
  })

  /** A slot at once, when nothing is to wait for and today's allowance is not spent (the common case of a quiet bot). */
  const acquireNow = (now: number): Ticket | undefined => {
    rollDay(now)
    if ((daily !== undefined && usedToday >= daily) || rate !== undefined || pausedUntil > now) return undefined
    usedToday++
    return ticket
  }

  const acquire = (method: string, path: string): Effect.Effect<Ticket, CrispQuotaExhausted> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const at = acquireNow(now)
      if (at !== undefined) return Effect.succeed(at)
      if (daily !== undefined && usedToday >= daily) {
        return Effect.fail(new CrispQuotaExhausted({ method, path, allowance: daily, resetsAt: (day + 1) * DAY_MS }))
      }
      usedToday++
      return waitForSlot
    })

  const onRateLimited = (retryAfterMillis: number | undefined, of?: Ticket) =>
    Effect.map(Clock.currentTimeMillis, (now) => {
      if (!isRateSignal(retryAfterMillis)) return
      if (of !== undefined && of.epoch !== epoch) {
        // In flight before the latest pause: only a longer wait than that pause counts.
        if (retryAfterMillis !== undefined && now + retryAfterMillis > pausedUntil) {
          pausedUntil = now + retryAfterMillis
          theoreticalArrival = Math.max(theoreticalArrival, pausedUntil)
        }
        return
      }
      // Crisp said how long to wait: honour it and ease off a little. It did not:
      // halve the rate (multiplicative decrease; success adds back additively).
      const ease = retryAfterMillis === undefined ? EASE_BLIND : EASE_TOLD
      if (configured !== undefined) {
        rate = Math.max(minRate, (rate ?? configured) * ease)
      } else if (adaptive) {
        if (rate === undefined) {
          // The first refusal: pace at what has been succeeding (nothing to learn from none).
          const succeeded = seen(now)
          if (succeeded >= 1) rate = Math.max(minRate, succeeded)
        } else {
          rate = Math.max(minRate, rate * ease)
        }
      }
      const pause = retryAfterMillis ?? (rate === undefined ? 0 : 1000 / rate)
      pausedUntil = Math.max(pausedUntil, now + pause)
      // Every waiting fiber takes a new slot from the pause on: the old ones are void.
      theoreticalArrival = pausedUntil
      epoch++
      ticket = { epoch }
    })

  const answeredNow = (now: number) => {
    rollWindow(now)
    current++
    if (rate === undefined) return
    if (configured !== undefined) {
      if (rate < configured) rate = Math.min(configured, rate + configured * RECOVERY_SHARE)
    } else if (now - saturatedAt < WINDOW_MS) {
      rate += PROBE_STEP
    }
  }

  const onAnswered = (_: Ticket) => Effect.map(Clock.currentTimeMillis, answeredNow)

  const state = Effect.map(Clock.currentTimeMillis, (now): BudgetState => {
    rollDay(now)
    return {
      configuredPerSecond: configured,
      currentPerSecond: rate,
      remainingToday: daily === undefined ? undefined : Math.max(0, daily - usedToday),
      usedToday,
      pausedUntil: pausedUntil > now ? pausedUntil : undefined,
      shared: false
    }
  })

  return { acquire, acquireNow, onRateLimited, onAnswered, answeredNow, state }
}
