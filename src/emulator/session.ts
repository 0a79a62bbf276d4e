/**
 * An emulator session: one deployed stage of the design, its connections and its local services. The host
 * (Node `serve`, the designer's in-page session) feeds it upgrade requests, frames and closes, and carries out
 * its sends and closes. Every step goes to the timeline.
 */

import { previewName } from '../vtl/refValues'
import { routeByKey, ownEntry } from '../model/queries'
import type { Design, Json, Stage } from '../model/types'
import { selectRoute } from '../vtl/selection'
import { authorize } from './authorize'
import { headerValue, type Connection, type RequestInfo } from './events'
import { errorFrame, FORBIDDEN, INTERNAL_ERROR, INVALID_BODY } from './frames'
import { randomId } from './ids'
import { abbreviate, callIntegration, type IntegrationEnv } from './integrate'
import { CLOSE, DEFAULT_LIMITS, utf8Bytes } from './limits'
import { inMemoryServices } from './services'
import type { AwsService } from './services/types'
import type { ConnectRequest, ConnectResult, EmulatorHost, EmulatorOptions, Limits, TimelineEvent } from './types'
import { validateBody } from './validation'

export interface ManagementAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

export class EmulatorSession {
  design: Design
  readonly stage: string
  readonly limits: Limits
  readonly connections = new Map<string, Connection>()
  readonly services: Record<string, AwsService>
  readonly domainName: string
  readonly apiId: string
  private readonly host: EmulatorHost
  private readonly opts: EmulatorOptions
  private readonly now: () => number
  private readonly newId: () => string
  private seq = 0

  constructor(opts: EmulatorOptions) {
    this.opts = opts
    this.design = opts.design
    this.host = opts.host
    this.now = opts.now ?? Date.now
    this.newId = opts.newId ?? randomId
    this.stage = opts.stage ?? firstStage(opts.design)?.name ?? 'dev'
    this.limits = { ...DEFAULT_LIMITS, ...(opts.limits ?? {}) }
    this.apiId = opts.apiId ?? 'a1b2c3d4e5'
    this.domainName = opts.domainName ?? `${this.apiId}.execute-api.${opts.region ?? 'us-east-1'}.amazonaws.com`
    this.services = { ...inMemoryServices(opts.design, this.newId, this.now), ...(opts.services ?? {}) }
  }

  emit(e: Omit<TimelineEvent, 'seq' | 'at'>): void {
    this.opts.onEvent?.({ seq: ++this.seq, at: this.now(), ...e })
  }

  private get stageVariables(): Record<string, string> {
    const s = Object.values(this.design.stages).find((x) => x.name === this.stage)
    return { ...(s?.stageVariables ?? {}) }
  }

  private env(): IntegrationEnv {
    return { design: this.design, host: this.host, services: this.services, stageVariables: this.stageVariables, emit: (e) => this.emit(e) }
  }

  private info(conn: Connection, routeKey: string, extra: Partial<RequestInfo> = {}): RequestInfo {
    return { conn, routeKey, requestId: this.newId(), at: this.now(), stage: this.stage, domainName: this.domainName, apiId: this.apiId, ...extra }
  }

