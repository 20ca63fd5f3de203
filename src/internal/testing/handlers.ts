/**
 * The fake's hand-written handlers of route-table rows, by function name. One
 * line per area; each area's file exports `handlers`.
 */
import type { Handlers } from "./router.js"
import { handlers as conversations } from "./routes/conversations.js"
import { handlers as plugin } from "./routes/plugin.js"
import { handlers as user } from "./routes/user.js"
import { handlers as website } from "./routes/website.js"

export const HANDLERS: Handlers = {
  ...conversations,
  ...website,
  ...user,
  ...plugin
}
