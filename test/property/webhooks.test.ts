/**
 * Web Hook bodies, by property: whatever a correctly signed delivery carries — random
 * bytes, any text, any JSON, envelopes with known or unknown events and payloads that
 * are valid, broken or arbitrary — the receiver answers with an Outcome (200, 400 or
 * 413), never a defect and never a hang; a delivered event is `Event`, `Unknown` or
 * `Malformed` (and reaches the subscriber); a refusal copies nothing of the body.
 * A delivery with a wrong signature is a 401, whatever its body.
 */
import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, Exit, FastCheck as fc, Layer, Logger, LogLevel, Queue, Redacted, Runtime } from "effect"
import { type EventName, EventNames, Payloads } from "../../src/realtime/CrispEvent.js"
import { CrispEvents } from "../../src/realtime/CrispEvents.js"
import { CrispWebhooks } from "../../src/webhooks.js"
import { probeSigned, SECRET, signedHeaders, subscribe } from "../webhooks/support.js"
import { around, holdsPersonal, json, SEED, text } from "./arbitraries.js"

const MAX_BODY = 16 * 1024

const payloads = new Map(EventNames.map((event) => [event, around(Payloads[event], 8)] as const))

const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EventNames) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor")) }
)

/** An envelope `{event, data, website_id?, timestamp?}` whose parts may be anything. */
const envelope = name.chain((event) => {
  const known = payloads.get(event as EventName)
  const data = known === undefined ? json.map((value) => ({ value, valid: false })) : fc.oneof(known, json.map((value) => ({ value, valid: false })))
  return fc.tuple(data, fc.option(json), fc.option(fc.oneof(fc.integer(), json))).map(([payload, website, timestamp]) => {
    const body: Record<string, unknown> = { event, data: payload.value }
    if (website !== null) body.website_id = website
    if (timestamp !== null) body.timestamp = timestamp
    return { body: JSON.stringify(body), valid: payload.valid }
  })
})

const body: fc.Arbitrary<{ readonly body: string | Uint8Array; readonly valid: boolean }> = fc.oneof(
  { weight: 3, arbitrary: envelope },
  { weight: 1, arbitrary: text.map((t) => ({ body: t, valid: false })) },
  { weight: 1, arbitrary: json.map((value) => ({ body: JSON.stringify(value) ?? "", valid: false })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 128 }).map((bytes) => ({ body: bytes, valid: false })) }
)

const rendered = (error: unknown) => `${String(error)}\n${JSON.stringify(error)}`

describe("Web Hook bodies, by property", () => {
  it.scopedLive("any signed body gives an Outcome within a second: 200, 400 or 413; a forged one 401", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(CrispWebhooks.layer({ secret: Redacted.make(SECRET), maxBodyBytes: MAX_BODY, duplicates: false }))
      const hooks = Context.get(context, CrispWebhooks.CrispWebhooks)
      const events = yield* subscribe(Context.get(context, CrispEvents).events, hooks, probeSigned)
      // Refusals are logged as warnings: the runtime keeps this test's Error level.
      const runPromiseExit = Runtime.runPromiseExit(yield* Effect.runtime<never>())

      const check = async (input: { readonly body: string | Uint8Array; readonly valid: boolean }, forged: boolean) => {
        const raw = typeof input.body === "string" ? input.body : Buffer.from(input.body)
        const headers = signedHeaders(raw, forged ? { secret: "not the secret" } : {})
        const exit = await runPromiseExit(hooks.receive({ body: input.body, headers, method: "POST" }).pipe(
          Effect.tap((outcome) => (outcome._tag === "Delivered" ? Effect.asVoid(Queue.take(events)) : Effect.void))
        ))
        // Never a defect (and never a hang: fast-check's `timeout` fails a run that takes over a second).
        expect(Exit.isSuccess(exit)).toBe(true)
        if (!Exit.isSuccess(exit)) return
        const outcome = exit.value
        if (forged) {
          expect(outcome._tag === "Rejected" && outcome.status).toBe(401)
          return
        }
        if (input.valid) expect(outcome._tag).toBe("Delivered")
        if (outcome._tag === "Delivered") {
          expect(["Event", "Unknown", "Malformed"]).toContain(outcome.event._tag)
          if (outcome.event._tag === "Malformed") expect(holdsPersonal(outcome.event.issue)).toBe(false)
        } else if (outcome._tag === "Rejected") {
          expect([400, 413]).toContain(outcome.status)
          expect(holdsPersonal(rendered(outcome.error))).toBe(false)
        }
      }

      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(body, fc.boolean(), fc.nat(19), async (input, forge, dice) => {
            await check(input, forge && dice === 0)
          }),
          { seed: SEED, numRuns: 2_000, timeout: 1_000 }
        )
      )
    }).pipe(Logger.withMinimumLogLevel(LogLevel.Error)))
})
