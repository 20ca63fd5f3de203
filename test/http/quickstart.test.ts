import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Context, Effect, Fiber, Layer, Option, Redacted, Schedule, Stream } from "effect"
import { Crisp, CrispHttp, WebsiteSettings } from "../../src/index.js"
import { CrispEvents, CrispRealtime } from "../../src/realtime.js"
import { CrispSimulator } from "../../src/testing.js"

const fromEnv = (entries: Record<string, string>) =>
  Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries))))

describe("quick-start layers, against the simulator", () => {
  it.scopedLive("Crisp.layerConfig: REST over fetch, and nothing else", () =>
    Effect.gen(function*() {
      const simulator = yield* CrispSimulator.serve()
      const layer = Crisp.layerConfig({ retry: false }).pipe(Layer.provide(fromEnv({
        CRISP_IDENTIFIER: simulator.identifier,
        CRISP_KEY: simulator.key,
        CRISP_TIER: simulator.tier,
        CRISP_REST_URL: simulator.restUrl
      })))
      const context = yield* Layer.build(layer)
      expect(Option.isSome(Context.getOption(context, CrispHttp.CrispHttp))).toBe(true)
      expect(Option.isNone(Context.getOption(context, CrispEvents.CrispEvents))).toBe(true)
      const settings = yield* Effect.provide(WebsiteSettings.get("website-1"), context)
      expect(settings.name).toBe("Website One")
    }))

  it.scopedLive("CrispRealtime.layer: REST and RTM events from one layer", () =>
    Effect.gen(function*() {
      const simulator = yield* CrispSimulator.serve()
      const context = yield* Layer.build(CrispRealtime.layer({
        identifier: simulator.identifier,
        key: Redacted.make(simulator.key),
        tier: simulator.tier,
        restUrl: simulator.restUrl,
        retry: false,
        rtm: { events: ["message:send"] }
      }))
      const first = yield* Effect.fork(Stream.runHead(CrispEvents.on("message:send")).pipe(Effect.provide(context)))
      // The socket opens for the subscriber (endpoint discovered over REST) and authenticates.
      yield* simulator.rtmClients.pipe(Effect.repeat({ schedule: Schedule.spaced("10 millis"), until: (n) => n > 0 }))
      yield* simulator.fake.visitorSends("website-1", "session_quick", "hello")
      const event = yield* Fiber.join(first)
      expect(Option.map(event, (m) => m.content)).toEqual(Option.some("hello"))
      expect((yield* Effect.provide(WebsiteSettings.get("website-1"), context)).name).toBe("Website One")
    }))
})
