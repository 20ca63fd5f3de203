/**
 * `CrispHttp` pointed at a {@link Loopback} server over a real transport, with tiny
 * retry delays so tests wait milliseconds.
 */
import { FetchHttpClient } from "@effect/platform"
import { Layer, Redacted, Schema } from "effect"
import * as CrispHttp from "../../src/CrispHttp.js"
import { endpoint } from "./endpoint.js"
import type { Loopback } from "./loopback.js"

/** Token identifier used by the tests. */
export const IDENTIFIER = "7f1d2c3b-test-identifier"
/** Token key used by the tests: distinctive, so any leak of it is easy to find. */
export const KEY = "sEcReT-kEy-0f9e8d7c6b5a"

/** The REST base URL of a loopback server (`<origin>/v1/`). */
export const restUrl = (server: Pick<Loopback, "origin">): string => `${server.origin}/v1/`

/** Retry policy with millisecond delays. */
export const fastRetry = { maxAttempts: 3, baseDelay: "5 millis", maxDelay: "20 millis" } as const

/** `CrispHttp` over `FetchHttpClient` against `server` (anything with an `origin`); `options` replace the defaults. */
export const layer = (
  server: Pick<Loopback, "origin">,
  options: Partial<CrispHttp.Options> = {}
): Layer.Layer<CrispHttp.CrispHttp> =>
  CrispHttp.layer({
    identifier: IDENTIFIER,
    key: Redacted.make(KEY),
    restUrl: restUrl(server),
    timeout: "2 seconds",
    retry: fastRetry,
    ...options
  }).pipe(Layer.provide(FetchHttpClient.layer))

/** A GET endpoint declared as the resources declare theirs. */
export const getConversation = endpoint({
  name: "Test.getConversation",
  method: "GET",
  path: "website/{website_id}/conversation/{session_id}",
  response: Schema.Struct({ session_id: Schema.String })
})

/** A POST endpoint with a body, declared as the resources declare theirs. */
export const sendMessage = endpoint({
  name: "Test.sendMessage",
  method: "POST",
  path: "website/{website_id}/conversation/{session_id}/message",
  body: Schema.Struct({ type: Schema.String, content: Schema.String })
})

/** Path values for the two endpoints above. */
export const ids = { path: { website_id: "w1", session_id: "s1" } }
