/**
 * `npm run simulator`: a Crisp simulator on this machine (REST + RTM on 127.0.0.1)
 * for any client to talk to, the official `crisp-api` package included. Prints the
 * URLs and the test credentials, then serves until Ctrl-C.
 *
 *   PORT=8080 npm run simulator
 */
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect } from "effect"
import { CrispSimulator, FakeCrisp } from "effect-crisp/testing"

const port = Number(process.env.PORT ?? 0)

const program = Effect.gen(function*() {
  const simulator = yield* CrispSimulator.serve({ port })
  const origin = new URL(simulator.restUrl).origin
  yield* Console.log(
    [
      "Crisp simulator running.",
      `  REST      ${simulator.restUrl}`,
      `  RTM       ${simulator.rtmUrl}`,
      `  tier      ${simulator.tier}`,
      `  identifier ${simulator.identifier}`,
      `  key        ${simulator.key}`,
      `  website    ${FakeCrisp.DEFAULT_WEBSITE_ID}`,
      "",
      "effect-crisp:  CRISP_REST_URL=" + simulator.restUrl + " CRISP_IDENTIFIER=" + simulator.identifier +
      " CRISP_KEY=" + simulator.key,
      "crisp-api:     client.setRestHost(\"" + origin + "\"); client.authenticateTier(\"plugin\", identifier, key)",
      "",
      "Ctrl-C to stop."
    ].join("\n")
  )
  return yield* Effect.never
}).pipe(Effect.scoped)

NodeRuntime.runMain(program)
