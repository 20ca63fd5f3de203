/**
 * WebsiteAnalytics.generate: the query goes out as it is (documented parts typed,
 * other fields passed through), the points decode, and a query missing a
 * documented required part is refused before anything is sent.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { WebsiteAnalytics } from "../../src/index.js"
import * as Support from "../support/crisp.js"
import * as Loopback from "../support/loopback.js"

const W = "website-1"
const date = { from: "2026-03-01T00:00:00.000Z", to: "2026-03-08T00:00:00.000Z", split: "day", timezone: "UTC" }

describe("WebsiteAnalytics.generate", () => {
  it.scopedLive("sends the query unchanged, extra fields included, and answers the points", () =>
    Effect.gen(function*() {
      const points = [
        { period: "2026-03-01", value: 4, hits: 4, unique_hits: 3 },
        { period: "2026-03-02", value: 0, split_by: "chat", future_field: true }
      ]
      const server = yield* Loopback.make(() => Loopback.envelope(points))
      const query = {
        metric: "conversation",
        type: "conversation",
        date,
        split_by: "origin",
        filter: { inbox_id: ["inbox-1"] },
        some_new_option: { deep: [1, 2] }
      }
      const answer = yield* WebsiteAnalytics.generate(W, query).pipe(Effect.provide(Support.layer(server, { retry: false })))
      expect(answer).toEqual([
        { period: "2026-03-01", value: 4, hits: 4, unique_hits: 3 },
        { period: "2026-03-02", value: 0, split_by: "chat" }
      ])
      const [sent] = yield* server.requests
      expect([sent!.method, sent!.url, JSON.parse(sent!.body)]).toEqual(["POST", `/v1/website/${W}/analytics/generate`, query])
    }))

  it.scopedLive("a query without its metric, type or period, or with a wrongly typed part, is refused unsent", () =>
    Effect.gen(function*() {
      const server = yield* Loopback.make(() => Loopback.envelope([]))
      const refused = [
        [{ type: "conversation", date }, "metric"],
        [{ metric: "conversation", date }, "type"],
        [{ metric: "conversation", type: "conversation" }, "date"],
        [{ metric: "conversation", type: "conversation", date: { from: "2026-03-01" } }, "date.to"],
        [{ metric: "conversation", type: "conversation", date, raw_export: "yes" }, "raw_export"]
      ] as const
      for (const [query, field] of refused) {
        const error = yield* Effect.flip(
          WebsiteAnalytics.generate(W, query as never).pipe(Effect.provide(Support.layer(server, { retry: false })))
        )
        expect(error._tag).toBe("CrispInvalidRequest")
        expect(error.message).toContain(`at ${field}:`)
      }
      expect(yield* server.requests).toEqual([])
    }))
})
