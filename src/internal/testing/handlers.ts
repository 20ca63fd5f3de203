/**
 * The fake's hand-written handlers of route-table rows, by function name. One
 * line per area; each area's file exports `handlers`.
 */
import type { Handlers } from "./router.js"
import { handlers as batch } from "./routes/batch.js"
import { handlers as bucket } from "./routes/bucket.js"
import { handlers as campaign } from "./routes/campaign.js"
import { handlers as conversations } from "./routes/conversations.js"
import { handlers as helpdesk } from "./routes/helpdesk.js"
import { handlers as people } from "./routes/people.js"
import { handlers as plugin } from "./routes/plugin.js"
import { handlers as user } from "./routes/user.js"
import { handlers as visitors } from "./routes/visitors.js"
import { handlers as website } from "./routes/website.js"

export const HANDLERS: Handlers = {
  ...conversations,
  ...people,
  ...visitors,
  ...campaign,
  ...batch,
  ...bucket,
  ...helpdesk,
  ...website,
  ...user,
  ...plugin
}
