/** Byte helpers shared by the transports and the Web Hooks body reader (web standards only). */

/** `chunks` as one `Uint8Array` of `length` bytes (the sum of their lengths). */
export const concat = (chunks: ReadonlyArray<Uint8Array>, length: number): Uint8Array<ArrayBuffer> => {
  const whole = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.length
  }
  return whole
}
