/** A ScriptClient for a session whose clients live in-process (the Live panel replays scripts through it). */

import type { InPageHost } from './inPageHost'
import type { ScriptClient } from './scripts'
import type { EmulatorSession } from './session'

export function sessionScriptClient(session: EmulatorSession, host: InPageHost): { client: ScriptClient; names: Map<string, string>; dispose: () => void } {
  const names = new Map<string, string>()
  const inbox = new Map<string, string[]>()
  const waiters = new Map<string, ((m: string) => void)[]>()
  const off = host.onSend((id, data) => {
    const w = waiters.get(id)?.shift()
    if (w) w(data)
    else (inbox.get(id) ?? inbox.set(id, []).get(id)!).push(data)
  })
  const client: ScriptClient = {
    async connect(name, request) {
      const query: Record<string, string[]> = {}
      for (const [k, v] of Object.entries(request.query)) query[k] = [v]
      const r = await session.connect({ headers: request.headers, query })
      if (!r.ok) return { ok: false, status: r.status }
      names.set(name, r.connectionId)
      return { ok: true }
    },
    async send(name, data) {
      const id = names.get(name)
      if (id) await session.message(id, data)
    },
    next(name, timeoutMs) {
      const id = names.get(name)
      if (!id) return Promise.resolve(undefined)
      const queued = inbox.get(id)
      if (queued?.length) return Promise.resolve(queued.shift())
      return new Promise((resolve) => {
        const list = waiters.get(id) ?? waiters.set(id, []).get(id)!
        const timer = setTimeout(() => {
          const i = list.indexOf(waiter)
          if (i >= 0) list.splice(i, 1)
          resolve(undefined)
        }, timeoutMs)
        const waiter = (m: string) => {
          clearTimeout(timer)
          resolve(m)
        }
        list.push(waiter)
      })
    },
    async close(name) {
      const id = names.get(name)
      names.delete(name)
      if (id) await session.disconnected(id, 1000, '')
    },
  }
  return { client, names, dispose: off }
}
