/**
 * The Live panel's model, outside React: an in-page emulator session of the design (services in memory, Lambda in
 * Web Workers, HTTP with fetch) or a connection to a running `serve` (browser WebSockets, its timeline over
 * `GET /_events`, its state from `GET /_state`). It keeps the timeline, the connections and what each received,
 * and records the user's actions so they can be saved as a message script.
 */
import { EmulatorSession, InPageHost, parseScripts, runScript, sessionScriptClient, type ScriptResult, type TimelineEvent } from '../../emulator'
import type { ScriptStep } from '../../emulator/scripts'
import type { Design, Json } from '../../model/types'
import { BrowserLambda } from './browserLambda'

export interface LiveConnection {
  id: string
  name: string
  state: 'open' | 'closed'
  received: string[]
  closeInfo?: string
}

export interface ConnectInput {
  query: Record<string, string>
  headers: Record<string, string>
  apiKey?: string
}

const MAX_EVENTS = 2000

export class LiveController {
  events: TimelineEvent[] = []
  connections: LiveConnection[] = []
  state: Json = null
  mode: 'off' | 'page' | 'remote' = 'off'
  error?: string
  recording: ScriptStep[] = []
  lastScript?: { name: string; result: ScriptResult }
  private session?: EmulatorSession
  private host?: InPageHost
  private lambda?: BrowserLambda
  private remote?: { url: string; sockets: Map<string, WebSocket>; events?: EventSource; httpBase: string }
  private listeners = new Set<() => void>()
  private version = 0
  private names = 0

  subscribe = (l: () => void) => {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  getVersion = () => this.version

  private changed(): void {
    this.version++
    for (const l of this.listeners) l()
  }

  private push(e: TimelineEvent): void {
    this.events.push(e)
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS)
    this.changed()
  }

  /** The entities the latest message (or connect) went through: for the canvas highlight. */
  trail(): string[] {
    const last = [...this.events].reverse().find((e) => e.kind === 'connect' || e.kind === 'route')
    if (!last) return []
    return [...new Set(this.events.filter((e) => e.seq >= last.seq && e.requestId === last.requestId && e.entity).map((e) => e.entity!))]
  }

