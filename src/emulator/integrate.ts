/**
 * One integration call, as API Gateway makes it (websocket-rules.md §5, §6; AWS docs "Set up WebSocket API
 * integrations" and "integration responses"):
 * request template selection → render with `$context` and stage variables → the backend (mock, Lambda, an AWS
 * service, HTTP) → integration-response selection (status code for MOCK/HTTP/AWS services, `errorMessage` for
 * Lambda non-proxy; proxy integrations have none) → response template → the reply body for two-way routes.
 */

import { ownEntry } from '../model/queries'
import type { Design, EntityId, Integration, IntegrationResponse, Json, LambdaFunction } from '../model/types'
import { previewName, resolveTemplateRefs } from '../vtl/refValues'
import { renderTemplate } from '../vtl/render'
import { evaluateExpression, parseBody, parseExpression, selectTemplate } from '../vtl/selection'
import type { RequestParams } from '../vtl/input'
import { headerValue, lambdaProxyEvent, templateContext, type RequestInfo } from './events'
import type { AwsService } from './services/types'
import type { EmulatorHost, LambdaResult, TimelineEvent } from './types'

/** Long texts in one-line summaries (the full text stays in `detail`). */
export function abbreviate(text: string, max: number): string {
  const one = text.replace(/\s*\n\s*/g, ' ')
  return one.length <= max ? one : `${one.slice(0, max)}… (${text.length} chars)`
}

export interface IntegrationEnv {
  design: Design
  host: EmulatorHost
  services: Record<string, AwsService>
  stageVariables: Record<string, string>
  emit: (e: Omit<TimelineEvent, 'seq' | 'at'>) => void
}

export type Outcome =
  | { ok: true; status: number; reply?: string; headers?: Record<string, string>; body?: string }
  | { ok: false; reason: string }

const DEFAULT_TIMEOUT_MS = 29_000

function timeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([p, new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), ms)))]).finally(() => clearTimeout(timer))
}

/** Integration request parameters (websocket-rules.md §5.8): `'static'`, `route.request.body.x`, `context.x`, `stageVariables.x`, `$connect` header/querystring. */
export function mapRequestParameters(mapping: Record<string, string> | undefined, r: RequestInfo, body: string, stageVariables: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [dest, source] of Object.entries(mapping ?? {})) {
    const m = /^integration\.request\.header\.(.+)$/.exec(dest)
    if (!m) continue
    const value = parameterValue(source, r, body, stageVariables)
    if (value !== undefined) headers[m[1]] = value
  }
  return headers
}

function parameterValue(source: string, r: RequestInfo, body: string, stageVariables: Record<string, string>): string | undefined {
  if (/^'.*'$/s.test(source)) return source.slice(1, -1)
  const [head, ...rest] = source.split('.')
  const path = rest.join('.')
  if (head === 'stageVariables') return stageVariables[path]
  if (head === 'context') {
    let cur: unknown = templateContext(r)
    for (const seg of rest) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined
    return cur === undefined || cur === null ? undefined : String(cur)
  }
  const req = /^route\.request\.(header|querystring|multivalueheader|multivaluequerystring|body)\.(.+)$/.exec(source)
  if (!req) return undefined
  if (req[1] === 'body') {
    const parsed = parseBody(body)
    return parsed.ok ? evaluateExpression(`$request.body.${req[2]}`, parsed.value) : undefined
  }
  if (req[1] === 'header' || req[1] === 'multivalueheader') return headerValue(r.conn.headers, req[2])
  const q = r.conn.query[req[2]]
  return q ? (req[1] === 'querystring' ? q[q.length - 1] : q.join(',')) : undefined
}

/** `$connect` parameters for `$input.params()`. */
export function requestParams(r: RequestInfo): RequestParams {
  const querystring: Record<string, string> = {}
  for (const [k, v] of Object.entries(r.conn.query)) querystring[k] = v[v.length - 1]
  return { header: { ...r.conn.headers }, querystring, path: {} }
}

function render(env: IntegrationEnv, r: RequestInfo, text: string, body: string) {
  return renderTemplate(resolveTemplateRefs(text, env.design), {
    body,
    context: templateContext(r),
    stageVariables: env.stageVariables,
    params: r.routeKey === '$connect' ? requestParams(r) : undefined,
    routeKey: r.routeKey,
  })
}

