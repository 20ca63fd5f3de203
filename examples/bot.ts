/**
 * The classic Crisp bot: answer "I'm a bot" to every message a visitor sends.
 *
 * The bot is a value — `bot` needs `CrispEvents` and `CrispHttp` and nothing else —
 * so the same code runs on the RTM socket (below), on Web Hooks, on the loopback
 * simulator (`npm run demo`) and on the in-memory test layer (test/examples).
 *
 * Run it against Crisp: CRISP_IDENTIFIER=… CRISP_KEY=… npx tsx examples/bot.ts
 */
import { NodeRuntime } from "@effect/platform-node"
import { Effect, Stream } from "effect"
import { pathToFileURL } from "node:url"
import { WebsiteConversations } from "effect-crisp"
import { CrispEvents, CrispRealtime } from "effect-crisp/realtime"

/** What the bot answers. */
export const REPLY = "I'm a bot"

/** Replies to each visitor message; runs until the event source ends. */
export const bot = CrispEvents.on("message:send").pipe(
  Stream.filter((message) => message.from === "user"),
  Stream.mapEffect((message) =>
    WebsiteConversations.sendMessage(message.website_id, message.session_id, {
      type: "text",
      content: REPLY,
      from: "operator",
      origin: "chat"
    }).pipe(
      // One failed reply must not stop the bot: log it and go on.
      Effect.catchAll((error) => Effect.logError(`could not answer ${message.session_id}: ${error.message}`))
    )),
  Stream.runDrain
)

// Only when run directly (not when imported by a test or the demo). runMain reports a
// failure (bad configuration, refused credentials) and closes the socket on Ctrl-C.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(bot.pipe(Effect.provide(CrispRealtime.layerConfig())))
}
