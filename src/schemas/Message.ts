/**
 * Conversation messages: the content of each message type, messages as Crisp
 * returns them (a union tagged by `type`), and messages to send.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional, orEmpty, Scalar } from "./fields.js"
import { ActionUser, MessageFrom } from "./Conversation.js"

/**
 * The message types Crisp knows.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const type: Schemas.MessageType = "text"
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const MessageType = Schema.Literal("text", "note", "file", "animation", "audio", "picker", "field", "carousel", "event")

export type MessageType = typeof MessageType.Type

// ---------------------------------------------------------------------------
// Content of each type (responses: every field optional)
// ---------------------------------------------------------------------------

/**
 * Content of a `file` message: `{ name, url, type }` (`type` is the MIME type).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const file: Schemas.FileContent = { name: "invoice.pdf", url: "https://example.com/invoice.pdf", type: "application/pdf" }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const FileContent = Schema.Struct({
  name: optional(Schema.String),
  url: optional(Schema.String),
  type: optional(Schema.String)
})

export interface FileContent extends Schema.Schema.Type<typeof FileContent> {}

/**
 * Content of an `animation` message (a GIF): `{ url, type }`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const gif: Schemas.AnimationContent = { url: "https://example.com/hello.gif", type: "image/gif" }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const AnimationContent = Schema.Struct({
  url: optional(Schema.String),
  type: optional(Schema.String)
})

export interface AnimationContent extends Schema.Schema.Type<typeof AnimationContent> {}

/**
 * Content of an `audio` message: `{ url, type, duration }` (duration in seconds).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const voice: Schemas.AudioContent = { url: "https://example.com/voice.webm", type: "audio/webm", duration: 12 }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const AudioContent = Schema.Struct({
  url: optional(Schema.String),
  type: optional(Schema.String),
  duration: optional(Schema.Number)
})

export interface AudioContent extends Schema.Schema.Type<typeof AudioContent> {}

/**
 * One choice of a `picker` message.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const choice: Schemas.PickerChoice = { value: "yes", label: "Yes", selected: false }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const PickerChoice = Schema.Struct({
  value: optional(Schema.String),
  label: optional(Schema.String),
  icon: optional(Schema.String),
  selected: optional(Schema.Boolean),
  action: optional(Schema.Struct({ type: optional(Schema.String), target: optional(Schema.String) }))
})

export interface PickerChoice extends Schema.Schema.Type<typeof PickerChoice> {}

/**
 * Content of a `picker` message: a question with choices.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const picker: Schemas.PickerContent = {
 *   id: "satisfied", text: "Happy?", choices: [{ value: "yes", label: "Yes", selected: false }]
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const PickerContent = Schema.Struct({
  id: optional(Schema.String),
  text: optional(Schema.String),
  choices: optional(Schema.Array(PickerChoice)),
  required: optional(Schema.Boolean)
})

export interface PickerContent extends Schema.Schema.Type<typeof PickerContent> {}

/**
 * Content of a `field` message: a form field the visitor fills in.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const field: Schemas.FieldContent = { id: "phone", text: "Your phone?", explain: "We will call you" }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const FieldContent = Schema.Struct({
  id: optional(Schema.String),
  text: optional(Schema.String),
  explain: optional(Schema.String),
  value: optional(Schema.String),
  required: optional(Schema.Boolean)
})

export interface FieldContent extends Schema.Schema.Type<typeof FieldContent> {}

/**
 * One card of a `carousel` message.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const card: Schemas.CarouselTarget = {
 *   title: "Pro plan", description: "For teams", actions: [{ label: "Buy", url: "https://example.com/buy" }]
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const CarouselTarget = Schema.Struct({
  title: optional(Schema.String),
  description: optional(Schema.String),
  image: optional(Schema.String),
  actions: optional(Schema.Array(Schema.Struct({ label: optional(Schema.String), url: optional(Schema.String) })))
})

export interface CarouselTarget extends Schema.Schema.Type<typeof CarouselTarget> {}

/**
 * Content of a `carousel` message: a text and cards.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const carousel: Schemas.CarouselContent = { text: "Our plans", targets: [{ title: "Pro" }] }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const CarouselContent = Schema.Struct({
  text: optional(Schema.String),
  targets: optional(Schema.Array(CarouselTarget))
})

export interface CarouselContent extends Schema.Schema.Type<typeof CarouselContent> {}

/**
 * Content of an `event` message: `{ namespace, text }` (for example
 * `{ namespace: "state:resolved" }`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const event: Schemas.EventContent = { namespace: "state:resolved" }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const EventContent = Schema.Struct({
  namespace: optional(Schema.String),
  text: optional(Schema.String)
})

export interface EventContent extends Schema.Schema.Type<typeof EventContent> {}

/**
 * The author of a message, as Crisp reports it.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const user: Schemas.MessageUser = { user_id: "operator-id", nickname: "Support" }
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const MessageUser = Schema.Struct({
  type: optional(Schema.String),
  user_id: optional(Schema.String),
  nickname: optional(Schema.String),
  avatar: optional(Schema.String)
})

export interface MessageUser extends Schema.Schema.Type<typeof MessageUser> {}

const MessageReference = Schema.Struct({
  type: optional(Schema.String),
  name: optional(Schema.String),
  target: optional(Schema.String)
})

const commonFields = {
  session_id: optional(Schema.String),
  website_id: optional(Schema.String),
  from: optional(Schema.String),
  origin: optional(Schema.String),
  preview: optional(Schema.Array(Schema.Struct({
    url: optional(Schema.String),
    website: optional(Schema.String),
    title: optional(Schema.String),
    stamped: optional(Schema.Boolean),
    preview: optional(Schema.Struct({
      excerpt: optional(Schema.String),
      image: optional(Schema.String),
      embed: optional(Schema.String)
    }))
  }))),
  mentions: optional(Schema.Array(Schema.String)),
  read: optional(Schema.String),
  delivered: optional(Schema.String),
  ignored: optional(Schema.Record({
    key: Schema.String,
    value: Schema.Struct({ type: optional(Schema.String), reason: optional(Schema.String) })
  })),
  edited: optional(Schema.Boolean),
  translated: optional(Schema.Boolean),
  automated: optional(Schema.Boolean),
  stamped: optional(Schema.Boolean),
  fingerprint: optional(Schema.Number),
  timestamp: optional(Schema.Number),
  user: optional(MessageUser),
  references: optional(Schema.Array(MessageReference)),
  original: optional(Schema.Struct({ original_id: optional(Schema.String) })),
  properties: optional(Schema.Record({ key: Schema.String, value: Scalar }))
}

const received = <T extends string, C extends Schema.Schema.Any>(type: T, content: C) =>
  Schema.Struct({ ...commonFields, type: Schema.Literal(type), content: optional(content) })

const KNOWN_TYPES: ReadonlySet<string> = new Set(MessageType.literals)

const OtherMessageWire = Schema.Struct({
  ...commonFields,
  type: Schema.String.pipe(Schema.filter((type) => !KNOWN_TYPES.has(type) || `a known type (${type}) with another content`)),
  content: Schema.optional(Schema.Unknown)
})

const OtherMessageDecoded = Schema.Struct({
  ...commonFields,
  type: Schema.Literal("other"),
  original_type: Schema.String,
  content: Schema.optional(Schema.Unknown)
})

/**
 * A message whose `type` this library does not know yet (Crisp adds types over
 * time). Rather than failing the whole list, it decodes with `type: "other"`,
 * Crisp's type in `original_type` and the content as `unknown` — so that
 * `m.type === "file"` still narrows `m.content` to a file's content.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const describe = (m: Schemas.ConversationMessage): string =>
 *   m.type === "other" ? `a ${m.original_type} message` : `a ${m.type} message`
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const OtherMessage = Schema.transform(OtherMessageWire, Schema.typeSchema(OtherMessageDecoded), {
  strict: true,
  decode: ({ type, ...rest }) => ({ ...rest, type: "other" as const, original_type: type }),
  encode: ({ type: _other, original_type, ...rest }) => ({ ...rest, type: original_type })
})

export interface OtherMessage extends Schema.Schema.Type<typeof OtherMessage> {}

/**
 * A message as `getMessages` returns it: a union tagged by `type`, whose
 * `content` is a string for `text` and `note` and an object for the other types.
 * A known type with content of the wrong shape fails to decode, naming the field.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const excerpt = (m: Schemas.ConversationMessage): string =>
 *   m.type === "text" || m.type === "note" ? m.content ?? "" : `[${m.type}]`
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const ConversationMessage = Schema.Union(
  received("text", Schema.String),
  received("note", Schema.String),
  received("file", FileContent),
  received("animation", AnimationContent),
  received("audio", AudioContent),
  received("picker", PickerContent),
  received("field", FieldContent),
  received("carousel", CarouselContent),
  received("event", EventContent),
  OtherMessage
)

export type ConversationMessage = typeof ConversationMessage.Type

// ---------------------------------------------------------------------------
// Messages to send
// ---------------------------------------------------------------------------

const sendFields = {
  from: MessageFrom,
  origin: Schema.String,
  fingerprint: Schema.optional(Schema.Int),
  user: Schema.optional(ActionUser),
  references: Schema.optional(Schema.Array(Schema.Struct({
    type: Schema.optional(Schema.String),
    name: Schema.optional(Schema.String),
    target: Schema.optional(Schema.String)
  }))),
  original: Schema.optional(Schema.Struct({ original_id: Schema.String })),
  properties: Schema.optional(Schema.Record({ key: Schema.String, value: Scalar })),
  timestamp: Schema.optional(Schema.Number),
  stealth: Schema.optional(Schema.Boolean),
  translated: Schema.optional(Schema.Boolean),
  automated: Schema.optional(Schema.Boolean)
}

const outgoing = <T extends string, C extends Schema.Schema.Any>(type: T, content: C) =>
  Schema.Struct({ ...sendFields, type: Schema.Literal(type), content })

// The content of each type, as sent (by `sendMessage` and `updateMessage`).
const FileContentNew = Schema.Struct({ name: Schema.String, url: Schema.String, type: Schema.String })
const AnimationContentNew = Schema.Struct({ url: Schema.String, type: Schema.String })
const AudioContentNew = Schema.Struct({
  url: Schema.String,
  type: Schema.String,
  duration: Schema.optional(Schema.Number)
})
const PickerContentNew = Schema.Struct({
  id: Schema.String,
  text: Schema.String,
  choices: Schema.Array(Schema.Struct({
    value: Schema.String,
    label: Schema.String,
    selected: Schema.Boolean,
    icon: Schema.optional(Schema.String),
    action: Schema.optional(Schema.Struct({ type: Schema.String, target: Schema.String }))
  })),
  required: Schema.optional(Schema.Boolean)
})
const FieldContentNew = Schema.Struct({
  id: Schema.String,
  text: Schema.String,
  explain: Schema.String,
  value: Schema.optional(Schema.String),
  required: Schema.optional(Schema.Boolean)
})
const CarouselContentNew = Schema.Struct({
  text: Schema.String,
  targets: Schema.Array(Schema.Struct({
    title: Schema.String,
    description: Schema.optional(Schema.String),
    image: Schema.optional(Schema.String),
    actions: Schema.optional(Schema.Array(Schema.Struct({ label: Schema.String, url: Schema.String })))
  }))
})
const EventContentNew = Schema.Struct({ namespace: Schema.String, text: Schema.optional(Schema.String) })

/**
 * A `text` message to send.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const hello: Schemas.TextMessageNew = { type: "text", content: "Hello!", from: "operator", origin: "chat" }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const TextMessageNew = outgoing("text", Schema.String)

export interface TextMessageNew extends Schema.Schema.Type<typeof TextMessageNew> {}

/**
 * A `note` (a private message between operators), optionally mentioning operators.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const note: Schemas.NoteMessageNew = { type: "note", content: "VIP", from: "operator", origin: "chat" }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const NoteMessageNew = Schema.Struct({
  ...sendFields,
  type: Schema.Literal("note"),
  content: Schema.String,
  mentions: Schema.optional(Schema.Array(Schema.String))
})

export interface NoteMessageNew extends Schema.Schema.Type<typeof NoteMessageNew> {}

/**
 * A `file` message to send: `name`, `url` and MIME `type` are required.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const file: Schemas.FileMessageNew = {
 *   type: "file", from: "operator", origin: "chat",
 *   content: { name: "invoice.pdf", url: "https://example.com/invoice.pdf", type: "application/pdf" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const FileMessageNew = outgoing("file", FileContentNew)

export interface FileMessageNew extends Schema.Schema.Type<typeof FileMessageNew> {}

/**
 * An `animation` message to send: `url` and MIME `type` are required.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const gif: Schemas.AnimationMessageNew = {
 *   type: "animation", from: "operator", origin: "chat", content: { url: "https://example.com/a.gif", type: "image/gif" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const AnimationMessageNew = outgoing("animation", AnimationContentNew)

export interface AnimationMessageNew extends Schema.Schema.Type<typeof AnimationMessageNew> {}

/**
 * An `audio` message to send: `url` and MIME `type` are required, `duration` (seconds) optional.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const voice: Schemas.AudioMessageNew = {
 *   type: "audio", from: "user", origin: "chat", content: { url: "https://example.com/v.webm", type: "audio/webm", duration: 4 }
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const AudioMessageNew = outgoing("audio", AudioContentNew)

export interface AudioMessageNew extends Schema.Schema.Type<typeof AudioMessageNew> {}

/**
 * A `picker` message to send: an `id`, a question `text` and `choices` (each a
 * `value`, a `label` and `selected`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const picker: Schemas.PickerMessageNew = {
 *   type: "picker", from: "operator", origin: "chat",
 *   content: { id: "happy", text: "Happy?", choices: [{ value: "yes", label: "Yes", selected: false }] }
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const PickerMessageNew = outgoing("picker", PickerContentNew)

export interface PickerMessageNew extends Schema.Schema.Type<typeof PickerMessageNew> {}

/**
 * A `field` message to send: an `id`, a `text` and an `explain` (placeholder).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const field: Schemas.FieldMessageNew = {
 *   type: "field", from: "operator", origin: "chat", content: { id: "phone", text: "Phone?", explain: "+33…" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const FieldMessageNew = outgoing("field", FieldContentNew)

export interface FieldMessageNew extends Schema.Schema.Type<typeof FieldMessageNew> {}

/**
 * A `carousel` message to send: a `text` and `targets` (cards, each with a
 * `title`, a `description` and `actions`).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const carousel: Schemas.CarouselMessageNew = {
 *   type: "carousel", from: "operator", origin: "chat",
 *   content: { text: "Plans", targets: [{ title: "Pro", description: "For teams", actions: [{ label: "Buy", url: "https://example.com" }] }] }
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const CarouselMessageNew = outgoing("carousel", CarouselContentNew)

export interface CarouselMessageNew extends Schema.Schema.Type<typeof CarouselMessageNew> {}

/**
 * An `event` message to send: a `namespace` and an optional `text`.
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const event: Schemas.EventMessageNew = {
 *   type: "event", from: "operator", origin: "chat", content: { namespace: "state:resolved" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const EventMessageNew = outgoing("event", EventContentNew)

export interface EventMessageNew extends Schema.Schema.Type<typeof EventMessageNew> {}

/**
 * The body of `sendMessage`: one of the nine message types, tagged by `type`,
 * with `from` (`"user"` or `"operator"`) and `origin` (usually `"chat"`). A message
 * with an unknown `type` or content of the wrong shape is refused with
 * `CrispInvalidRequest` before anything is sent.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.sendMessage("website-id", "session-id", {
 *   type: "text", content: "I'm a bot", from: "operator", origin: "chat"
 * })
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const MessageNew = Schema.Union(
  TextMessageNew,
  NoteMessageNew,
  FileMessageNew,
  AnimationMessageNew,
  AudioMessageNew,
  PickerMessageNew,
  FieldMessageNew,
  CarouselMessageNew,
  EventMessageNew
)

export type MessageNew = typeof MessageNew.Type

/**
 * What `sendMessage` answers: the `fingerprint` Crisp gave the message, when it
 * says (an empty answer decodes as `{}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const fingerprint = WebsiteConversations.sendMessage("website-id", "session-id", {
 *   type: "text", content: "Hi", from: "operator", origin: "chat"
 * }).pipe(Effect.map((sent) => sent.fingerprint))
 * ```
 *
 * @since 0.1.0
 * @category messages to send
 */
