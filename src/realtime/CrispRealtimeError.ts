/**
 * The typed errors of the realtime connection.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { CrispEvents } from "effect-crisp/realtime"
 *
 * const program = CrispEvents.on("message:send").pipe(
 *   Stream.runDrain,
 *   Effect.catchTag("CrispRealtimeUnauthorized", (e) => Effect.logError(e.message))
 * )
 * ```
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Crisp refused the realtime credentials: the server answered `authentication` with
 * `unauthorized`, refused the Socket.IO connect (`44`), or the endpoint discovery
 * call was refused (401/403). Retrying cannot help, so the connection stops: the
 * events stream fails with this error and the connection state becomes
 * `"Unauthorized"`. It never contains the key.
 *
 * @example
 * ```ts
 * import { CrispRealtimeUnauthorized } from "effect-crisp/realtime"
 *
 * const error = new CrispRealtimeUnauthorized({ stage: "authentication", reason: "invalid token" })
 * error.message // "Crisp RTM refused the credentials during authentication: invalid token"
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class CrispRealtimeUnauthorized extends Schema.TaggedError<CrispRealtimeUnauthorized>(
  "effect-crisp/CrispRealtimeUnauthorized"
)("CrispRealtimeUnauthorized", {
  /** Which step refused: the `authentication` event, the Socket.IO connect, or endpoint discovery. */
  stage: Schema.Literal("authentication", "connect", "discovery"),
  /** What the server said (a short, key-free description). */
  reason: Schema.String
}) {
  override get message(): string {
    return `Crisp RTM refused the credentials during ${this.stage}: ${this.reason}`
  }
}

/**
 * The realtime answer to a request did not arrive: no matching event (e.g.
 * `bucket:url:upload:generated` for `BucketURL.generateAndWait`) within
 * `timeoutMillis` after the request was accepted, or the events stream ended
 * before one came (`streamEnded`). The request itself was sent and accepted.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { BucketURL } from "effect-crisp"
 *
 * const url = BucketURL.generateAndWait({ namespace: "upload", id: "upload-1" }, { timeout: "5 seconds" }).pipe(
 *   Effect.catchTag("CrispEventTimeout", (e) => Effect.logWarning(e.message))
 * )
 * ```
 *
 * @since 0.2.0
 * @category errors
 */
export class CrispEventTimeout extends Schema.TaggedError<CrispEventTimeout>("effect-crisp/CrispEventTimeout")(
  "CrispEventTimeout",
  {
    /** The event that was awaited. */
    event: Schema.String,
    /** The request's own id, which the event was to carry. */
    requestId: Schema.String,
    /** How long the answer was awaited. */
    timeoutMillis: Schema.Number,
    /** `true` when the events stream ended before the answer came. */
    streamEnded: Schema.optional(Schema.Boolean)
  }
) {
  override get message(): string {
    return `No "${this.event}" event for request ${JSON.stringify(this.requestId)} ` +
      (this.streamEnded === true ? "before the events stream ended" : `within ${this.timeoutMillis} ms`)
  }
}
