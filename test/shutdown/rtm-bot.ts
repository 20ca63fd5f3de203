/**
 * A production-shaped RTM bot for the shutdown tests, run in a child process:
 * `CrispRealtime.layerConfig()` (CRISP_IDENTIFIER, CRISP_KEY, CRISP_REST_URL, CRISP_RTM_URL)
 * under `NodeRuntime.runMain`, answering each visitor message. `DELAY_MS` makes each
 * step wait before it sends its reply. It prints `connected` and `received <session>`.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Stream } from "effect"
import { WebsiteConversations } from "../../src/index.js"
import { CrispEvents, CrispRealtime } from "../../src/realtime.js"
import { CrispRtm } from "../../src/realtime.js"

const delay = Number(process.env.DELAY_MS ?? "0")

const bot = CrispEvents.on("message:send").pipe(
  Stream.filter((message) => message.from === "user"),
  Stream.tap((message) => Console.log(`received ${message.session_id}`)),
  Stream.mapEffect((message) =>
    Effect.sleep(delay).pipe(
      Effect.zipRight(WebsiteConversations.sendMessage(message.website_id, message.session_id, {
        type: "text",
        content: "I'm a bot",
        from: "operator",
        origin: "chat"
      })),
      Effect.zipRight(Console.log(`replied ${message.session_id}`))
    )),
  Stream.runDrain
)

const connected = CrispRtm.state.pipe(
  Stream.filter((state) => state._tag === "Connected"),
  Stream.take(1),
  Stream.runForEach(() => Console.log("connected"))
)

NodeRuntime.runMain(Effect.zip(bot, connected, { concurrent: true }).pipe(Effect.provide(CrispRealtime.layerConfig())))