export const MessageSent = orEmpty(Schema.Struct({ fingerprint: optional(Schema.Number) }))

export type MessageSent = typeof MessageSent.Type

/**
 * The new content of a message (`updateMessage`): a string for `text` and
 * `note` messages, the content object of the other types (the same shapes
 * `sendMessage` takes).
 *
 * @example
 * ```ts
 * import { Schemas } from "effect-crisp"
 *
 * const corrected: Schemas.MessageContentNew = "Your order ships on Monday."
 * const file: Schemas.MessageContentNew = { name: "invoice.pdf", url: "https://example.com/invoice.pdf", type: "application/pdf" }
 * ```
 *
 * @since 0.2.0
 * @category messages to send
 */
export const MessageContentNew = Schema.Union(
  Schema.String,
  // more fields first: a file's content would also pass as an animation's
  FileContentNew,
  AudioContentNew,
  AnimationContentNew,
  PickerContentNew,
  FieldContentNew,
  CarouselContentNew,
  EventContentNew
)

export type MessageContentNew = typeof MessageContentNew.Type

/**
 * The body of `updateMessage` (`PATCH .../message/{fingerprint}`): `{ content }`.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.updateMessage("website-id", "session-id", 163408415, {
 *   content: "Your order ships on Monday."
 * })
 * ```
 *
 * @since 0.2.0
 * @category messages to send
 */
