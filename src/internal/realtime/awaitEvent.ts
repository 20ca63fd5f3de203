/**
 * Requests that Crisp answers over the realtime channel (bucket URLs, animation
 * searches): listen for the answer first, then send, then wait for the event that
 * matches the request, with a timeout.
 */
import { Duration, Effect, Fiber, FiberStatus, Option, Stream } from "effect"
import type { EventName, Payload } from "../../realtime/CrispEvent.js"
import { type CrispEvents, on } from "./events.js"
import { CrispEventTimeout, type CrispRealtimeUnauthorized } from "../../realtime/CrispRealtimeError.js"

/** What {@link sendAndAwait} needs. */
export interface AwaitedRequest<N extends EventName, E, R> {
  /** The event that carries the answer. */
  readonly event: N
  /** The request's id, as the answer repeats it. */
  readonly requestId: string
  /** Whether an event of that name answers this request. */
  readonly matches: (payload: Payload<N>) => boolean
  /** The REST call. */
  readonly send: Effect.Effect<unknown, E, R>
  /** How long to wait for the answer once the call succeeded. */
  readonly timeout: Duration.DurationInput
}

// Hubs subscribe synchronously when their stream starts and then park the reader
// until an event comes, so a listener that is suspended (or already done) is
// subscribed. Bounded, in case a custom events source never parks.
const MAX_YIELDS = 1_000

const untilListening = (fiber: Fiber.RuntimeFiber<unknown, unknown>, left = MAX_YIELDS): Effect.Effect<void> =>
  Effect.flatMap(fiber.status, (status) =>
    FiberStatus.isRunning(status) && left > 0
      ? Effect.zipRight(Effect.yieldNow(), untilListening(fiber, left - 1))
      : Effect.void)

/**
 * Subscribes to `event`, sends the request once the subscription is live (so an
 * answer that comes before the REST call returns is not missed), then waits for
 * the first matching event. Fails with `CrispEventTimeout` when none comes within
 * `timeout` after the call succeeded, or when the events stream ends first.
 */
export const sendAndAwait = <N extends EventName, E, R>(
  request: AwaitedRequest<N, E, R>
): Effect.Effect<Payload<N>, E | CrispEventTimeout | CrispRealtimeUnauthorized, R | CrispEvents> => {
  const timeoutMillis = Duration.toMillis(Duration.decode(request.timeout))
  const missed = (streamEnded: boolean) =>
    new CrispEventTimeout({
      event: request.event,
      requestId: request.requestId,
      timeoutMillis,
      ...(streamEnded ? { streamEnded } : {})
    })
  return Effect.scoped(Effect.gen(function*() {
    const listener = yield* on(request.event).pipe(
      Stream.filter(request.matches),
      Stream.runHead,
      Effect.forkScoped
    )
    yield* untilListening(listener)
    yield* request.send
    const answer = yield* Fiber.join(listener).pipe(
      Effect.timeoutFail({ duration: request.timeout, onTimeout: () => missed(false) })
    )
    return Option.isSome(answer) ? answer.value : yield* Effect.fail(missed(true))
  }))
}