  startPage(design: Design): void {
    this.stop()
    this.lambda = new BrowserLambda(() => this.session)
    const host = new InPageHost({
      invokeLambda: this.lambda.invoke,
      http: async (r) => {
        const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body })
        const headers: Record<string, string> = {}
        res.headers.forEach((v, k) => (headers[k] = v))
        return { status: res.status, headers, body: await res.text() }
      },
    })
    host.onSend((id, data) => {
      const c = this.connections.find((x) => x.id === id)
      if (c) c.received.push(data)
      this.record({ expect: expectFor(data, c?.name) })
      void this.refreshState()
    })
    host.onClose((id, code, reason) => {
      const c = this.connections.find((x) => x.id === id)
      if (c) {
        c.state = 'closed'
        c.closeInfo = `${code} ${reason}`
      }
      this.changed()
    })
    this.host = host
    this.session = new EmulatorSession({ design, host, onEvent: (e) => this.push(e) })
    this.mode = 'page'
    this.error = undefined
    void this.refreshState()
    this.changed()
  }

  /** Connects to a running `serve` (e.g. ws://127.0.0.1:3001/dev). */
  startRemote(url: string): void {
    this.stop()
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      this.error = `not a WebSocket URL: ${url}`
      this.changed()
      return
    }
    const httpBase = `http://${parsed.host}`
    const events = new EventSource(`${httpBase}/_events`)
    events.onmessage = (m) => this.push(JSON.parse(m.data as string) as TimelineEvent)
    events.onerror = () => {
      this.error = `cannot reach the serve timeline at ${httpBase}/_events (is serve running?)`
      this.changed()
    }
    this.remote = { url, sockets: new Map(), events, httpBase }
    this.mode = 'remote'
    this.error = undefined
    void this.refreshState()
    this.changed()
  }

  stop(): void {
    for (const c of this.connections) if (c.state === 'open') void this.close(c.id)
    this.remote?.events?.close()
    for (const ws of this.remote?.sockets.values() ?? []) ws.close()
    this.lambda?.dispose()
    this.session = undefined
    this.host = undefined
    this.lambda = undefined
    this.remote = undefined
    this.mode = 'off'
    this.connections = []
    this.changed()
  }

  /** The design changed in the designer: the session follows it and keeps its connections. */
  reload(design: Design): void {
    this.session?.reload(design)
  }

  clearTimeline(): void {
    this.events = []
    this.changed()
  }

  private record(step: ScriptStep): void {
    this.recording.push(step)
  }

  clearRecording(): void {
    this.recording = []
    this.changed()
  }

  async connect(input: ConnectInput): Promise<void> {
    const name = String.fromCharCode(97 + (this.names++ % 26))
    const headers = { ...input.headers, ...(input.apiKey ? { 'x-api-key': input.apiKey } : {}) }
    this.record({ connect: { as: name, ...(Object.keys(input.query).length ? { query: input.query } : {}), ...(Object.keys(input.headers).length ? { headers: input.headers } : {}), ...(input.apiKey ? { apiKey: input.apiKey } : {}) } })
    if (this.session) {
      const query: Record<string, string[]> = {}
      for (const [k, v] of Object.entries(input.query)) query[k] = [v]
      const r = await this.session.connect({ headers: { 'User-Agent': navigator.userAgent, ...headers }, query })
      if (r.ok) this.connections.push({ id: r.connectionId, name, state: 'open', received: [] })
      else this.error = `connection refused: ${r.status} ${r.body}`
    } else if (this.remote) {
      const remote = this.remote
      const u = new URL(remote.url)
      for (const [k, v] of Object.entries(input.query)) u.searchParams.set(k, v)
      if (Object.keys(headers).length) this.error = 'browsers cannot send headers on a WebSocket upgrade: headers and the API key are not sent to serve (use a query string, or serve --script)'
      const ws = new WebSocket(u)
      const local = `${name} (remote)`
      const conn: LiveConnection = { id: local, name, state: 'open', received: [] }
      ws.onmessage = (m) => {
        conn.received.push(String(m.data))
        this.record({ expect: expectFor(String(m.data), name) })
        void this.refreshState()
        this.changed()
      }
      ws.onclose = (c) => {
        conn.state = 'closed'
        conn.closeInfo = `${c.code} ${c.reason}`
        this.changed()
      }
      await new Promise<void>((resolve) => {
        ws.onopen = () => resolve()
        ws.onerror = () => {
          this.error = `could not connect to ${u.href}`
          conn.state = 'closed'
          resolve()
        }
      })
      remote.sockets.set(local, ws)
      this.connections.push(conn)
    }
    await this.refreshState()
    this.changed()
  }

  async send(connectionId: string, data: string): Promise<void> {
    const c = this.connections.find((x) => x.id === connectionId)
    this.record({ send: data, ...(c && c.name !== 'a' ? { on: c.name } : {}) })
    if (this.session) await this.session.message(connectionId, data)
    else this.remote?.sockets.get(connectionId)?.send(data)
    await this.refreshState()
    this.changed()
  }

  async close(connectionId: string): Promise<void> {
    const c = this.connections.find((x) => x.id === connectionId)
    if (c) {
      c.state = 'closed'
      c.closeInfo = '1000 closed by you'
      this.record({ close: c.name !== 'a' ? { on: c.name } : {} })
    }
    if (this.session) await this.session.disconnected(connectionId, 1000, '')
    else this.remote?.sockets.get(connectionId)?.close(1000)
    this.changed()
  }

  async refreshState(): Promise<void> {
    try {
      if (this.session) this.state = await this.session.state()
      else if (this.remote) this.state = (await (await fetch(`${this.remote.httpBase}/_state`)).json()) as Json
    } catch (e) {
      this.error = `cannot read the state: ${e instanceof Error ? e.message : String(e)}`
    }
    this.changed()
  }

  /** Replays a script of the design against the current session. */
  async runScript(design: Design, name: string): Promise<ScriptResult | undefined> {
    const { scripts, diagnostics } = parseScripts(design.scripts)
    const script = scripts[name]
    if (!script) {
      this.error = diagnostics.map((d) => d.message).join('; ') || `no script ${name}`
      this.changed()
      return undefined
    }
    if (!this.session || !this.host) this.startPage(design)
    const { client, dispose } = sessionScriptClient(this.session!, this.host!)
    const result = await runScript(script, client, { defaultTimeoutMs: 5000 })
    dispose()
    this.lastScript = { name, result }
    await this.refreshState()
    this.changed()
    return result
  }
}

/** The expectation a received frame becomes in a saved script: JSON subset (all of it) or exact text. */
function expectFor(data: string, on: string | undefined): { on?: string; json?: Json; text?: string } {
  const where = on && on !== 'a' ? { on } : {}
  try {
    const v = JSON.parse(data) as Json
    if (v && typeof v === 'object') return { ...where, json: stripVolatile(v) }
  } catch {
    /* not JSON: compare the text */
  }
  return { ...where, text: data }
}

/** Ids and times differ on every run: a saved expectation leaves them out. */
function stripVolatile(v: Json): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v
  const out: Record<string, Json> = {}
  for (const [k, x] of Object.entries(v)) if (!/^(connectionId|requestId|messageId|at|timestamp|time|connectedAt)$/i.test(k)) out[k] = x
  return out
}

/**
 * What of the design the in-page session cannot run: Python functions (they need `python3`) and code from asset
 * folders (the page cannot read the design's folder). Both run under `serve`; the panel says so.
 */
export function needsServe(design: Design): string | undefined {
  const python: string[] = []
  const assets: string[] = []
  for (const [id, r] of Object.entries(design.resources)) {
    if (r.type !== 'lambda-function') continue
    if (r.runtime.startsWith('python')) python.push(id)
    else if (r.codeAsset !== undefined) assets.push(id)
  }
  const parts = [python.length ? `Python functions (${python.join(', ')}) need python3` : '', assets.length ? `code from asset folders (${assets.join(', ')}) is read from disk` : ''].filter(Boolean)
  if (!parts.length) return undefined
  return `${parts.join('; ')}: run \`npm run --silent cli -- serve <design>\` and attach to it; in this page they answer with an error.`
}

