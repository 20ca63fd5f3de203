import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { withSpanIfTraced } from "../../src/internal/http/span.js"
import { recordingTracer } from "../support/observe.js"

const spanNameInside = Effect.map(Effect.option(Effect.currentSpan), Option.map((span) => span.name))

describe("withSpanIfTraced", () => {
  it.effect("makes the span when a tracer is installed", () =>
    Effect.gen(function*() {
      const recorder = recordingTracer()
      const inside = yield* withSpanIfTraced(spanNameInside, "Website.get", { kind: "client" }).pipe(
        Effect.withTracer(recorder.tracer)
      )
      expect(inside).toEqual(Option.some("Website.get"))
      expect(recorder.spans.map((s) => [s.name, s.kind, s.exit?._tag])).toEqual([["Website.get", "client", "Success"]])
    }))

  it.effect("skips it under Effect's built-in tracer, which exports nothing", () =>
    Effect.gen(function*() {
      expect(yield* withSpanIfTraced(spanNameInside, "Website.get", { kind: "client" })).toEqual(Option.none())
      // Effect.withSpan itself would have made one.
      expect(yield* Effect.withSpan(spanNameInside, "Website.get")).toEqual(Option.some("Website.get"))
    }))
})
