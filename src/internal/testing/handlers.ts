/**
 * The fake's hand-written handlers of route-table rows, by function name. One
 * line per area; each area's file exports `handlers`.
 */
import type { Handlers } from "./router.js"
import { handlers as conversations } from "./routes/conversations.js"

export const HANDLERS: Handlers = {
  ...conversations
}
