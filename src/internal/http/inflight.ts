/**
 * A request that must not be repeated (POST, PATCH) is never abandoned half-sent.
 *
 * Interrupting the fiber of an HTTP call aborts it: for a GET that is harmless, but a
 * POST aborted while its body is on the wire, or after Crisp read it, may or may not
 * have been performed (a message sent, or not), and nobody would know. So once a POST
 * has been handed to the HTTP client, an interruption waits for its answer (the
 * per-attempt timeout still bounds the wait); then the fiber stops. If the attempt
 * fails meanwhile (timeout, connection lost, an error status), a warning says so: the
 * request may have been performed. A POST interrupted before it was handed over (while
 * waiting for the budget, or between retries) is not sent at all.
 */
import { Effect, Exit, Fiber } from "effect"
import type { CrispError } from "../../CrispError.js"
import type { RequestInfo } from "./response.js"

const reportInterrupted = <A>(exit: Exit.Exit<A, CrispError>, info: RequestInfo): Effect.Effect<void> =>
  Exit.match(exit, {
    onSuccess: () => Effect.logDebug(`effect-crisp: ${info.method} /${info.path} was in flight when interrupted; it completed`),
    onFailure: (cause) => {
      const failure = cause._tag === "Fail" ? cause.error.message : "it did not complete"
      return Effect.logWarning(
        `effect-crisp: ${info.method} /${info.path} was in flight when interrupted and failed (${failure}); ` +
          "Crisp may or may not have performed it"
      ).pipe(Effect.annotateLogs({ "http.request.method": info.method }))
    }
  })

/** Runs `attempt` so that an interruption arriving while it is in flight waits for its end. */
export const completeInFlight = <A>(attempt: Effect.Effect<A, CrispError>, info: RequestInfo): Effect.Effect<A, CrispError> =>
  Effect.uninterruptibleMask((restore) =>
    // A pending interruption stops the call here, before anything is sent.
    Effect.zipRight(
      restore(Effect.void),
      // A daemon, not a child: an interruption of this fiber is passed on to its
      // children at once, and this one must run on to its answer.
      // Its exit is awaited, not joined: joining would merge its FiberRefs back (~10 µs),
      // and a request sets none that the caller reads.
      Effect.flatMap(Effect.forkDaemon(Effect.interruptible(attempt)), (fiber) =>
        restore(Effect.flatten(Fiber.await(fiber))).pipe(
          Effect.onInterrupt(() => Effect.flatMap(Fiber.await(fiber), (exit) => reportInterrupted(exit, info)))
        ))
    )
  )
