/**
 * What `effect-crisp/redis` provides to the core: a budget per token and a memo of
 * Web Hook deliveries, both kept in Redis. The core looks for it with
 * `Effect.serviceOption`, so it imports neither ioredis nor the Redis code; without
 * it, both stay in memory.
 */
import { Context, type Effect } from "effect"
import type { Budget, BudgetOptions } from "../http/budget.js"
import type { Memo } from "../webhooks/memo.js"

export interface Shared {
  /** The budget of one token, shared by every process with the same Redis and prefix. */
  readonly budget: (identifier: string, options: BudgetOptions) => Effect.Effect<Budget>
  /** The memo of accepted deliveries, shared likewise; `capacity` bounds its in-memory fallback. */
  readonly memo: (capacity: number) => Effect.Effect<Memo>
}

export class SharedStore extends Context.Tag("effect-crisp/internal/SharedStore")<SharedStore, Shared>() {}
