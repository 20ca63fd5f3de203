/**
 * The memo of accepted Web Hook deliveries in Redis, for every receiver process on
 * the same Redis and prefix: a claim is `SET key NX PX window` (atomic: of two
 * replicas given the same delivery, one wins), a release (after a 503) is `DEL`.
 * Keys are a digest of the delivery's memo key, never its body. Each process also
 * keeps its own in-memory memo: it answers repeats without asking Redis, and alone
 * while Redis cannot be used.
 */
import { createHash } from "node:crypto"
import { Effect } from "effect"
import { makeLocal, type Memo } from "../webhooks/memo.js"
import type { Connection } from "./connection.js"

export const makeSharedMemo = (connection: Connection, capacity: number): Memo => {
  const local = makeLocal(capacity)
  const keyOf = (key: string) => `${connection.prefix}:hook:${createHash("sha256").update(key).digest("hex")}`
  return {
    claim: (key, now, expiresAt) =>
      Effect.suspend(() => {
        if (!local.claim(key, now, expiresAt)) return Effect.succeed(false)
        const ttl = Math.max(1, Math.ceil(expiresAt - now))
        return Effect.map(
          connection.command((redis) => redis.set(keyOf(key), "1", "PX", ttl, "NX")),
          (reply) => reply === undefined || reply === "OK"
        )
      }),
    release: (key) =>
      Effect.zipRight(
        Effect.sync(() => local.release(key)),
        Effect.asVoid(connection.command((redis) => redis.del(keyOf(key))))
      )
  }
}