export const MessageUpdate = Schema.Struct({ content: MessageContentNew })

export interface MessageUpdate extends Schema.Schema.Type<typeof MessageUpdate> {}

/**
 * The body of `composeMessage` (`PATCH .../compose`): the typing indicator.
 * `type` is `"start"` or `"stop"`; `excerpt` previews what is being typed.
 *
 * @example
 * ```ts
 * import { WebsiteConversations } from "effect-crisp"
 *
 * WebsiteConversations.composeMessage("website-id", "session-id", {
 *   type: "start", from: "operator", excerpt: "Let me check"
 * })
 * ```
 *
 * @since 0.2.0
 * @category messages to send
 */
export const MessageCompose = Schema.Struct({
  type: Schema.Literal("start", "stop"),
  from: MessageFrom,
  excerpt: Schema.optional(Schema.String),
  stealth: Schema.optional(Schema.Boolean),
  automated: Schema.optional(Schema.Boolean)
})

export interface MessageCompose extends Schema.Schema.Type<typeof MessageCompose> {}

/**
 * The original of a message (`getOriginalMessage`): what Crisp received before
 * rendering it, e.g. the raw email of a message that came in by email, with its
 * `headers` (free-form) and `content`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebsiteConversations } from "effect-crisp"
 *
 * const raw = WebsiteConversations.getOriginalMessage("website-id", "session-id", "original-id").pipe(
 *   Effect.map((original) => original.content ?? "")
 * )
 * ```
 *
 * @since 0.2.0
 * @category messages
 */
export const ConversationOriginal = Schema.Struct({
  website_id: optional(Schema.String),
  session_id: optional(Schema.String),
  original_id: optional(Schema.String),
  type: optional(Schema.String),
  headers: optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  content: optional(Schema.String),
  timestamp: optional(Schema.Number)
})

export interface ConversationOriginal extends Schema.Schema.Type<typeof ConversationOriginal> {}
