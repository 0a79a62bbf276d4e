/** A ScriptClient over real `ws` sockets, for `serve --script` and the tests. */

import { WebSocket } from 'ws'
import type { ScriptClient } from '../emulator/scripts'

export class WsScriptClient implements ScriptClient {
  private readonly sockets = new Map<string, { ws: WebSocket; inbox: string[]; waiters: ((m: string) => void)[] }>()
  constructor(private readonly url: string) {}

  connect(name: string, request: { query: Record<string, string>; headers: Record<string, string> }): Promise<{ ok: true } | { ok: false; status: number }> {
    const u = new URL(this.url)
    for (const [k, v] of Object.entries(request.query)) u.searchParams.set(k, v)
    const protocols = request.headers['Sec-WebSocket-Protocol'] ?? request.headers['sec-websocket-protocol']
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== 'sec-websocket-protocol'))
    const ws = new WebSocket(u, protocols ? protocols.split(',').map((p) => p.trim()) : [], { headers })
    const entry = { ws, inbox: [] as string[], waiters: [] as ((m: string) => void)[] }
    ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8')
      const w = entry.waiters.shift()
      if (w) w(text)
      else entry.inbox.push(text)
    })
    return new Promise((resolve) => {
      ws.once('open', () => {
        this.sockets.set(name, entry)
        resolve({ ok: true })
      })
      ws.once('unexpected-response', (_req, res) => {
        resolve({ ok: false, status: res.statusCode ?? 0 })
        ws.terminate()
      })
      ws.once('error', () => resolve({ ok: false, status: 0 }))
    })
  }

  send(name: string, data: string): void {
    this.sockets.get(name)?.ws.send(data)
  }

  next(name: string, timeoutMs: number): Promise<string | undefined> {
    const entry = this.sockets.get(name)
    if (!entry) return Promise.resolve(undefined)
    if (entry.inbox.length) return Promise.resolve(entry.inbox.shift())
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        entry.waiters = entry.waiters.filter((w) => w !== waiter)
        resolve(undefined)
      }, timeoutMs)
      const waiter = (m: string) => {
        clearTimeout(timer)
        resolve(m)
      }
      entry.waiters.push(waiter)
    })
  }

  close(name: string): Promise<void> {
    const entry = this.sockets.get(name)
    this.sockets.delete(name)
    if (!entry || entry.ws.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      entry.ws.once('close', () => resolve())
      entry.ws.close(1000)
    })
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sockets.keys()].map((n) => this.close(n)))
  }
}
