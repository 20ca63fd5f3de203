/**
 * The retry policy as a `Schedule` over the error of each failed attempt.
 *
 * - `CrispRateLimited` (420/429) is retried for every verb: the request was refused,
 *   not performed. Its `Retry-After` is honoured; without one, capped exponential
 *   backoff with jitter is used.
 * - 5xx answers and transport failures are retried only for idempotent verbs
 *   (GET, HEAD, PUT, DELETE): Crisp has no idempotency keys, so a retried POST or
 *   PATCH could, for example, send a message twice.
 */
import { Duration, Effect, Schedule, ScheduleDecision } from "effect"
import type { CrispError } from "../../CrispError.js"

/**
 * How failed requests are retried. Every field is optional; `false` in place of a
 * policy turns retries off.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 4. */
  readonly maxAttempts?: number
  /** First backoff delay; each retry doubles it, with ±20% jitter. Default 250 ms. */
  readonly baseDelay?: Duration.DurationInput
  /** Longest backoff delay. Default 8 seconds. */
  readonly maxDelay?: Duration.DurationInput
  /** No retry starts once this much time has passed since the first attempt. Default 30 seconds. */
  readonly maxElapsed?: Duration.DurationInput
  /** A `Retry-After` longer than this is not waited for: the call fails at once. Default 60 seconds. */
  readonly maxRetryAfter?: Duration.DurationInput
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"])

/** Whether a verb may be repeated after a 5xx or a transport failure. */
export const isIdempotent = (method: string): boolean => IDEMPOTENT.has(method)

/** Whether one failed attempt may be tried again. */
export const isRetryable = (error: CrispError, idempotent: boolean): boolean => {
  switch (error._tag) {
    case "CrispRateLimited":
      return true
    case "CrispTransportError":
      return idempotent
    case "CrispApiError":
      // 501 is "not implemented": asking again cannot help.
      return idempotent && error.status >= 500 && error.status !== 501
    default:
      return false
  }
}

/** A compiled policy: one schedule for idempotent verbs, one for the others. */
export interface RetrySchedules {
  readonly idempotent: Schedule.Schedule<unknown, CrispError>
  readonly other: Schedule.Schedule<unknown, CrispError>
}

/** Builds the schedules of a policy once; `false` builds schedules that never retry. */
export const compileRetry = (policy: RetryPolicy | false | undefined): RetrySchedules => {
  if (policy === false) {
    const never = Schedule.stop as Schedule.Schedule<unknown, CrispError>
    return { idempotent: never, other: never }
  }
  return { idempotent: makeSchedule(policy ?? {}, true), other: makeSchedule(policy ?? {}, false) }
}

const makeSchedule = (policy: RetryPolicy, idempotent: boolean): Schedule.Schedule<unknown, CrispError> => {
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts ?? 4))
  const base = Duration.decode(policy.baseDelay ?? "250 millis")
  const maxDelay = Duration.decode(policy.maxDelay ?? "8 seconds")
  const maxElapsed = Duration.decode(policy.maxElapsed ?? "30 seconds")
  const maxRetryAfterMillis = Duration.toMillis(policy.maxRetryAfter ?? "60 seconds")
  return Schedule.identity<CrispError>().pipe(
    Schedule.whileInput((error) =>
      isRetryable(error, idempotent) &&
      !(error._tag === "CrispRateLimited" && (error.retryAfterMillis ?? 0) > maxRetryAfterMillis)
    ),
    Schedule.intersect(Schedule.recurs(maxAttempts - 1)),
    Schedule.intersect(Schedule.jittered(Schedule.exponential(base))),
    Schedule.modifyDelay(([[error]], delay) =>
      error._tag === "CrispRateLimited" && error.retryAfterMillis !== undefined
        ? Duration.millis(error.retryAfterMillis)
        : Duration.min(delay, maxDelay)
    ),
    Schedule.upTo(maxElapsed),
    Schedule.onDecision(([[error]], decision) =>
      ScheduleDecision.isContinue(decision)
        ? Effect.logDebug(`effect-crisp: retrying after ${error._tag}: ${error.message}`)
        : Effect.void
    )
  )
}

/**
 * Retries `attempt` by `schedule`, starting from the error of a first attempt that
 * already ran. Equivalent to `Effect.retry`, but the schedule's driver is only
 * created on this (failure) path, which keeps it off the cost of successful calls.
 */
export const retryAfter = <A>(
  attempt: Effect.Effect<A, CrispError>,
  schedule: Schedule.Schedule<unknown, CrispError>,
  first: CrispError
): Effect.Effect<A, CrispError> =>
  Effect.flatMap(Schedule.driver(schedule), (driver) => {
    const loop = (error: CrispError): Effect.Effect<A, CrispError> =>
      Effect.matchEffect(driver.next(error), {
        onFailure: () => Effect.fail(error),
        onSuccess: () => Effect.catchAll(attempt, loop)
      })
    return loop(first)
  })
