/**
 * The per-attempt timeout of the HTTP layer.
 *
 * `Effect.timeoutFail` races two fibers (the effect and a sleep) for every call;
 * on loopback that is the largest single cost of the pipeline (~80 µs of CPU per
 * request, measured in bench/http.ts). On the default live clock this runs the
 * effect in one child fiber watched by a plain timer instead (~35 µs), with the
 * same outcome: success or failure as the effect ends, or the timeout error after
 * the child was interrupted and has finished. One difference: FiberRef changes
 * made by `self` stay in the child (joining them back diffs every FiberRef, ~10 µs
 * per request, and a request sets none that its caller reads). Under any other
 * clock (the TestClock, a custom one) it is `Effect.timeoutFail` itself, so tests
 * keep control of time.
 */
import { type Clock, Duration, Effect, type Exit, Fiber } from "effect"

/** The clock of the default services: the one real programs run on. */
const liveClock: Clock.Clock = Effect.runSync(Effect.clock)

/** Longer delays do not fit `setTimeout`; they go through `Effect.timeoutFail`. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/** Fails with `onTimeout()` when `self` has not ended within `duration`; `self` is interrupted then. */
export const timeoutFail = <A, E, R, E1>(
  self: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => E1
): Effect.Effect<A, E | E1, R> =>
  Effect.clockWith((clock) => {
    const millis = Duration.toMillis(duration)
    if (clock !== liveClock || !(millis <= MAX_TIMER_MILLIS)) return Effect.timeoutFail(self, { duration, onTimeout })
    return Effect.fiberIdWith((parentId) =>
      Effect.flatMap(Effect.fork(self), (child) =>
        Effect.async<A, E | E1>((resume) => {
          let settled = false
          const onExit = (exit: Exit.Exit<A, E>) => {
            if (settled) return
            settled = true
            clearTimeout(timer)
            resume(exit)
          }
          const timer = setTimeout(() => {
            if (settled) return
            settled = true
            child.removeObserver(onExit)
            resume(Effect.zipRight(Fiber.interruptAs(child, parentId), Effect.fail(onTimeout())))
          }, millis)
          child.addObserver(onExit)
          return Effect.suspend(() => {
            if (settled) return Effect.void
            settled = true
            clearTimeout(timer)
            child.removeObserver(onExit)
            return Effect.asVoid(Fiber.interruptAs(child, parentId))
          })
        })))
  })
