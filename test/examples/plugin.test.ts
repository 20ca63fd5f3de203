/**
 * examples/plugin.ts, unchanged, on the in-memory test layer and on the loopback
 * simulator (real HTTP, real socket.io): it greets with the settings saved for a
 * website, follows `plugin:settings:saved`, and stays silent when the settings are
 * off or unreadable.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { PluginConnect, PluginSubscription } from "effect-crisp"
import { CrispSimulator, CrispTest } from "effect-crisp/testing"
import { plugin } from "../../examples/plugin.js"

const W = "website-1"

/** Lets the forked plugin and the event hub run until nothing is left to do (no clock). */
const settle = Effect.repeatN(Effect.yieldNow(), 200)

/** Waits on the real clock, in 5 ms steps, until `check` holds (the simulator's socket is real). */
const until = <E, R>(check: Effect.Effect<boolean, E, R>) =>
  Effect.gen(function*() {
    while (!(yield* check)) yield* Effect.sleep("5 millis")
  }).pipe(Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => new Error("timed out") }))

const transcript = (sessionId: string) =>
  Effect.flatMap(CrispTest.Control, (control) => control.messages(W, sessionId)).pipe(
    Effect.map((messages) => messages.map((m) => [m.from, m.content]))
  )

const pluginId = PluginConnect.getAccount().pipe(Effect.map((account) => account.plugin_id ?? ""))

describe("examples/plugin.ts on the in-memory test layer", () => {
  it.effect("greets with the saved settings, follows plugin:settings:saved, and stays silent when off", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const id = yield* pluginId
      yield* PluginSubscription.saveSettings(W, id, { greeting: "Welcome!", enabled: true })
      yield* Effect.fork(plugin)
      yield* control.awaitListening(2)

      yield* control.visitorSends(W, "session-1", "Hello?")
      yield* settle
      yield* control.visitorSends(W, "session-1", "Still there?")
      yield* settle
      expect(yield* transcript("session-1")).toEqual([
        ["user", "Hello?"],
        ["operator", "Welcome!"],
        ["user", "Still there?"]
      ])

      // The website changes its settings in Crisp: the next conversation gets the new greeting.
      yield* PluginSubscription.saveSettings(W, id, { greeting: "Bonjour !", enabled: true })
      yield* settle
      yield* control.visitorSends(W, "session-2", "Salut")
      yield* settle
      expect(yield* transcript("session-2")).toEqual([["user", "Salut"], ["operator", "Bonjour !"]])

      // Turned off: no greeting.
      yield* PluginSubscription.updateSettings(W, id, { enabled: false })
      yield* settle
      yield* control.visitorSends(W, "session-3", "Hi")
      yield* settle
      expect(yield* transcript("session-3")).toEqual([["user", "Hi"]])

      // The settings were read once; the changes came as events.
      expect(yield* control.requestsFor("PluginSubscription.getSettings")).toHaveLength(1)
    }).pipe(Effect.provide(CrispTest.layer())))

  it.effect("unreadable or missing settings: no greeting, and the plugin keeps running", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const id = yield* pluginId
      yield* Effect.fork(plugin)
      yield* control.awaitListening(2)

      // never configured
      yield* control.visitorSends(W, "session-1", "Hello?")
      yield* settle
      expect(yield* transcript("session-1")).toEqual([["user", "Hello?"]])

      // saved with a wrong type
      yield* PluginSubscription.saveSettings(W, id, { greeting: 42, enabled: true })
      yield* settle
      yield* control.visitorSends(W, "session-2", "Hello?")
      yield* settle
      expect(yield* transcript("session-2")).toEqual([["user", "Hello?"]])

      // fixed: greeting again
      yield* PluginSubscription.saveSettings(W, id, { greeting: "Fixed", enabled: true })
      yield* settle
      yield* control.visitorSends(W, "session-3", "Hello?")
      yield* settle
      expect(yield* transcript("session-3")).toEqual([["user", "Hello?"], ["operator", "Fixed"]])
    }).pipe(Effect.provide(CrispTest.layer())))
})

describe("examples/plugin.ts on the simulator (real HTTP and RTM socket)", () => {
  it.live("reads the settings over HTTP and follows plugin:settings:saved over the socket", () =>
    Effect.gen(function*() {
      const control = yield* CrispTest.Control
      const id = yield* pluginId
      yield* PluginSubscription.saveSettings(W, id, { greeting: "Welcome!", enabled: true })
      yield* Effect.fork(plugin)
      yield* control.awaitListening()

      yield* control.visitorSends(W, "session-1", "Hello?")
      yield* until(Effect.map(transcript("session-1"), (t) => t.length === 2))
      expect(yield* transcript("session-1")).toEqual([["user", "Hello?"], ["operator", "Welcome!"]])

      yield* PluginSubscription.saveSettings(W, id, { greeting: "Bonjour !", enabled: true })
      // The event travels over the socket, beside the visitors' messages: new
      // conversations get the new greeting as soon as the plugin has it.
      const greetings: Array<unknown> = []
      for (let n = 0; !greetings.includes("Bonjour !"); n++) {
        expect(n, "the plugin never applied the saved settings").toBeLessThan(200)
        const session = `session-2-${n}`
        yield* control.visitorSends(W, session, "Salut")
        yield* until(Effect.map(transcript(session), (t) => t.length === 2))
        greetings.push((yield* transcript(session))[1]![1])
      }
      expect(greetings.every((g) => g === "Welcome!" || g === "Bonjour !")).toBe(true)
    }).pipe(Effect.provide(CrispSimulator.layer({ rtm: { reconnect: { initialDelay: "5 millis", maxDelay: "20 millis" } } }))))
})
