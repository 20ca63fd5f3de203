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
import { type Clock, Duration, Effect, type Exit, Fiber, FiberRef } from "effect"

/** The clock of the default services: the one real programs run on (read on first use, not at import). */
let liveClock: Clock.Clock | undefined

/** Whether `clock` is the default services' clock (then a plain timer keeps the same time). */
export const isLive = (clock: Clock.Clock): boolean => clock === (liveClock ??= Effect.runSync(Effect.clock))

/** Longer delays do not fit `setTimeout`; they go through `Effect.timeoutFail`. */
export const MAX_TIMER_MILLIS = 2 ** 31 - 1

/** A FiberRef value that holds while the effect runs, as `Effect.locally` would set it. */
export interface Local<T> {
  readonly ref: FiberRef.FiberRef<T>
  readonly value: T
}

/**
 * Fails with `onTimeout()` when `self` has not ended within `duration`; `self` is
 * interrupted then. With `local`, `self` runs with that FiberRef value: set in
 * the child fiber, which needs no restoring (cheaper than `Effect.locally`).
 */
export const timeoutFail = <A, E, R, E1, T>(
  self: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => E1,
  local?: Local<T>
): Effect.Effect<A, E | E1, R> =>
  Effect.clockWith((clock) => {
    const millis = Duration.toMillis(duration)
    if (!isLive(clock) || !(millis <= MAX_TIMER_MILLIS)) {
      const scoped = local === undefined ? self : Effect.locally(self, local.ref, local.value)
      return Effect.timeoutFail(scoped, { duration, onTimeout })
    }
    const inChild = local === undefined ? self : Effect.zipRight(FiberRef.set(local.ref, local.value), self)
    return Effect.fiberIdWith((parentId) =>
      Effect.flatMap(Effect.fork(inChild), (child) =>
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
