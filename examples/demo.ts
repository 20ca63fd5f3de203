/**
 * `npm run demo`: the bot of examples/bot.ts, unchanged, against a Crisp simulator
 * on this machine — real HTTP and a real RTM socket on 127.0.0.1 — with a scripted
 * visitor. Prints the live transcript and the events that flowed, exits 0 when
 * every visitor message was answered.
 *
 * `npm run demo -- --live`: the same bot against the real Crisp API, with
 * CRISP_IDENTIFIER, CRISP_KEY and CRISP_TIER from the environment. Stop it with Ctrl-C.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer, Ref, Stream } from "effect"
import { type CrispEvent, CrispEvents, CrispRealtime } from "effect-crisp/realtime"
import { CrispSimulator, CrispTest } from "effect-crisp/testing"
import { bot, REPLY } from "./bot.js"

const WEBSITE = "website-1"
const SESSION = "session_demo"
const VISITOR_LINES = ["Hello!", "Do you ship to Lisbon?", "Great, thanks. Bye!"]

/** One line of the live transcript for each event that flowed over RTM. */
const describeEvent = (event: CrispEvent.CrispEvent): string => {
  if (event._tag === "Event" && (event.name === "message:send" || event.name === "message:received")) {
    const who = event.data.from === "user" ? "visitor" : "    bot"
    return `${who}> ${String(event.data.content)}      [${event.name}]`
  }
  return `         [${event.name}${event._tag === "Event" ? "" : `, ${event._tag.toLowerCase()}`}]`
}

/** Waits until `check` holds, for at most 10 seconds. */
const until = <E, R>(check: Effect.Effect<boolean, E, R>, what: string) =>
  Effect.gen(function*() {
    while (!(yield* check)) yield* Effect.sleep("5 millis")
  }).pipe(Effect.timeoutFail({ duration: "10 seconds", onTimeout: () => new Error(`timed out waiting for ${what}`) }))

const simulated = Effect.gen(function*() {
  const simulator = yield* CrispSimulator.CrispSimulator
  const control = yield* CrispTest.Control
  yield* Console.log(`Crisp simulator up: REST ${simulator.restUrl}  RTM ${simulator.rtmUrl}`)
  const botReplies = yield* Ref.make(0)
  yield* Effect.fork(Stream.runForEach(CrispEvents.all, (event) =>
    Effect.zipRight(
      Console.log(describeEvent(event)),
      event._tag === "Event" && event.name === "message:received" ? Ref.update(botReplies, (n) => n + 1) : Effect.void
    )))
  yield* Effect.fork(bot)
  yield* control.awaitListening()
  yield* Console.log("The bot is connected over RTM. A visitor arrives:\n")

  for (const [index, line] of VISITOR_LINES.entries()) {
    yield* control.visitorSends(WEBSITE, SESSION, line)
    yield* until(Effect.map(Ref.get(botReplies), (n) => n > index), "the bot's reply")
  }

  const transcript = yield* control.messages(WEBSITE, SESSION)
  yield* Console.log("\nTranscript, as stored by the simulator:")
  for (const message of transcript) {
    yield* Console.log(`  ${message.from === "user" ? "visitor " : "operator"}: ${String(message.content)}`)
  }
  const answered = transcript.filter((m) => m.from === "operator" && m.content === REPLY).length
  if (answered !== VISITOR_LINES.length) {
    return yield* Effect.fail(new Error(`expected ${VISITOR_LINES.length} replies, got ${answered}`))
  }
  const requests = yield* control.requests
  yield* Console.log(
    `\nDemo OK: ${VISITOR_LINES.length} visitor messages, ${answered} bot replies; ` +
      `${requests.length} REST requests over HTTP, events over the RTM socket.`
  )
}).pipe(Effect.provide(CrispSimulator.layer()))

const live = Effect.gen(function*() {
  const missing = ["CRISP_IDENTIFIER", "CRISP_KEY"].filter((name) => !process.env[name])
  if (missing.length > 0) {
    yield* Console.error(
      `--live needs ${missing.join(" and ")} in the environment (a plugin token from the Crisp Marketplace),\n` +
        "and CRISP_TIER if the token is not a plugin token. Example:\n" +
        "  CRISP_IDENTIFIER=… CRISP_KEY=… npm run demo -- --live"
    )
    return yield* Effect.fail(new Error("missing credentials"))
  }
  yield* Console.log("Running the bot against the real Crisp API. Ctrl-C to stop.")
  yield* Effect.fork(Stream.runForEach(CrispEvents.all, (event) => Console.log(describeEvent(event))))
  yield* bot
}).pipe(Effect.provide(Layer.suspend(() => CrispRealtime.layerConfig())))

const program = process.argv.includes("--live") ? live : simulated
NodeRuntime.runMain(program, { disableErrorReporting: false })