/** The request body after template selection and rendering; undefined (with a timeline step) when it fails. */
function integrationRequest(env: IntegrationEnv, r: RequestInfo, id: EntityId, integration: Integration, body: string): { ok: true; body: string } | { ok: false; reason: string } {
  const sel = selectTemplate(integration, body)
  if (sel.kind === 'rejected') {
    env.emit({ kind: 'template', summary: `no template: ${sel.reason}`, entity: id, error: true, connectionId: r.conn.id, requestId: r.requestId })
    return { ok: false, reason: sel.reason }
  }
  if (sel.kind !== 'template') {
    env.emit({ kind: 'template', summary: sel.reason, entity: id, connectionId: r.conn.id, requestId: r.requestId })
    return { ok: true, body }
  }
  const out = render(env, r, sel.template, body)
  env.emit({ kind: 'template', summary: `template ${sel.key} (${sel.reason})${out.ok ? ` → ${abbreviate(out.output, 160)}` : ''}`, entity: id, connectionId: r.conn.id, requestId: r.requestId, detail: { key: sel.key, template: sel.template, ...(out.ok ? { rendered: out.output } : { error: out.error.message }) }, error: !out.ok })
  if (!out.ok) return { ok: false, reason: `the request template fails: ${out.error.message}` }
  return { ok: true, body: out.output }
}

function selectResponse(integration: Integration, value: string): { key: string; response: IntegrationResponse } | undefined {
  const responses = integration.responses ?? {}
  for (const [key, response] of Object.entries(responses)) {
    if (key === '$default') continue
    const m = /^\/(.*)\/$/s.exec(key)
    let re: RegExp | undefined
    try {
      re = m ? new RegExp(`^(?:${m[1]})$`, 's') : undefined
    } catch {
      re = undefined
    }
    if (re ? re.test(value) : key === value) return { key, response }
  }
  return Object.prototype.hasOwnProperty.call(responses, '$default') ? { key: '$default', response: responses.$default } : undefined
}

/** Integration response: selection, then the response template (the reply body), or the backend body when there is no template. */
function integrationResponse(env: IntegrationEnv, r: RequestInfo, id: EntityId, integration: Integration, selectionValue: string, status: number, backendBody: string, requestBody: string): Outcome {
  const hit = selectResponse(integration, selectionValue)
  if (!hit) {
    env.emit({ kind: 'response', summary: `no integration response matches ${JSON.stringify(selectionValue)}: nothing to send back`, entity: id, connectionId: r.conn.id, requestId: r.requestId })
    return { ok: true, status }
  }
  const templates = hit.response.templates ?? {}
  const keys = Object.keys(templates)
  let templateKey: string | undefined
  if (hit.response.templateSelectionExpression) {
    const parts = parseExpression(hit.response.templateSelectionExpression)
    const value = parts
      .map((p) => {
        if (p.kind === 'text') return p.text
        if (p.name === 'integration.response.statuscode') return String(status)
        if (p.name.startsWith('request.body')) return evaluateExpression(`$${p.name}`, parseBody(requestBody).ok ? JSON.parse(requestBody) : undefined)
        return ''
      })
      .join('')
    templateKey = keys.includes(value) ? value : keys.includes('$default') ? '$default' : undefined
  } else templateKey = keys.length === 1 ? keys[0] : keys.includes('$default') ? '$default' : undefined
  if (templateKey === undefined) {
    env.emit({ kind: 'response', summary: `integration response ${hit.key}: no response template, the backend body passes through`, entity: id, connectionId: r.conn.id, requestId: r.requestId, detail: { body: backendBody } })
    return { ok: true, status, reply: backendBody }
  }
  const out = render(env, r, templates[templateKey], backendBody)
  env.emit({ kind: 'response', summary: `integration response ${hit.key}, template ${templateKey}${out.ok ? ` → ${abbreviate(out.output, 160)}` : ''}`, entity: id, connectionId: r.conn.id, requestId: r.requestId, detail: { key: hit.key, template: templates[templateKey], ...(out.ok ? { rendered: out.output } : { error: out.error.message }) }, error: !out.ok })
  if (!out.ok) return { ok: false, reason: `the response template fails: ${out.error.message}` }
  return { ok: true, status, reply: out.output }
}

