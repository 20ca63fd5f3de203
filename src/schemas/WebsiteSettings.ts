/**
 * Website settings. Field names follow the API's snake_case (`website_id`, not
 * crisp-api's `websiteID`; see the note in `Operator.ts`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional, withAliases } from "./fields.js"

const bool = optional(Schema.Boolean)
const str = optional(Schema.String)
const strings = optional(Schema.Array(Schema.String))

/**
 * The `chatbox` section of the settings: how the chat widget looks and behaves.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const chatbox: Schemas.WebsiteSettingsChatbox = { color_theme: "blue", file_transfer: true }
 * ```
 *
 * @since 0.1.0
 * @category settings
 */
export const WebsiteSettingsChatbox = Schema.Struct({
  tile: str,
  conversations: bool,
  wait_game: bool,
  website_logo: bool,
  last_operator_face: bool,
  ongoing_operator_face: bool,
  activity_metrics: bool,
  operator_privacy: bool,
  visitor_privacy: bool,
  availability_tooltip: bool,
  hide_vacation: bool,
  hide_on_away: bool,
  hide_on_mobile: bool,
  position_reverse: bool,
  email_visitors: bool,
  phone_visitors: bool,
  force_identify: bool,
  ignore_privacy: bool,
  visitor_compose: bool,
  file_transfer: bool,
  audio_record: bool,
  guard_level: str,
  mode_initial: str,
  home: bool,
  overlay_search: bool,
  overlay_mode: bool,
  helpdesk_link: bool,
  helpdesk_only: bool,
  helpdesk_navigate: str,
  status_health_dead: bool,
  check_domain: bool,
  color_theme: str,
  color_mode: str,
  layout_theme: str,
  text_theme: str,
  welcome_message: str,
  locale: str,
  allowed_pages: strings,
  blocked_pages: strings,
  blocked_countries: strings,
  blocked_locales: strings,
  blocked_ips: strings
})

export interface WebsiteSettingsChatbox extends Schema.Schema.Type<typeof WebsiteSettingsChatbox> {}

const sections = {
  name: str,
  domain: str,
  domain_alternates: strings,
  logo: str,
  audit: optional(Schema.Struct({ log: bool })),
  contact: optional(Schema.Struct({
    email: str,
    phone: str,
    messenger: str,
    telegram: str,
    twitter: str,
    whatsapp: str,
    instagram: str
  })),
  inbox: optional(Schema.Struct({
    lock_removal: bool,
    force_operator_token: bool,
    locale: str
  })),
  emails: optional(Schema.Struct({
    rating: bool,
    transcript: bool,
    trackers: bool,
    junk_filter: bool
  })),
  chatbox: optional(WebsiteSettingsChatbox)
}

/**
 * A website's settings (`WebsiteSettings.get`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteSettings } from "effect-crisp"
 *
 * const theme = WebsiteSettings.get("website-id").pipe(Effect.map((s) => s.chatbox?.color_theme))
 * ```
 *
 * @since 0.1.0
 * @category settings
 */
export const WebsiteSettings = withAliases(Schema.Struct({ website_id: str, ...sections }), { websiteID: "website_id" })

export interface WebsiteSettings extends Schema.Schema.Type<typeof WebsiteSettings> {}

/**
 * The body of `WebsiteSettings.update` (PATCH): only the sections and fields
 * given are changed.
 *
 * @example
 * ```ts
 * import { WebsiteSettings } from "effect-crisp"
 *
 * WebsiteSettings.update("website-id", { chatbox: { color_theme: "red", welcome_message: "Hi!" } })
 * ```
 *
 * @since 0.1.0
 * @category request bodies
 */
export const WebsiteSettingsUpdate = Schema.Struct(sections)

export interface WebsiteSettingsUpdate extends Schema.Schema.Type<typeof WebsiteSettingsUpdate> {}
