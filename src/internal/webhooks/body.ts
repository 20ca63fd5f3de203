/** Reading a request body to its end, refusing it past a byte limit. */
import { Effect, Stream } from "effect"
import { concat } from "../bytes.js"

/** The body went over the limit. */
export class TooLarge {
  readonly _tag = "TooLarge"
  constructor(readonly limit: number) {}
}

/** The body could not be read to its end (client went away, transport error). */
export class Unreadable {
  readonly _tag = "Unreadable"
  constructor(readonly detail: string) {}
}

/** `Content-Length` above `limit`: refuse before reading anything. Absent or unparsable: `false`. */
export const declaredTooLarge = (contentLength: string | null | undefined, limit: number): boolean => {
  if (contentLength === undefined || contentLength === null) return false
  const trimmed = contentLength.trim()
  if (!/^\d+$/.test(trimmed)) return false
  return Number(trimmed) > limit
}

/**
 * Collects a byte stream, counting as it goes. Past `limit` bytes nothing more is kept
 * and the result is {@link TooLarge}; the rest of the body is still read and discarded
 * up to `drain` more bytes, so that the client (which is still sending) gets the 413
 * answer on a healthy connection. Past `limit + drain` the stream is interrupted at once
 * (with node's server that closes the connection).
 */
export const collect = <E>(
  stream: Stream.Stream<Uint8Array, E>,
  limit: number,
  drain = 0
): Effect.Effect<Uint8Array<ArrayBuffer>, TooLarge | E> =>
  Effect.suspend(() => {
    let chunks: Array<Uint8Array> = []
    let size = 0
    return Stream.runForEach(stream, (chunk) => {
      size += chunk.length
      if (size > limit) {
        chunks = []
        return size > limit + drain ? Effect.fail(new TooLarge(limit)) : Effect.void
      }
      chunks.push(chunk)
      return Effect.void
    }).pipe(Effect.flatMap(() => {
      if (size > limit) return Effect.fail(new TooLarge(limit))
      return Effect.succeed(concat(chunks, size))
    }))
  })
