/** Byte helpers for signature checks: UTF-8 codecs, hex decoding, constant-time equality. */

/** One shared encoder (stateless). */
export const utf8Encoder = new TextEncoder()

/** One shared, non-fatal decoder: invalid sequences become U+FFFD, as a JSON body would be read. */
export const utf8Decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true })

const HEX_VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < 10; i++) table[48 + i] = i
  for (let i = 0; i < 6; i++) {
    table[65 + i] = 10 + i
    table[97 + i] = 10 + i
  }
  return table
})()

/**
 * Decodes a hex string of exactly `2 * length` characters (either case) into bytes, or
 * `undefined` when it has another length or a non-hex character. The work depends only on
 * the input, never on an expected value, so it leaks nothing about a secret.
 */
export const hexToBytes = (hex: string, length: number): Uint8Array | undefined => {
  if (hex.length !== length * 2) return undefined
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    const hi = hex.charCodeAt(2 * i)
    const lo = hex.charCodeAt(2 * i + 1)
    const h = hi < 128 ? HEX_VALUES[hi]! : -1
    const l = lo < 128 ? HEX_VALUES[lo]! : -1
    if (h < 0 || l < 0) return undefined
    out[i] = (h << 4) | l
  }
  return out
}

const HEX_DIGITS = "0123456789abcdef"

/** Lowercase hex of some bytes. */
export const bytesToHex = (bytes: Uint8Array): string => {
  let out = ""
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    out += HEX_DIGITS[b >> 4]! + HEX_DIGITS[b & 15]!
  }
  return out
}

/**
 * Constant-time equality of two byte arrays: arrays of different lengths are unequal
 * without looking at their contents; arrays of equal length are compared over every
 * byte with XOR accumulation, so the time does not depend on where they differ.
 */
export const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** The bytes of `[${prefix}` + body + `]` without re-encoding a body that is already bytes. */
export const frame = (prefix: string, body: Uint8Array): Uint8Array<ArrayBuffer> => {
  const head = utf8Encoder.encode(prefix)
  const out = new Uint8Array(head.length + body.length + 1)
  out.set(head, 0)
  out.set(body, head.length)
  out[out.length - 1] = 93 // "]"
  return out
}
