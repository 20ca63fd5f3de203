/**
 * A production-shaped Web Hook bot for the shutdown tests, run in a child process: the
 * composition of the `CrispWebhooks` module example (the server launched next to the
 * bot, the hooks layer around both) under `NodeRuntime.runMain`. Each step takes
 * `STEP_MS`. It logs `Listening on http://127.0.0.1:<port>` and prints
 * `received <content>` for each event its stream gives it.
 */
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer, Redacted, Stream } from "effect"
import { createServer } from "node:http"
import { CrispEvents } from "../../src/realtime.js"
import { CrispWebhooks } from "../../src/webhooks.js"

const step = Number(process.env.STEP_MS ?? "0")

const Hooks = CrispWebhooks.layer({ secret: Redacted.make(process.env.HOOK_SECRET ?? "") })

const Server = HttpRouter.empty.pipe(
  HttpRouter.post("/crisp", CrispWebhooks.handler),
  HttpServer.serve(),
  HttpServer.withLogAddress,
  Layer.provide(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }))
)

const bot = CrispEvents.on("message:send").pipe(
  Stream.tap((message) => Console.log(`received ${message.content}`)),
  Stream.mapEffect(() => Effect.sleep(step)),
  Stream.runDrain
)

Layer.launch(Server).pipe(Effect.zip(bot, { concurrent: true }), Effect.provide(Hooks), NodeRuntime.runMain)