  /** `$connect`: authorization, API key, required parameters, the integration; the answer to the HTTP upgrade. */
  async connect(req: ConnectRequest): Promise<ConnectResult> {
    const at = this.now()
    const headers = { ...(req.headers ?? {}) }
    const conn: Connection = {
      id: this.newId(),
      connectedAt: at,
      lastActiveAt: at,
      sourceIp: req.sourceIp ?? '127.0.0.1',
      userAgent: headerValue(headers, 'user-agent') ?? '',
      headers,
      query: { ...(req.query ?? {}) },
      state: 'connecting',
    }
    this.connections.set(conn.id, conn)
    const r = this.info(conn, '$connect')
    const where = { connectionId: conn.id, requestId: r.requestId }
    const route = routeByKey(this.design, '$connect')
    this.emit({ kind: 'connect', summary: `$connect from ${conn.sourceIp}${Object.keys(conn.query).length ? ` ?${Object.keys(conn.query).join('&')}` : ''}`, ...where, entity: route?.[0], detail: { headers, query: conn.query } })
    const reject = (status: number, message: string, why: string, unknown?: boolean): ConnectResult => {
      this.connections.delete(conn.id)
      this.emit({ kind: 'rejected', summary: `connection refused: ${status} ${message} (${why})`, ...where, error: true, unknown, entity: route?.[0] })
      return { ok: false, connectionId: conn.id, requestId: r.requestId, status, body: JSON.stringify({ message }) }
    }
    const env = this.env()
    if (route) {
      const [routeId, def] = route
      // 1. Authorization (identity sources and the authorizer run before API keys, as in REST's request order).
      if (def.authorizer) {
        const authorizer = ownEntry(this.design.authorizers, def.authorizer)
        if (!authorizer) return reject(500, INTERNAL_ERROR, `authorizer ${def.authorizer} is not in the design`)
        const out = await authorize(env, r, def.authorizer, authorizer, { region: this.opts.region ?? 'us-east-1', accountId: this.opts.accountId ?? '123456789012' })
        if (!out.ok) return reject(out.status, out.message, 'authorizer')
        if (out.context) conn.authorizer = out.context
      }
      // 2. API key (websocket-rules.md §8): from the x-api-key header or the authorizer's usageIdentifierKey.
      if (def.apiKeyRequired) {
        const key = this.design.api.apiKeySelectionExpression === '$context.authorizer.usageIdentifierKey' ? conn.authorizer?.usageIdentifierKey : headerValue(headers, 'x-api-key')
        const known = this.opts.apiKeys
        if (!key || (known && !known.includes(key))) {
          this.emit({ kind: 'apiKey', summary: key ? 'API key not valid: 403 Forbidden' : 'API key required but none sent: 403 Forbidden', ...where, error: true, entity: routeId })
          return reject(403, FORBIDDEN, 'API key')
        }
        conn.apiKey = key
        this.emit({ kind: 'apiKey', summary: known ? 'API key accepted' : 'API key present; the design does not model key values, so any key is accepted', ...where, unknown: !known, entity: routeId })
      }
      // 3. Required request parameters (Route.RequestParameters, `$connect` only).
      const missing = Object.entries(def.requestParameters ?? {})
        .filter(([, p]) => p.required)
        .map(([name]) => name)
        .filter((name) => {
          const m = /^route\.request\.(header|querystring)\.(.+)$/.exec(name)
          if (!m) return false
          return m[1] === 'header' ? headerValue(headers, m[2]) === undefined : !conn.query[m[2]]
        })
      if (missing.length) {
        // REST answers 400 "Missing required request parameters: [..]"; the WebSocket status is not documented.
        return reject(400, `Missing required request parameters: [${missing.map((m) => m.split('.').pop()).join(', ')}]`, 'required request parameters', true)
      }
      // 4. The $connect integration: a failure refuses the connection.
      if (def.integration) {
        const integration = ownEntry(this.design.integrations, def.integration)
        if (integration) {
          const out = await callIntegration(env, r, def.integration, integration, '')
          if (!out.ok) return reject(500, INTERNAL_ERROR, out.reason)
          if (out.status >= 300) return reject(out.status, out.status === 403 ? FORBIDDEN : INTERNAL_ERROR, `the $connect integration answered ${out.status}`, true)
          // Sec-WebSocket-Protocol: the client's offer must be echoed by the $connect integration's headers
          // (AWS docs, "Working with subprotocols for WebSocket APIs"): otherwise the handshake has no subprotocol and the client fails it.
          const offered = (headerValue(headers, 'sec-websocket-protocol') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
          if (offered.length) {
            const echoed = out.headers ? headerValue(out.headers, 'Sec-WebSocket-Protocol') : undefined
            if (echoed && offered.includes(echoed)) {
              conn.protocol = echoed
              this.emit({ kind: 'note', summary: `subprotocol ${echoed} negotiated`, ...where })
            } else this.emit({ kind: 'note', summary: `the client offered ${offered.join(', ')} but the $connect integration did not echo Sec-WebSocket-Protocol: the client will fail the handshake`, ...where, error: true })
          }
        }
      }
    } else {
      this.emit({ kind: 'note', summary: 'no $connect route: API Gateway accepts the connection', ...where })
    }
    conn.state = 'open'
    this.emit({ kind: 'connected', summary: `connected ${conn.id} ($connect request ${r.requestId})`, ...where })
    return { ok: true, connectionId: conn.id, requestId: r.requestId, protocol: conn.protocol }
  }

  /**
   * One client message. `binary` messages are refused with 1003; a message over 128 KB or a frame over 32 KB closes
   * with 1009. `largestFrameBytes` is the biggest frame the message came in (the Node host reads frame headers);
   * without it the message counts as one frame, which is how browsers send (they do not fragment, so they hit the
   * 32 KB limit on AWS: robtaussig/react-use-websocket#134).
   */
  async message(connectionId: string, data: string, opts: { binary?: boolean; bytes?: number; largestFrameBytes?: number } = {}): Promise<void> {
    const conn = this.connections.get(connectionId)
    if (!conn || conn.state !== 'open') return
    const bytes = opts.bytes ?? utf8Bytes(data)
    const frame = opts.largestFrameBytes ?? bytes
    if (opts.binary) return this.closeBy(conn, CLOSE.unsupportedData, 'Binary frames are not supported', 'API Gateway rejects binary frames (websocket-rules.md §5.6)')
    if (bytes > this.limits.maxMessageBytes) return this.closeBy(conn, CLOSE.tooBig, 'Message too big', `message of ${bytes} bytes exceeds the ${this.limits.maxMessageBytes}-byte limit`)
    if (frame > this.limits.maxFrameBytes) return this.closeBy(conn, CLOSE.tooBig, 'Message too big', `a frame of ${frame} bytes exceeds the ${this.limits.maxFrameBytes}-byte frame limit (split the message into frames)`)
    conn.lastActiveAt = this.now()
    const r = this.info(conn, '', { messageId: this.newId() })
    const where = { connectionId, requestId: r.requestId }
    const sel = selectRoute(this.design, data)
    if (!sel.ok) {
      this.emit({ kind: 'route', summary: sel.error.message, ...where, error: true })
      this.sendFrame(conn, errorFrame(FORBIDDEN, connectionId, r.requestId), r.requestId, 'errorFrame')
      return
    }
    r.routeKey = sel.routeKey
    this.emit({ kind: 'route', summary: `route ${sel.routeKey} (${sel.reason})`, ...where, entity: sel.routeId, detail: { message: abbreviate(data, 4096) } })
    const validation = validateBody(this.design, sel.route, data)
    if (validation.checked) {
      this.emit({ kind: 'validation', summary: validation.ok ? `model ${validation.model} accepts the message` : `model ${validation.model ?? '?'} rejects the message: ${validation.errors.join('; ')}`, ...where, entity: sel.routeId, error: !validation.ok, detail: validation as unknown as Json })
      if (!validation.ok) {
        this.sendFrame(conn, errorFrame(INVALID_BODY, connectionId, r.requestId), r.requestId, 'errorFrame', true)
        return
      }
    }
    const integrationId = sel.route.integration
    const integration = ownEntry(this.design.integrations, integrationId)
    if (!integrationId || !integration) {
      this.emit({ kind: 'note', summary: `route ${sel.routeKey} has no integration: nothing happens`, ...where, entity: sel.routeId })
      return
    }
    const out = await callIntegration(this.env(), r, integrationId, integration, data)
    if (!out.ok) {
      this.sendFrame(conn, errorFrame(INTERNAL_ERROR, connectionId, r.requestId), r.requestId, 'errorFrame')
      return
    }
    if (!sel.route.twoWay) {
      if (out.reply !== undefined) this.emit({ kind: 'note', summary: 'one-way route: the integration answer is not sent to the client', ...where, entity: sel.routeId })
      return
    }
    if (out.reply !== undefined && out.reply !== '') this.sendFrame(conn, out.reply, r.requestId, 'reply')
    else this.emit({ kind: 'note', summary: 'two-way route, but the integration answer is empty: nothing sent', ...where })
  }

  private sendFrame(conn: Connection, data: string, requestId: string, kind: 'reply' | 'errorFrame' | 'management', unknown?: boolean): void {
    if (conn.state === 'closed') return
    this.emit({ kind, summary: `${kind === 'reply' ? 'reply' : kind === 'errorFrame' ? 'error frame' : '@connections'} → ${conn.id}: ${abbreviate(data, 200)}`, connectionId: conn.id, requestId, error: kind === 'errorFrame', unknown, detail: { data } })
    this.host.send(conn.id, data)
  }

  /** The server closes a connection (limits, @connections DELETE), then `$disconnect` runs. */
  private async closeBy(conn: Connection, code: number, reason: string, why: string): Promise<void> {
    this.emit({ kind: 'limit', summary: `closing ${conn.id} with ${code} ${reason}: ${why}`, connectionId: conn.id, error: code !== CLOSE.normal })
    this.host.close(conn.id, code, reason)
    await this.disconnected(conn.id, code, reason)
  }

  /** The socket is gone (client close or server close): `$disconnect`, best effort. */
  async disconnected(connectionId: string, statusCode: number, reason: string): Promise<void> {
    const conn = this.connections.get(connectionId)
    if (!conn || conn.state === 'closed') return
    const wasOpen = conn.state === 'open'
    conn.state = 'closed'
    this.connections.delete(connectionId)
    if (!wasOpen) return
    const r = this.info(conn, '$disconnect', { disconnect: { statusCode, reason } })
    const route = routeByKey(this.design, '$disconnect')
    this.emit({ kind: 'disconnect', summary: `$disconnect ${connectionId} (${statusCode}${reason ? ` ${reason}` : ''})`, connectionId, requestId: r.requestId, entity: route?.[0] })
    if (route?.[1].integration) {
      const integration = ownEntry(this.design.integrations, route[1].integration)
      if (integration) await callIntegration(this.env(), r, route[1].integration, integration, '')
    }
  }

  /**
   * The @connections management API (AWS docs, "Use @connections commands in your backend service"):
   * POST sends the body as a message (200), GET answers `{connectedAt, identity: {sourceIp, userAgent}, lastActiveAt}` (API Gateway Management API reference, the wire names),
   * DELETE disconnects (204); an unknown or closed id answers 410 GoneException. A connection whose `$connect` has
   * not finished is not yet reachable (410, recorded behaviour: posting from the $connect handler fails with GoneException).
   */
  async manage(method: string, connectionId: string, body: string): Promise<ManagementAnswer> {
    const conn = this.connections.get(connectionId)
    const json = (status: number, value: unknown, extra: Record<string, string> = {}): ManagementAnswer => ({ status, headers: { 'Content-Type': 'application/json', ...extra }, body: value === undefined ? '' : JSON.stringify(value) })
    if (!conn || conn.state !== 'open') {
      this.emit({ kind: 'management', summary: `@connections ${method} ${connectionId}: 410 Gone`, connectionId, error: true })
      return json(410, { message: null }, { 'x-amzn-ErrorType': 'GoneException' })
    }
    if (method === 'POST') {
      const bytes = utf8Bytes(body)
      if (bytes > this.limits.maxMessageBytes) {
        this.emit({ kind: 'management', summary: `@connections POST ${connectionId}: 413 payload of ${bytes} bytes is over the limit`, connectionId, error: true })
        return json(413, { message: 'Request Entity Too Large' }, { 'x-amzn-ErrorType': 'PayloadTooLargeException' })
      }
      this.sendFrame(conn, body, '', 'management')
      return json(200, undefined)
    }
    if (method === 'GET') {
      this.emit({ kind: 'management', summary: `@connections GET ${connectionId}`, connectionId })
      return json(200, { connectedAt: new Date(conn.connectedAt).toISOString(), identity: { sourceIp: conn.sourceIp, userAgent: conn.userAgent }, lastActiveAt: new Date(conn.lastActiveAt).toISOString() })
    }
    if (method === 'DELETE') {
      this.emit({ kind: 'management', summary: `@connections DELETE ${connectionId}`, connectionId })
      // The close code API Gateway uses for a DELETE is not documented; the emulator closes with 1000.
      await this.closeBy(conn, CLOSE.normal, 'Connection deleted', '@connections DELETE')
      return json(204, undefined)
    }
    return json(405, { message: `method ${method} is not allowed on @connections` })
  }

  /** Closes connections past the idle timeout or the connection-duration limit (1001 Going away). */
  async sweep(): Promise<void> {
    const now = this.now()
    for (const conn of [...this.connections.values()]) {
      if (conn.state !== 'open') continue
      if (now - conn.connectedAt >= this.limits.maxConnectionMs) await this.closeBy(conn, CLOSE.goingAway, 'Going away', `connection older than ${this.limits.maxConnectionMs} ms`)
      else if (now - conn.lastActiveAt >= this.limits.idleTimeoutMs) await this.closeBy(conn, CLOSE.goingAway, 'Going away', `idle for ${this.limits.idleTimeoutMs} ms`)
    }
  }

  /**
   * A new version of the design (serve --watch, edits in the designer). Open connections stay (API Gateway keeps
   * connections across deployments); messages now follow the new routes. Services are kept.
   */
  reload(design: Design): void {
    this.design = design
    this.emit({ kind: 'reload', summary: `design reloaded; ${this.connections.size} connection(s) kept` })
  }

  async state(): Promise<Json> {
    const services: Record<string, Json> = {}
    for (const [name, s] of Object.entries(this.services)) services[name] = await s.state()
    return {
      stage: this.stage,
      connections: [...this.connections.values()].map((c) => ({ connectionId: c.id, connectedAt: c.connectedAt, state: c.state, sourceIp: c.sourceIp })),
      services,
    }
  }

  /** The physical name a resource gets in this session (what the templates' `@{x.name}` render). */
  resourceName(id: string): string | undefined {
    return previewName(this.design, id)
  }
}

function firstStage(design: Design): Stage | undefined {
  return Object.values(design.stages)[0]
}
