/**
 * The `CrispEvents` service and the streams that read it: the tag, `all`, `on`
 * and the `select` they share. Nothing here loads the event hub or a socket, so
 * a REST module that waits for an event (`BucketURL.generateAndWait`) can use it
 * without pulling the realtime machinery into the REST entry. The public module
 * is `realtime/CrispEvents.ts`.
 */
import { Chunk, Context, Effect, Stream } from "effect"
import type { CrispEvent, EventName, Payload } from "../../realtime/CrispEvent.js"
import type { CrispRealtimeUnauthorized } from "../../realtime/CrispRealtimeError.js"

/** One hot stream of every event (see `CrispEvents.Service`). */
export interface Service {
  readonly events: Stream.Stream<CrispEvent, CrispRealtimeUnauthorized>
}

/** The events source (see `CrispEvents.CrispEvents`). */
export class CrispEvents extends Context.Tag("effect-crisp/CrispEvents")<CrispEvents, Service>() {}

/** Every event (see `CrispEvents.all`). */
export const all: Stream.Stream<CrispEvent, CrispRealtimeUnauthorized, CrispEvents> = Stream.unwrap(
  Effect.map(CrispEvents, (service) => service.events)
)

/** The events `keep` maps to a value, in order. */
export const select = <A>(keep: (event: CrispEvent) => A | undefined) =>
  Stream.mapChunks(all, (chunk: Chunk.Chunk<CrispEvent>) => {
    const out: Array<A> = []
    for (const event of chunk) {
      const kept = keep(event)
      if (kept !== undefined) out.push(kept)
    }
    return Chunk.unsafeFromArray(out)
  })

/** The payloads of one event (see `CrispEvents.on`). */
export const on = <N extends EventName>(name: N): Stream.Stream<Payload<N>, CrispRealtimeUnauthorized, CrispEvents> =>
  select((event) => (event._tag === "Event" && event.name === name ? event.data as Payload<N> : undefined))
