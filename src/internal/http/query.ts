/**
 * Query strings as Crisp reads them: `undefined` and `null` are skipped, arrays and
 * objects are JSON-encoded, everything else goes through `String()`.
 */
export const encodeQuery = (query: Readonly<Record<string, unknown>> | undefined): string => {
  if (query === undefined) return ""
  let out = ""
  for (const key in query) {
    const value = query[key]
    if (value === undefined || value === null) continue
    const text = typeof value === "object" ? JSON.stringify(value) : String(value)
    out += (out === "" ? "?" : "&") + encodeURIComponent(key) + "=" + encodeURIComponent(text)
  }
  return out
}
