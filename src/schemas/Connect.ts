/**
 * Where the realtime socket lives: what the `connect/endpoints` routes answer.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { optional } from "./fields.js"

const Socket = Schema.Struct({
  app: optional(Schema.String),
  stream: optional(Schema.String)
})

/**
 * The RTM endpoints of a token or a website: `socket.app` is the socket.io URL
 * to connect to, `rescue.socket` the fallback. (`CrispRtm` discovers it by
 * itself; read it when you connect with your own socket client.)
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PluginConnect } from "effect-crisp"
 *
 * const socketUrl = PluginConnect.getEndpoints().pipe(Effect.map((endpoints) => endpoints.socket?.app))
 * ```
 *
 * @since 0.2.0
 * @category connect
 */
export const ConnectEndpoints = Schema.Struct({
  socket: optional(Socket),
  rescue: optional(Schema.Struct({ socket: optional(Socket) }))
})

export interface ConnectEndpoints extends Schema.Schema.Type<typeof ConnectEndpoints> {}