export function functionFor(design: Design, id: EntityId | undefined): { id: EntityId; fn: LambdaFunction; name: string } | undefined {
  if (!id) return undefined
  const r = ownEntry(design.resources, id)
  if (!r || r.type !== 'lambda-function') return undefined
  // `@{table.name}` in the environment becomes the name the session's services use, as the exported stack's
  // references become physical names (docs/design-format.md, "References inside strings").
  const environment = r.environment ? Object.fromEntries(Object.entries(r.environment).map(([k, v]) => [k, resolveTemplateRefs(v, design)])) : undefined
  return { id, fn: environment ? { ...r, environment } : r, name: previewName(design, id)! }
}

export async function invoke(env: IntegrationEnv, r: RequestInfo, fnId: EntityId | undefined, event: Json, timeoutMs: number, entity: EntityId): Promise<LambdaResult | { ok: false; errorType: 'Emulator'; errorMessage: string }> {
  const fn = functionFor(env.design, fnId)
  if (!fn) {
    const why = `the target ${fnId ?? '(none)'} is not a Lambda function of the design, so the emulator cannot run it`
    env.emit({ kind: 'integration', summary: why, entity, error: true, unknown: true, connectionId: r.conn.id, requestId: r.requestId })
    return { ok: false, errorType: 'Emulator', errorMessage: why }
  }
  const res = await timeout(env.host.invokeLambda({ functionId: fn.id, fn: fn.fn, functionName: fn.name, event, requestId: r.requestId, timeoutMs: (fn.fn.timeoutSeconds ?? 3) * 1000 }), timeoutMs)
  if (res === 'timeout') return { ok: false, errorType: 'Timeout', errorMessage: `the integration timed out after ${timeoutMs} ms (TimeoutInMillis)` }
  return res
}

