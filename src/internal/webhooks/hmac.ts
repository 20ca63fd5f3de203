/**
 * HMAC-SHA256 with one imported key per secret.
 *
 * The portable backend is WebCrypto (`globalThis.crypto.subtle`: Node 20, Deno, Bun,
 * workers). Node's WebCrypto runs every HMAC as an asynchronous job on the libuv thread
 * pool, which costs ~25 µs per call whatever the input size — about 8× a synchronous
 * `createHmac`. So where the runtime hands out `node:crypto` synchronously through
 * `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno 2), the same HMAC is computed with it;
 * there is no static import of `node:crypto`, so edge bundles are unaffected.
 * The result is identical (tested against both backends).
 */
import { Effect } from "effect"
import { frame, utf8Encoder } from "./bytes.js"

/** A way to compute HMAC-SHA256 under a secret. */
export interface Backend {
  readonly name: "node" | "webcrypto"
  /**
   * The MAC of `prefix + body + "]"` under `secret` (32 bytes), which is what Crisp signs
   * with `prefix = "[" + timestamp + ";"`. Keys are imported once per secret.
   */
  readonly mac: (secret: string, prefix: string, body: string | Uint8Array) => Effect.Effect<Uint8Array>
  /** The same, synchronously, when the backend can (node:crypto). */
  readonly macSync: ((secret: string, prefix: string, body: string | Uint8Array) => Uint8Array) | undefined
  /** SHA-256 of `data` (32 bytes). */
  readonly digest: (data: Uint8Array<ArrayBuffer>) => Effect.Effect<Uint8Array>
}

/** Bounded: a process normally has one or two hook secrets; misuse cannot grow it without end. */
const MAX_KEYS = 32

const boundedCache = <K>() => {
  const entries = new Map<string, K>()
  return {
    get: (secret: string) => entries.get(secret),
    set: (secret: string, key: K) => {
      if (entries.size >= MAX_KEYS) {
        const oldest = entries.keys().next()
        if (oldest.done !== true) entries.delete(oldest.value)
      }
      entries.set(secret, key)
    }
  }
}

const subtle = (): SubtleCrypto => {
  const api = globalThis.crypto?.subtle
  if (api === undefined) {
    throw new Error("effect-crisp/webhooks needs WebCrypto (globalThis.crypto.subtle): Node 20+, Deno, Bun or a worker runtime")
  }
  return api
}

const ALGORITHM: HmacImportParams = { name: "HMAC", hash: "SHA-256" }

/** The WebCrypto backend: portable, asynchronous. */
export const webCrypto: Backend = (() => {
  const keys = boundedCache<CryptoKey>()
  const keyFor = (secret: string): Effect.Effect<CryptoKey> => {
    const cached = keys.get(secret)
    if (cached !== undefined) return Effect.succeed(cached)
    return Effect.map(
      Effect.promise(() => subtle().importKey("raw", utf8Encoder.encode(secret), ALGORITHM, false, ["sign"])),
      (key) => {
        keys.set(secret, key)
        return key
      }
    )
  }
  return {
    name: "webcrypto",
    macSync: undefined,
    mac: (secret, prefix, body) =>
      Effect.flatMap(keyFor(secret), (key) => {
        const data = typeof body === "string" ? utf8Encoder.encode(prefix + body + "]") : frame(prefix, body)
        return Effect.map(Effect.promise(() => subtle().sign("HMAC", key, data)), (buffer) => new Uint8Array(buffer))
      }),
    digest: (data) =>
      Effect.map(Effect.promise(() => subtle().digest("SHA-256", data)), (buffer) => new Uint8Array(buffer))
  }
})()

interface NodeHmac {
  readonly update: (data: string | Uint8Array) => NodeHmac
  readonly digest: () => Uint8Array
}

/** The part of `node:crypto` used here, typed structurally (no import of node types at runtime). */
interface NodeCrypto {
  readonly createSecretKey: (key: Uint8Array) => object
  readonly createHmac: (algorithm: "sha256", key: object) => NodeHmac
  readonly createHash: (algorithm: "sha256") => {
    update: (data: Uint8Array) => { digest: () => Uint8Array }
  }
}

const loadNodeCrypto = (): NodeCrypto | undefined => {
  try {
    const proc = (globalThis as { readonly process?: { readonly getBuiltinModule?: (id: string) => unknown } }).process
    const crypto = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeCrypto> | undefined
    return crypto !== undefined && typeof crypto.createHmac === "function" &&
        typeof crypto.createSecretKey === "function" && typeof crypto.createHash === "function"
      ? crypto as NodeCrypto
      : undefined
  } catch {
    return undefined
  }
}

const makeNode = (crypto: NodeCrypto): Backend => {
  const keys = boundedCache<object>()
  const keyFor = (secret: string): object => {
    const cached = keys.get(secret)
    if (cached !== undefined) return cached
    const key = crypto.createSecretKey(utf8Encoder.encode(secret))
    keys.set(secret, key)
    return key
  }
  // Strings go to node as one string (encoded natively; one call is faster than three);
  // bytes are fed between the prefix and "]" without being copied.
  const macSync = (secret: string, prefix: string, body: string | Uint8Array): Uint8Array =>
    typeof body === "string"
      ? crypto.createHmac("sha256", keyFor(secret)).update(prefix + body + "]").digest()
      : crypto.createHmac("sha256", keyFor(secret)).update(prefix).update(body).update("]").digest()
  return {
    name: "node",
    macSync,
    mac: (secret, prefix, body) => Effect.sync(() => macSync(secret, prefix, body)),
    digest: (data) => Effect.sync(() => crypto.createHash("sha256").update(data).digest())
  }
}

const nodeCrypto = loadNodeCrypto()

/** The synchronous `node:crypto` backend, when the runtime offers it. */
export const node: Backend | undefined = nodeCrypto === undefined ? undefined : makeNode(nodeCrypto)

let current: Backend = node ?? webCrypto

/** The backend in use. */
export const backend = (): Backend => current

/** Chooses the backend (tests and the benchmark exercise both). */
export const useBackend = (next: Backend): void => {
  current = next
}

/** HMAC-SHA256 of `prefix + body + "]"` under `secret` with the current backend: 32 bytes. */
export const hmac = (secret: string, prefix: string, body: string | Uint8Array): Effect.Effect<Uint8Array> =>
  current.mac(secret, prefix, body)

/** SHA-256 of some bytes with the current backend: 32 bytes. */
export const sha256 = (data: Uint8Array<ArrayBuffer>): Effect.Effect<Uint8Array> => current.digest(data)
