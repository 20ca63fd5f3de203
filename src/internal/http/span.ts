/**
 * Spans for the hot path.
 *
 * `Effect.withSpan` builds a span, adds it to the context and ends it on every
 * call, ~15 µs of CPU on loopback, even when nothing reads it: with Effect's
 * built-in tracer (no tracer layer installed) a span is never exported and no code
 * of ours runs inside that could look at it. So the span is only made when the
 * program installed a tracer of its own (OpenTelemetry, the devtools, a test
 * recorder).
 */
import { Effect, type Tracer } from "effect"

/** The tracer of the default services: the one that exports nothing (read on first use, not at import). */
let builtInTracer: Tracer.Tracer | undefined

/** `Effect.withSpan(self, name, options)` when a tracer is installed; `self` otherwise. */
export const withSpanIfTraced = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  name: string,
  options: Tracer.SpanOptions
): Effect.Effect<A, E, R> =>
  Effect.tracerWith((tracer) =>
    tracer === (builtInTracer ??= Effect.runSync(Effect.tracer)) ? self : Effect.withSpan(self, name, options)
  )
