/**
 * Teams of a website (groups of operators): list, create, check, read, save, delete.
 *
 * Every function returns `Effect<A, CrispError, CrispHttp>` (or a `Stream`); its
 * span is named `WebsiteTeams.<function>`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const support = WebsiteTeams.create("website-id", { name: "Support", emoji: "🛟" }).pipe(
 *   Effect.flatMap(({ team_id }) => WebsiteTeams.get("website-id", team_id ?? ""))
 * )
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { pages, routes } from "../internal/rest/route.js"
import { Team, TeamInput, TeamNew } from "../schemas/Team.js"

const route = routes("WebsiteTeams")

const teams = { kind: "collection", name: "teams", id: "team_id" } as const

/**
 * Lists one page of a website's teams (`GET
 * website/{website_id}/teams/list/{page_number}`). Pages count from 1; for
 * every team use {@link stream}.
 *
 * Crisp reference: List Teams.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const names = WebsiteTeams.list("website-id", 1).pipe(Effect.map((page) => page.map((team) => team.name)))
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
export const list = route("list", {
  method: "GET",
  path: "website/{website_id}/teams/list/{page_number}",
  label: "List Teams",
  ref: "#list-teams",
  official: "website.listTeams",
  response: Schema.Array(Team),
  paged: {},
  fake: { ...teams, op: "list" }
})

/**
 * Every team of a website as a `Stream`, page after page (Crisp takes no page
 * size here: the Stream stops at the first empty page).
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const all = WebsiteTeams.stream("website-id").pipe(Stream.runCollect)
 * ```
 *
 * @since 0.2.0
 * @category pagination
 */
export const stream = pages(list, "stream")

/**
 * Creates a team (`POST website/{website_id}/team`) and answers its `team_id`.
 * Not retried on a 5xx (a retried POST could create it twice).
 *
 * Crisp reference: Create A New Team.
 *
 * @example
 * ```ts
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const create = WebsiteTeams.create("website-id", { name: "Night shift", operators: ["operator-id"] })
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
export const create = route("create", {
  method: "POST",
  path: "website/{website_id}/team",
  label: "Create A New Team",
  ref: "#create-a-new-team",
  official: "website.createNewTeam",
  input: TeamInput,
  response: TeamNew,
  fake: { ...teams, op: "create" }
})

/**
 * Checks whether a team exists (`HEAD website/{website_id}/team/{team_id}`):
 * `true` when it does, `false` when Crisp answers 404.
 *
 * Crisp reference: Check If Team Exists.
 *
 * @example
 * ```ts
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const exists = WebsiteTeams.checkExists("website-id", "team-id")
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
export const checkExists = route("checkExists", {
  method: "HEAD",
  path: "website/{website_id}/team/{team_id}",
  label: "Check If Team Exists",
  ref: "#check-if-team-exists",
  official: "website.checkTeamExists",
  fake: { ...teams, op: "exists" }
})

/**
 * Gets a team (`GET website/{website_id}/team/{team_id}`). An unknown team
 * fails with `CrispNotFound`.
 *
 * Crisp reference: Get Team.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const operators = WebsiteTeams.get("website-id", "team-id").pipe(Effect.map((team) => team.operators ?? []))
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
export const get = route("get", {
  method: "GET",
  path: "website/{website_id}/team/{team_id}",
  label: "Get Team",
  ref: "#get-a-team",
  official: "website.getTeam",
  response: Team,
  fake: { ...teams, op: "get" }
})

/**
 * Saves a team (`PUT website/{website_id}/team/{team_id}`): the fields given
 * replace the team's.
 *
 * Crisp reference: Save Team.
 *
 * @example
 * ```ts
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const rename = WebsiteTeams.save("website-id", "team-id", { name: "Night shift", operators: ["operator-a", "operator-b"] })
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
export const save = route("save", {
  method: "PUT",
  path: "website/{website_id}/team/{team_id}",
  label: "Save Team",
  ref: "#save-a-team",
  official: "website.saveTeam",
  input: TeamInput,
  fake: { ...teams, op: "update" }
})

/**
 * Deletes a team (`DELETE website/{website_id}/team/{team_id}`).
 *
 * Crisp reference: Delete Team.
 *
 * @example
 * ```ts
 * import { WebsiteTeams } from "effect-crisp"
 *
 * const remove = WebsiteTeams.delete("website-id", "team-id")
 * ```
 *
 * @since 0.2.0
 * @category teams
 */
const delete_ = route("delete", {
  method: "DELETE",
  path: "website/{website_id}/team/{team_id}",
  label: "Delete Team",
  ref: "#remove-a-team",
  official: "website.deleteTeam",
  fake: { ...teams, op: "delete" }
})

export {
  /**
   * Deletes a team (`DELETE website/{website_id}/team/{team_id}`).
   *
   * Crisp reference: Delete Team.
   *
   * @example
   * ```ts
   * import { WebsiteTeams } from "effect-crisp"
   *
   * const remove = WebsiteTeams.delete("website-id", "team-id")
   * ```
   *
   * @since 0.2.0
   * @category teams
   */
  delete_ as delete
}
