/**
 * The budget of one token kept in Redis, for every process using the same Redis,
 * prefix and token identifier. Same rules as the in-memory budget
 * (`internal/http/budget.ts`), applied by the Lua scripts of `scripts.ts`.
 *
 * While Redis cannot be used, each process falls back to a budget of its own: a
 * `1 / replicas` share of the rate, of the burst and of what was left of the day's
 * allowance. What it spends meanwhile is added to the shared count when Redis
 * answers again; when Redis comes back empty (restarted without persistence), every
 * process adds what it spent today, so the day's count is not forgotten.
 */
import { randomUUID } from "node:crypto"
import { Clock, Duration, Effect } from "effect"
import { CrispQuotaExhausted } from "../../CrispError.js"
import {
  type Budget,
  type BudgetOptions,
  type BudgetState,
  DAY_MS,
  isRateSignal,
  makeBudget,
  rulesOf,
  type Ticket
} from "../http/budget.js"
import type { Connection } from "./connection.js"
import * as Scripts from "./scripts.js"

/** The hash outlives two idle days: a count is never dropped within its day. */
const TTL_MS = 2 * DAY_MS

const numberOr = (text: string | undefined, fallback: number | undefined): number | undefined =>
  text === undefined || text === "" ? fallback : Number(text)

export const makeSharedBudget = (
  connection: Connection,
  identifier: string,
  options: BudgetOptions,
  replicas: number
): Effect.Effect<Budget> =>
  Effect.gen(function*() {
    const rules = rulesOf(options)
    const key = `${connection.prefix}:budget:${identifier}`
    const configured = rules.configured ?? 0
    const daily = rules.daily ?? -1
    // The day's share is counted here (what was left when Redis went away), not by the local budget.
    const { daily: _daily, ...own } = options
    const local = makeBudget(rules.configured === undefined ? own : {
      ...own,
      perSecond: rules.configured / replicas,
      burst: Math.max(1, Math.floor(rules.burst / replicas)),
      minPerSecond: rules.minRate / replicas
    })
    const lock = yield* Effect.makeSemaphore(1)

    /** The generation of the shared hash this process has joined ("" for none yet). */
    let generation = ""
    /** What this process spent on the day `ownDay`, shared or not, and how much of it Redis has not seen. */
    let ownDay = -1
    let ownToday = 0
    let unseen = 0
    /** The last shared numbers seen. */
    let lastUsed = 0
    let lastRate = rules.configured
    /** Set while Redis cannot be used: this process's share of what was left today. */
    let fallback: { readonly allowance: number | undefined; used: number } | undefined

    const count = (day: number) => {
      if (day !== ownDay) {
        ownDay = day
        ownToday = 0
      }
      ownToday++
    }

    const restore: Effect.Effect<boolean> = lock.withPermits(1)(Effect.suspend(() => {
      const sentOwn = ownToday
      const sentUnseen = unseen
      return Effect.map(
        connection.script(Scripts.restore, key, [generation, randomUUID(), ownDay, sentOwn, sentUnseen, TTL_MS]),
        (reply) => {
          if (reply === undefined || reply[0] !== "joined") return false
          generation = reply[1] ?? ""
          unseen -= sentUnseen
          lastUsed = numberOr(reply[2], lastUsed) ?? lastUsed
          return true
        }
      )
    }))

    const ticketOf = (epoch: number): Ticket => ({ epoch, shared: true })

    const exhausted = (method: string, path: string, resetsAt: number) =>
      new CrispQuotaExhausted({ method, path, allowance: daily, resetsAt })

    /** Redis cannot be used: this process's own budget, within its share of the day. */
    const viaFallback = (method: string, path: string): Effect.Effect<Ticket, CrispQuotaExhausted> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const day = Math.floor(now / DAY_MS)
        if (fallback === undefined) {
          fallback = { allowance: daily < 0 ? undefined : Math.floor(Math.max(0, daily - lastUsed) / replicas), used: 0 }
        }
        if (fallback.allowance !== undefined && fallback.used >= fallback.allowance) {
          return Effect.fail(exhausted(method, path, (day + 1) * DAY_MS))
        }
        fallback.used++
        unseen++
        count(day)
        return local.acquire(method, path)
      })

    /** After a wait: the slot holds unless a pause came meanwhile (then a new one is reserved). */
    const recheck = (epoch: number): Effect.Effect<Ticket> =>
      Effect.flatMap(
        connection.script(Scripts.acquire, key, [generation, configured, rules.burst, daily, TTL_MS, String(epoch)]),
        (reply) => {
          // Redis went away (or lost its state) while we waited: the slot was granted, use it.
          if (reply === undefined || reply[0] !== "go") return Effect.succeed(ticketOf(epoch))
          lastRate = numberOr(reply[4], undefined)
          const wait = Number(reply[1])
          const current = Number(reply[2])
          return wait <= 0
            ? Effect.succeed(ticketOf(current))
            : Effect.zipRight(Effect.sleep(Duration.millis(wait)), recheck(current))
        }
      )

    const viaRedis = (method: string, path: string, restores: number): Effect.Effect<Ticket, CrispQuotaExhausted> =>
      Effect.flatMap(
        connection.script(Scripts.acquire, key, [generation, configured, rules.burst, daily, TTL_MS, "new"]),
        (reply) => {
          if (reply === undefined) return viaFallback(method, path)
          switch (reply[0]) {
            case "go": {
              fallback = undefined
              lastUsed = Number(reply[3])
              lastRate = numberOr(reply[4], undefined)
              count(Math.floor(Number(reply[5]) / DAY_MS))
              const wait = Number(reply[1])
              const epoch = Number(reply[2])
              return wait <= 0
                ? Effect.succeed(ticketOf(epoch))
                : Effect.zipRight(Effect.sleep(Duration.millis(wait)), recheck(epoch))
            }
            case "exhausted":
              fallback = undefined
              lastUsed = Number(reply[1])
              return Effect.fail(exhausted(method, path, Number(reply[2])))
            default:
              // Another generation, or none: Redis lost the state. Join again, then retry once.
              return restores > 0
                ? Effect.flatMap(restore, (ok) => (ok ? viaRedis(method, path, restores - 1) : viaFallback(method, path)))
                : viaFallback(method, path)
          }
        }
      )

    const acquire = (method: string, path: string): Effect.Effect<Ticket, CrispQuotaExhausted> =>
      Effect.suspend(() =>
        generation === "" || unseen > 0
          ? Effect.flatMap(restore, (ok) => (ok ? viaRedis(method, path, 1) : viaFallback(method, path)))
          : viaRedis(method, path, 1)
      )

    const onRateLimited = (retryAfterMillis: number | undefined, ticket?: Ticket): Effect.Effect<void> => {
      if (ticket?.shared !== true) return local.onRateLimited(retryAfterMillis, ticket)
      if (!isRateSignal(retryAfterMillis)) return Effect.void
      return Effect.flatMap(
        connection.script(Scripts.limited, key, [
          generation,
          configured,
          rules.minRate,
          rules.adaptive ? 1 : 0,
          ticket.epoch,
          retryAfterMillis ?? -1,
          TTL_MS
        ]),
        (reply) => {
          // Redis went away: this process at least backs off by itself.
          if (reply === undefined) return local.onRateLimited(retryAfterMillis)
          if (reply[0] === "fresh") lastRate = numberOr(reply[1], lastRate)
          return Effect.void
        }
      )
    }

    const onAnswered = (ticket: Ticket): Effect.Effect<void> => {
      if (ticket.shared !== true) return local.onAnswered(ticket)
      // Only a learnt rate, or a configured one that was lowered, has something to do.
      const recovering = rules.configured !== undefined && lastRate !== undefined && lastRate < rules.configured
      if (!rules.adaptive && !recovering) return Effect.void
      return Effect.map(connection.script(Scripts.answered, key, [generation, configured, TTL_MS]), (reply) => {
        if (reply !== undefined && reply[0] === "ok") lastRate = numberOr(reply[1], undefined)
      })
    }

    const ownState: Effect.Effect<BudgetState> = Effect.map(local.state, (mine) => {
      const used = lastUsed + (fallback?.used ?? 0)
      const left = fallback?.allowance === undefined
        ? (daily < 0 ? undefined : Math.max(0, daily - lastUsed))
        : Math.max(0, fallback.allowance - fallback.used)
      return {
        ...mine,
        configuredPerSecond: rules.configured,
        remainingToday: daily < 0 ? undefined : left,
        usedToday: used,
        shared: false
      }
    })

    const stateOf = (restores: number): Effect.Effect<BudgetState> =>
      Effect.flatMap(connection.script(Scripts.state, key, [generation, configured]), (reply) => {
        if (reply === undefined) return ownState
        if (reply[0] !== "ok") {
          return restores > 0 ? Effect.flatMap(restore, (ok) => (ok ? stateOf(restores - 1) : ownState)) : ownState
        }
        const used = Number(reply[1])
        const paused = Number(reply[3])
        const now = Number(reply[4])
        return Effect.succeed({
          configuredPerSecond: rules.configured,
          currentPerSecond: numberOr(reply[2], undefined),
          remainingToday: daily < 0 ? undefined : Math.max(0, daily - used),
          usedToday: used,
          pausedUntil: paused > now ? paused : undefined,
          shared: true
        })
      })

    // Join now, so that the first call is counted with the others' (a no-op while Redis is down).
    yield* restore
    return { acquire, onRateLimited, onAnswered, state: stateOf(1) }
  })
