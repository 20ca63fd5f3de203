/**
 * What a program shows the outside world, captured for assertions: every span a
 * tracer sees (name, attributes, events, exit) and every log line at debug level.
 */
import { Cause, Effect, Exit, Layer, Logger, LogLevel, Option, Tracer } from "effect"
import type * as Context from "effect/Context"

/** A finished or running span as the recording tracer saw it. */
export interface RecordedSpan {
  readonly name: string
  readonly kind: Tracer.SpanKind
  readonly traceId: string
  readonly spanId: string
  readonly parentName: string | undefined
  readonly attributes: Map<string, unknown>
  readonly events: Array<{ readonly name: string; readonly attributes: Record<string, unknown> | undefined }>
  exit: Exit.Exit<unknown, unknown> | undefined
}

/** A tracer that records its spans, and its spans. */
export interface Recorder {
  readonly tracer: Tracer.Tracer
  readonly spans: Array<RecordedSpan>
}

const hex = (bytes: number) => {
  let out = ""
  for (let i = 0; i < bytes * 2; i++) out += Math.floor(Math.random() * 16).toString(16)
  return out
}

/** A new recording tracer (one per test). */
export const recordingTracer = (): Recorder => {
  const spans: Array<RecordedSpan> = []
  const tracer = Tracer.make({
    span: (name, parent, context: Context.Context<never>, links, startTime, kind) => {
      const parentSpan = Option.getOrUndefined(parent)
      const record: RecordedSpan = {
        name,
        kind,
        traceId: parentSpan?.traceId ?? hex(16),
        spanId: hex(8),
        parentName: parentSpan?._tag === "Span" ? parentSpan.name : undefined,
        attributes: new Map(),
        events: [],
        exit: undefined
      }
      spans.push(record)
      let status: Tracer.SpanStatus = { _tag: "Started", startTime }
      let spanLinks = links
      const span: Tracer.Span = {
        _tag: "Span",
        name,
        spanId: record.spanId,
        traceId: record.traceId,
        parent,
        context,
        get status() {
          return status
        },
        attributes: record.attributes,
        get links() {
          return spanLinks
        },
        sampled: true,
        kind,
        end: (endTime, exit) => {
          status = { _tag: "Ended", startTime, endTime, exit }
          record.exit = exit
        },
        attribute: (key, value) => {
          record.attributes.set(key, value)
        },
        event: (eventName, _time, attributes) => {
          record.events.push({ name: eventName, attributes })
        },
        addLinks: (more) => {
          spanLinks = [...spanLinks, ...more]
        }
      }
      return span
    },
    context: (f) => f()
  })
  return { tracer, spans }
}

/** Every span as text (name, attributes, events, failure), for "does X appear anywhere" checks. */
export const renderSpans = (spans: ReadonlyArray<RecordedSpan>): string =>
  spans.map((span) =>
    [
      span.name,
      ...Array.from(span.attributes, ([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`),
      ...span.events.map((e) => `${e.name} ${JSON.stringify(e.attributes ?? {})}`),
      span.exit === undefined || Exit.isSuccess(span.exit) ? "" : Cause.pretty(span.exit.cause)
    ].join("\n")
  ).join("\n---\n")

/** Log lines captured by {@link captureLogs}. */
export interface CapturedLogs {
  /** Each line as `logfmt` (message, level, annotations, spans, cause). */
  readonly lines: Array<string>
  /** Each line's level. */
  readonly levels: Array<LogLevel.LogLevel>
  /** Replaces the default logger with the capture and lowers the minimum level to Debug. */
  readonly layer: Layer.Layer<never>
}

/** A logger that keeps every line, at every level, in memory. */
export const captureLogs = (): CapturedLogs => {
  const lines: Array<string> = []
  const levels: Array<LogLevel.LogLevel> = []
  const logger = Logger.make((options) => {
    lines.push(Logger.logfmtLogger.log(options))
    levels.push(options.logLevel)
  })
  const layer = Layer.merge(
    Logger.replace(Logger.defaultLogger, logger),
    Logger.minimumLogLevel(LogLevel.Debug)
  )
  return { lines, levels, layer }
}

/** Runs `self` with a tracer and logs it as an error when it fails (so the failure reaches the logs too). */
export const logFailure = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.tapErrorCause(self, (cause) => Effect.logError("call failed", cause))