/** Runs one integration for one request. */
export async function callIntegration(env: IntegrationEnv, r: RequestInfo, id: EntityId, integration: Integration, body: string): Promise<Outcome> {
  const where = { entity: id, connectionId: r.conn.id, requestId: r.requestId }
  const timeoutMs = integration.timeoutMs ?? DEFAULT_TIMEOUT_MS
  switch (integration.type) {
    case 'mock': {
      const req = integrationRequest(env, r, id, integration, body)
      if (!req.ok) return req
      // MOCK: the request template's `statusCode` selects the integration response (websocket-rules.md §6).
      const parsed = parseBody(req.body)
      const code = parsed.ok && parsed.value && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>).statusCode : undefined
      if (typeof code !== 'number' || !Number.isInteger(code)) {
        env.emit({ kind: 'integration', summary: 'mock: the request template did not yield {"statusCode": <integer>}', ...where, error: true, detail: { request: req.body } })
        return { ok: false, reason: 'a MOCK request template must yield {"statusCode": …}' }
      }
      env.emit({ kind: 'integration', summary: `mock answers ${code}`, ...where, detail: { request: req.body, status: code } })
      return integrationResponse(env, r, id, integration, String(code), code, '', body)
    }
    case 'lambda-proxy': {
      const event = lambdaProxyEvent(r, body)
      env.emit({ kind: 'request', summary: `invoke ${integration.target ?? '?'} (proxy event)`, ...where, detail: { event } })
      const res = await invoke(env, r, integration.target, event, timeoutMs, id)
      if (!res.ok) {
        env.emit({ kind: 'integration', summary: `Lambda failed: ${res.errorType}: ${res.errorMessage}`, ...where, error: true, detail: res as unknown as Json })
        return { ok: false, reason: res.errorMessage }
      }
      const value = res.value
      const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : undefined
      const status = obj && typeof obj.statusCode === 'number' ? obj.statusCode : 200
      const headers = obj && obj.headers && typeof obj.headers === 'object' ? (obj.headers as Record<string, string>) : undefined
      // A proxy function's reply is its `body` (websocket-rules.md §5.1); a value without `body` sends nothing.
      const reply = obj && obj.body !== undefined ? (typeof obj.body === 'string' ? obj.body : JSON.stringify(obj.body)) : undefined
      env.emit({ kind: 'integration', summary: `Lambda returned ${status}${reply !== undefined ? `: ${abbreviate(reply, 160)}` : ''}`, ...where, detail: { result: value ?? null, ...(res.logs?.length ? { logs: res.logs } : {}) } })
      return { ok: true, status, reply, headers }
    }
    case 'lambda': {
      const req = integrationRequest(env, r, id, integration, body)
      if (!req.ok) return req
      const parsed = parseBody(req.body)
      const payload = (parsed.ok ? parsed.value : req.body) as Json
      env.emit({ kind: 'request', summary: `invoke ${integration.target ?? '?'} (non-proxy payload)`, ...where, detail: { payload } })
      const res = await invoke(env, r, integration.target, payload, timeoutMs, id)
      if (!res.ok && res.errorType === 'Timeout') return { ok: false, reason: res.errorMessage }
      // Lambda non-proxy: the integration response is selected by `errorMessage` (websocket-rules.md §4.2).
      const resultBody = res.ok ? JSON.stringify(res.value ?? null) : JSON.stringify({ errorMessage: res.errorMessage, errorType: res.errorType })
      env.emit({ kind: 'integration', summary: res.ok ? 'Lambda returned' : `Lambda error: ${res.errorMessage}`, ...where, error: !res.ok, detail: { result: resultBody } })
      return integrationResponse(env, r, id, integration, res.ok ? '' : res.errorMessage, 200, resultBody, body)
    }
    case 'aws': {
      const req = integrationRequest(env, r, id, integration, body)
      if (!req.ok) return req
      const service = integration.service ?? ''
      if (service === 'lambda') return callIntegration(env, r, id, { ...integration, type: 'lambda' }, body)
      const impl = Object.prototype.hasOwnProperty.call(env.services, service) ? env.services[service] : undefined
      const headers = mapRequestParameters(integration.requestParameters, r, body, env.stageVariables)
      const path = integration.path ? resolveTemplateRefs(integration.path, env.design) : undefined
      env.emit({ kind: 'request', summary: `${service} ${integration.action ?? `path/${path ?? ''}`}`, ...where, detail: { headers, body: req.body } })
      if (!impl) {
        env.emit({ kind: 'integration', summary: `the emulator has no local ${service || '(unnamed)'} service`, ...where, error: true, unknown: true })
        return { ok: false, reason: `no local ${service} service` }
      }
      let answer
      try {
        const call = await timeout(Promise.resolve(impl.call({ service, action: integration.action, path, headers, body: req.body })), timeoutMs)
        if (call === 'timeout') return { ok: false, reason: `the integration timed out after ${timeoutMs} ms` }
        answer = call
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e)
        env.emit({ kind: 'integration', summary: `${service} failed: ${msg}`, ...where, error: true })
        return { ok: false, reason: msg }
      }
      env.emit({ kind: 'integration', summary: `${service} answered ${answer.status} ${abbreviate(answer.body, 160)}`, ...where, error: answer.status >= 400, detail: { status: answer.status, headers: answer.headers, body: answer.body } })
      const out = integrationResponse(env, r, id, integration, String(answer.status), answer.status, answer.body, body)
      return out.ok ? { ...out, body: answer.body } : out
    }
    case 'http':
    case 'http-proxy': {
      const proxy = integration.type === 'http-proxy'
      const req = proxy ? ({ ok: true, body } as const) : integrationRequest(env, r, id, integration, body)
      if (!req.ok) return req
      const url = resolveTemplateRefs(integration.uri ?? '', env.design).replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, n: string) => env.stageVariables[n] ?? '')
      const headers = mapRequestParameters(integration.requestParameters, r, body, env.stageVariables)
      const method = integration.method && integration.method !== 'ANY' ? integration.method : 'POST'
      env.emit({ kind: 'request', summary: `${method} ${url}`, ...where, detail: { method, url, headers, body: req.body } })
      let answer
      try {
        const call = await timeout(env.host.http({ method, url, headers, body: req.body }), timeoutMs)
        if (call === 'timeout') return { ok: false, reason: `the integration timed out after ${timeoutMs} ms` }
        answer = call
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e)
        env.emit({ kind: 'integration', summary: `HTTP request failed: ${msg}`, ...where, error: true })
        return { ok: false, reason: msg }
      }
      env.emit({ kind: 'integration', summary: `HTTP ${answer.status}`, ...where, error: answer.status >= 500, detail: answer as unknown as Json })
      if (proxy) return { ok: true, status: answer.status, reply: answer.body, headers: answer.headers }
      return integrationResponse(env, r, id, integration, String(answer.status), answer.status, answer.body, body)
    }
  }
}
