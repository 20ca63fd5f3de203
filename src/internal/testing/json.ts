/**
 * Small helpers over parsed JSON values, used by the in-memory Crisp.
 */

/** A parsed JSON object. */
export type JsonRecord = Record<string, unknown>

/** Whether a value is a plain JSON object (not an array, not null). */
export const isRecord = (u: unknown): u is JsonRecord => typeof u === "object" && u !== null && !Array.isArray(u)

/** A deep copy of a JSON value, so stored state never aliases what a caller holds. */
export const clone = <A>(value: A): A => (value === undefined ? value : structuredClone(value))

/**
 * Merges `patch` into `target` (returns a new object): objects merge key by key,
 * everything else (arrays included) replaces.
 */
export const deepMerge = (target: JsonRecord, patch: JsonRecord): JsonRecord => {
  const out: JsonRecord = { ...target }
  for (const key of Object.keys(patch)) {
    const next = patch[key]
    const previous = out[key]
    out[key] = isRecord(previous) && isRecord(next) ? deepMerge(previous, next) : clone(next)
  }
  return out
}

/**
 * Finds the first place where `patch` gives a value whose JSON type differs from
 * the one already in `target` (a string where a boolean is, an array where an
 * object is, ...). Keys absent from `target` are accepted. Returns the dotted path.
 */
export const typeMismatch = (target: JsonRecord, patch: JsonRecord, prefix = ""): string | undefined => {
  for (const key of Object.keys(patch)) {
    const path = prefix === "" ? key : `${prefix}.${key}`
    const previous = target[key]
    const next = patch[key]
    if (previous === undefined || previous === null) continue
    if (isRecord(previous)) {
      if (!isRecord(next)) return path
      const inner = typeMismatch(previous, next, path)
      if (inner !== undefined) return inner
      continue
    }
    if (Array.isArray(previous) !== Array.isArray(next)) return path
    if (!Array.isArray(previous) && typeof previous !== typeof next) return path
  }
  return undefined
}

/** Reads a dotted path (`"person.nickname"`) out of a JSON value. */
export const getPath = (value: unknown, path: string): unknown => {
  let current: unknown = value
  for (const key of path.split(".")) {
    if (!isRecord(current)) return undefined
    current = current[key]
  }
  return current
}
