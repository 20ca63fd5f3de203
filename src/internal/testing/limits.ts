/**
 * The in-memory Crisp's traffic controls: a token bucket (Crisp's per-IP load
 * balancer limit), a daily quota (Crisp's per-plugin quota), and injected faults.
 * Time always comes from the caller (the Effect `Clock`), so a `TestClock` drives them.
 */

/** Rate limiting, as set with `limit`. */
export interface LimitOptions {
  /** Steady rate of the token bucket, requests per second. Without it there is no bucket. */
  readonly perSecond?: number | undefined
  /** Bucket size: requests that may go at once. Default: `perSecond` (at least 1). */
  readonly burst?: number | undefined
  /** Status of a refused request: 429 (default) or 420, as Crisp answers either. */
  readonly status?: 429 | 420 | undefined
  /** Send `Retry-After` (whole seconds) with refusals. Default false. */
  readonly retryAfter?: boolean | undefined
  /**
   * Requests allowed per UTC day and per plugin token (Crisp's "Plugin Quota";
   * other tiers are not counted). Past it: 429, reason `"quota_exceeded"`.
   */
  readonly dailyQuota?: number | undefined
}

/** Why a limit option cannot be used, or `undefined` when all are fine. */
export const checkLimitOptions = (options: LimitOptions): string | undefined => {
  const { perSecond, burst, status, dailyQuota } = options
  if (perSecond !== undefined && !(Number.isFinite(perSecond) && perSecond > 0)) {
    return `perSecond must be a positive number, got ${perSecond}`
  }
  if (burst !== undefined && !(Number.isFinite(burst) && burst >= 1)) return `burst must be at least 1, got ${burst}`
  if (burst !== undefined && perSecond === undefined) return "burst needs perSecond"
  if (status !== undefined && status !== 429 && status !== 420) return `status must be 429 or 420, got ${String(status)}`
  if (dailyQuota !== undefined && !(Number.isInteger(dailyQuota) && dailyQuota >= 0)) {
    return `dailyQuota must be a non-negative integer, got ${dailyQuota}`
  }
  return undefined
}

/** A refusal: wait at least this long before trying again. */
export interface Refused {
  readonly retryAfterSeconds: number
}

/** A continuous-refill token bucket. */
export class TokenBucket {
  private tokens: number
  private last: number | undefined

  constructor(readonly perSecond: number, readonly capacity: number) {
    this.tokens = capacity
  }

  /** Takes one token at `now` (ms), or says how long until one is there. */
  take(now: number): Refused | undefined {
    if (this.last !== undefined && now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    }
    if (this.last === undefined || now > this.last) this.last = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return undefined
    }
    return { retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond)) }
  }
}

const DAY = 86_400_000

/** Requests per token per UTC day. */
export class DailyQuota {
  private day = -1
  private readonly counts = new Map<string, number>()

  constructor(readonly allowance: number) {}

  take(identifier: string, now: number): Refused | undefined {
    const day = Math.floor(now / DAY)
    if (day !== this.day) {
      this.day = day
      this.counts.clear()
    }
    const used = this.counts.get(identifier) ?? 0
    if (used >= this.allowance) {
      return { retryAfterSeconds: Math.max(1, Math.ceil(((day + 1) * DAY - now) / 1000)) }
    }
    this.counts.set(identifier, used + 1)
    return undefined
  }
}

/** A fault to inject into the next matching requests. */
export interface Fault {
  /** How many matching requests it applies to. Default 1. */
  readonly times?: number | undefined
  /** Only requests with this verb (upper case). */
  readonly method?: string | undefined
  /** Only requests whose path (below the base, still encoded) equals this string or matches this RegExp. */
  readonly path?: string | RegExp | undefined
  /** Answer this status instead of handling the request. */
  readonly status?: number | undefined
  /** The body to answer with `status` (default: a Crisp error envelope). */
  readonly body?: string | undefined
  /** Headers to add to the answer (e.g. `{ "retry-after": "1" }`, a `content-type`). */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Answer this many milliseconds late. */
  readonly delayMillis?: number | undefined
  /** Drop the connection without answering. */
  readonly drop?: boolean | undefined
  /**
   * With `status` or `drop`: handle the request anyway (its change happens) and
   * only then answer the fault — a reply lost after the work was done. Default false.
   */
  readonly processed?: boolean | undefined
}

/** Why a fault cannot be used, or `undefined`. */
export const checkFault = (fault: Fault): string | undefined => {
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times >= 1)) {
    return `times must be a positive integer, got ${fault.times}`
  }
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
    return `status must be an HTTP status (100-599), got ${fault.status}`
  }
  if (fault.delayMillis !== undefined && !(Number.isFinite(fault.delayMillis) && fault.delayMillis >= 0)) {
    return `delayMillis must be a non-negative number, got ${fault.delayMillis}`
  }
  if (fault.status !== undefined && fault.drop === true) return "a fault either answers a status or drops, not both"
  if (fault.status === undefined && fault.drop !== true && fault.delayMillis === undefined) {
    return "a fault needs a status, drop: true or delayMillis"
  }
  return undefined
}

/** The faults waiting for requests, consumed in the order they were added. */
export class FaultQueue {
  private entries: Array<{ readonly fault: Fault; remaining: number }> = []

  add(fault: Fault): void {
    this.entries.push({ fault, remaining: fault.times ?? 1 })
  }

  clear(): void {
    this.entries = []
  }

  get pending(): number {
    return this.entries.reduce((n, e) => n + e.remaining, 0)
  }

  /** The first fault matching a request, consumed once. */
  take(method: string, path: string): Fault | undefined {
    const index = this.entries.findIndex(({ fault }) =>
      (fault.method === undefined || fault.method.toUpperCase() === method) &&
      (fault.path === undefined || (typeof fault.path === "string" ? fault.path === path : fault.path.test(path))))
    if (index < 0) return undefined
    const entry = this.entries[index]!
    entry.remaining -= 1
    if (entry.remaining <= 0) this.entries.splice(index, 1)
    return entry.fault
  }
}
