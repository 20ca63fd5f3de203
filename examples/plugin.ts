/**
 * A Crisp plugin: a greeter whose users configure it from Crisp.
 *
 * Each website that uses the plugin saves its settings in Crisp (a greeting and
 * whether it is on). The plugin reads a website's settings the first time it
 * needs them (`PluginSubscription.getSettings`), and follows
 * `plugin:settings:saved` afterwards, so that a change applies at once, without a
 * restart. It greets each conversation once, on the visitor's first message.
 *
 * Like examples/bot.ts, `plugin` needs only `CrispHttp` and `CrispEvents`: the
 * same code runs on the RTM socket (below), on the loopback simulator and on the
 * in-memory test layer (test/examples/plugin.test.ts).
 *
 * Run it against Crisp with a plugin token: CRISP_IDENTIFIER=… CRISP_KEY=… npx tsx examples/plugin.ts
 */
import { NodeRuntime } from "@effect/platform-node"
import { Effect, Either, Option, Ref, Schema, Stream } from "effect"
import { pathToFileURL } from "node:url"
import { PluginConnect, PluginSubscription, WebsiteConversations } from "effect-crisp"
import { CrispEvents, CrispRealtime } from "effect-crisp/realtime"

/**
 * The plugin's settings, as its settings page saves them. Crisp stores them as
 * free-form JSON, so the plugin checks them itself.
 */
export const GreeterSettings = Schema.Struct({
  greeting: Schema.NonEmptyTrimmedString,
  enabled: Schema.Boolean
})

/** The type {@link GreeterSettings} decodes to. */
export type GreeterSettings = typeof GreeterSettings.Type

const decodeSettings = Schema.decodeUnknownEither(GreeterSettings)

/**
 * What the plugin does with a website's saved settings: greet when they are
 * valid and on, stay silent otherwise (a website that never configured the
 * plugin, or saved something the plugin cannot read, is not greeted).
 */
const readSettings = (websiteId: string, settings: unknown): Effect.Effect<Option.Option<GreeterSettings>> => {
  if (settings === undefined || settings === null) return Effect.succeed(Option.none())
  const decoded = decodeSettings(settings)
  return Either.isRight(decoded)
    ? Effect.succeed(decoded.right.enabled ? Option.some(decoded.right) : Option.none())
    : Effect.as(Effect.logWarning(`unreadable settings for ${websiteId}: ${decoded.left.message}`), Option.none())
}

/** Greets each new conversation with the website's greeting; runs until the event source ends. */
export const plugin = Effect.gen(function*() {
  const { plugin_id: pluginId } = yield* PluginConnect.getAccount()
  if (pluginId === undefined) return yield* Effect.fail(new Error("Crisp did not say which plugin this token belongs to"))

  // websiteId -> what to do there; filled on first use, then kept fresh by the events
  const settings = yield* Ref.make(new Map<string, Option.Option<GreeterSettings>>())
  const greeted = yield* Ref.make(new Set<string>())

  const store = (websiteId: string, value: Option.Option<GreeterSettings>) =>
    Ref.update(settings, (all) => new Map(all).set(websiteId, value))

  const settingsOf = (websiteId: string) =>
    Effect.flatMap(Ref.get(settings), (all) => {
      const known = all.get(websiteId)
      if (known !== undefined) return Effect.succeed(known)
      return PluginSubscription.getSettings(websiteId, pluginId).pipe(
        Effect.flatMap((subscription) => readSettings(websiteId, subscription.settings)),
        // settings saved while this read was on its way are newer: they win
        Effect.flatMap((read) =>
          Ref.modify(settings, (all) => {
            const meanwhile = all.get(websiteId)
            return meanwhile !== undefined ? [meanwhile, all] : [read, new Map(all).set(websiteId, read)]
          })
        )
      )
    })

  const onSettingsSaved = CrispEvents.on("plugin:settings:saved").pipe(
    Stream.filter((event) => event.plugin_id === pluginId),
    Stream.mapEffect((event) =>
      Effect.flatMap(readSettings(event.website_id, event.settings), (value) => store(event.website_id, value))
    )
  )

  const onVisitorMessage = CrispEvents.on("message:send").pipe(
    Stream.filter((message) => message.from === "user"),
    Stream.mapEffect((message) =>
      Effect.gen(function*() {
        const key = `${message.website_id}/${message.session_id}`
        if ((yield* Ref.get(greeted)).has(key)) return
        const greeter = yield* settingsOf(message.website_id)
        if (Option.isNone(greeter)) return
        yield* WebsiteConversations.sendMessage(message.website_id, message.session_id, {
          type: "text",
          content: greeter.value.greeting,
          from: "operator",
          origin: "chat"
        })
        yield* Ref.update(greeted, (all) => new Set(all).add(key))
      }).pipe(
        // One failure (settings unreadable, a reply refused) must not stop the plugin.
        Effect.catchAll((error) => Effect.logError(`could not greet ${message.session_id}: ${error.message}`))
      ))
  )

  yield* Stream.runDrain(Stream.merge(onSettingsSaved, onVisitorMessage))
})

// Only when run directly (not when imported by a test).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(plugin.pipe(Effect.provide(CrispRealtime.layerConfig())))
}
