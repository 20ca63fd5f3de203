/**
 * Availability of a website's chatbox and of its operators.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

/**
 * Whether visitors see the chatbox as online or away (`WebsiteAvailability.getStatus`):
 * the `status` and `since` when (ms).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteAvailability } from "effect-crisp"
 *
 * const online = WebsiteAvailability.getStatus("website-id").pipe(Effect.map((a) => a.status === "online"))
 * ```
 *
 * @since 0.2.0
 * @category availability
 */
export const AvailabilityStatus = Schema.Struct({
  status: optional(Schema.String),
  since: optional(Schema.Number)
})

export interface AvailabilityStatus extends Schema.Schema.Type<typeof AvailabilityStatus> {}

/**
 * One operator's availability (`WebsiteAvailability.listOperators`): the
 * operator's `user_id`, the availability `type`, and its `time` (`since` when,
 * and `for` how long).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteAvailability } from "effect-crisp"
 *
 * const online = WebsiteAvailability.listOperators("website-id").pipe(
 *   Effect.map((operators) => operators.filter((o) => o.type === "online").map((o) => o.user_id))
 * )
 * ```
 *
 * @since 0.2.0
 * @category availability
 */
export const AvailabilityOperator = Schema.Struct({
  user_id: optional(Schema.String),
  type: optional(Schema.String),
  time: optional(Schema.Struct({
    for: optional(Schema.Number),
    since: optional(Schema.Number)
  }))
})

export interface AvailabilityOperator extends Schema.Schema.Type<typeof AvailabilityOperator> {}
