/**
 * Teams of a website: named groups of operators.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

/**
 * A team: its `team_id`, `name`, `emoji`, the user ids of its `operators`, and
 * when it was created and updated (milliseconds).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const members = WebsiteTeams.get("website-id", "team-id").pipe(Effect.map((team) => team.operators ?? []))
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
export const Team = Schema.Struct({
  team_id: optional(Schema.String),
  name: optional(Schema.String),
  emoji: optional(Schema.String),
  operators: optional(Schema.Array(Schema.String)),
  created_at: optional(Schema.Number),
  updated_at: optional(Schema.Number)
})

export interface Team extends Schema.Schema.Type<typeof Team> {}

/**
 * What `WebsiteTeams.create` answers: the new team's `team_id`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const teamId = WebsiteTeams.create("website-id", { name: "Support" }).pipe(Effect.map((created) => created.team_id))
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
export const TeamNew = Schema.Struct({
  team_id: optional(Schema.String)
})

export interface TeamNew extends Schema.Schema.Type<typeof TeamNew> {}

/**
 * The body of `WebsiteTeams.create` and `WebsiteTeams.save`: the team's fields
 * (the timestamps are Crisp's and are not sent).
 *
 * @example
 * ```ts
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const create = WebsiteTeams.create("website-id", { name: "Support", emoji: "🛟", operators: ["operator-id"] })
 * ```
 *
 * @since 0.2.0
 * @category request bodies
 */
export const TeamInput = Schema.Struct({
  team_id: Schema.optional(Schema.NonEmptyTrimmedString),
  name: Schema.optional(Schema.String),
  emoji: Schema.optional(Schema.String),
  operators: Schema.optional(Schema.Array(Schema.String))
})

export interface TeamInput extends Schema.Schema.Type<typeof TeamInput> {}
