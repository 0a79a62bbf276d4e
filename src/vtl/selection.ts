/**
 * WebSocket selection expressions (websocket-rules.md §4): `$request.body.a.b`, `${request.body.a}` next to
 * static text, `\$` for a literal dollar. Used for route selection (`selectRoute`) and request-template
 * selection (`selectTemplate`), both pure.
 */

import type { Diagnostic } from '../model/diagnostics'
import type { Design, EntityId, Integration, Route } from '../model/types'
import { parseExpression } from '../model/selectionExpression'
import { toJava } from './json'
import { printValue } from './values'

export { parseExpression, staticValue, type ExpressionPart } from '../model/selectionExpression'

type Body = { ok: true; value: unknown } | { ok: false }

/** A message body as plain JSON (JSON.parse), for callers such as the emulator; expressions convert it to Java values. */
export function parseBody(message: string): Body {
  try {
    return { ok: true, value: JSON.parse(message) as unknown }
  } catch {
    return { ok: false }
  }
}

/** Route selection stringifies non-strings the Java way: `[item1, item2]`, `{a=b}`, `1`, `true`. */
function selectionString(v: unknown): string {
  if (v === undefined || v === null) return ''
  if (Array.isArray(v)) return `[${v.map((x) => (x === null || x === undefined ? 'null' : selectionString(x))).join(', ')}]`
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${k}=${x === null || x === undefined ? 'null' : selectionString(x)}`).join(', ')}}`
  return printValue(v)
}

/** Walks a parsed body (Maps and lists, prototype-free: `request.body.constructor` finds nothing). */
function lookup(root: unknown, path: string[]): unknown {
  let cur = root
  for (const seg of path) {
    if (cur instanceof Map) cur = cur.get(seg)
    else if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)]
    else return undefined
  }
  return cur
}

/** Evaluates an expression against a JSON body; variables other than `request.body.*` evaluate to "". */
export function evaluateExpression(expression: string, rawBody: unknown): string {
  const body = toJava(rawBody)
  return parseExpression(expression)
    .map((p) => {
      if (p.kind === 'text') return p.text
      if (p.name === 'request.body') return selectionString(body)
      if (!p.name.startsWith('request.body.')) return ''
      return selectionString(lookup(body, p.name.slice('request.body.'.length).split('.')))
    })
    .join('')
}

export type RouteSelection =
  | { ok: true; routeId: EntityId; route: Route; routeKey: string; value?: string; reason: string }
  | { ok: false; value?: string; error: Diagnostic }

function selectionError(message: string): Diagnostic {
  return { code: 'VTL024', severity: 'error', message }
}

/** Which route a message goes to, as API Gateway decides it. `$connect`/`$disconnect` are never selected by messages. */
export function selectRoute(design: Design, messageText: string): RouteSelection {
  const routes = Object.entries(design.routes)
  const byKey = (key: string) => routes.find(([, r]) => r.key === key)
  const fallback = (value: string | undefined, why: string): RouteSelection => {
    const d = byKey('$default')
    if (d) return { ok: true, routeId: d[0], route: d[1], routeKey: '$default', value, reason: why }
    return { ok: false, value, error: selectionError(`${why}, and the API has no $default route: API Gateway returns an error to the client`) }
  }
  const body = parseBody(messageText)
  if (!body.ok) return fallback(undefined, 'the message is not JSON, so it goes to $default')
  const value = evaluateExpression(design.api.routeSelectionExpression, body.value)
  const hit = value !== '$connect' && value !== '$disconnect' ? byKey(value) : undefined
  if (hit) return { ok: true, routeId: hit[0], route: hit[1], routeKey: hit[1].key, value, reason: `${design.api.routeSelectionExpression} = ${JSON.stringify(value)}` }
  return fallback(value, `no route has the key ${JSON.stringify(value)} (${design.api.routeSelectionExpression})`)
}

export type TemplateSelection =
  | { kind: 'template'; key: string; template: string; value?: string; reason: string }
  | { kind: 'passthrough'; value?: string; reason: string }
  | { kind: 'rejected'; value?: string; reason: string }
  | { kind: 'none'; reason: string }

const PROXY_TYPES = new Set(['lambda-proxy', 'http-proxy'])

/**
 * Which request template API Gateway applies to a message. No match falls back to the `$default` template;
 * with none, the passthrough behaviour decides (WHEN_NO_MATCH passes the body through unchanged,
 * WHEN_NO_TEMPLATES only if there are no templates at all, NEVER rejects with 415).
 */
export function selectTemplate(integration: Integration, messageText: string): TemplateSelection {
  if (PROXY_TYPES.has(integration.type)) return { kind: 'none', reason: 'proxy integrations ignore templates and pass the message through' }
  const templates = integration.requestTemplates ?? {}
  const keys = Object.keys(templates)
  const behavior = integration.passthroughBehavior ?? 'WHEN_NO_MATCH'
  const expression = integration.templateSelectionExpression
  let value: string | undefined
  if (expression !== undefined && expression !== '') {
    const body = parseBody(messageText)
    value = evaluateExpression(expression, body.ok ? body.value : undefined)
    if (Object.prototype.hasOwnProperty.call(templates, value))
      return { kind: 'template', key: value, template: templates[value], value, reason: `${expression} = ${JSON.stringify(value)}` }
  } else if (keys.length === 1 && !templates.$default) {
    // No expression: API Gateway's choice is not documented for WebSocket; a single template is assumed to apply.
    return { kind: 'template', key: keys[0], template: templates[keys[0]], reason: 'no template selection expression; the only template applies' }
  }
  if (Object.prototype.hasOwnProperty.call(templates, '$default'))
    return { kind: 'template', key: '$default', template: templates.$default, value, reason: value === undefined ? 'the $default template applies' : `no template for ${JSON.stringify(value)}; $default applies` }
  const none = value === undefined ? 'no template matches' : `no template for ${JSON.stringify(value)} and no $default template`
  if (behavior === 'NEVER') return { kind: 'rejected', value, reason: `${none}; passthrough NEVER rejects the message (415 Unsupported Media Type)` }
  if (behavior === 'WHEN_NO_TEMPLATES' && keys.length > 0)
    return { kind: 'rejected', value, reason: `${none}; WHEN_NO_TEMPLATES rejects because the integration has templates (415)` }
  return { kind: 'passthrough', value, reason: `${none}; ${behavior} passes the message through unchanged` }
}

/**
 * Template keys the selection expression can never select: with a static expression only that key (or
 * `$default` when no key equals it) is reachable. Dynamic or missing expressions reach every key.
 */
export function unreachableTemplateKeys(expression: string | undefined, keys: readonly string[]): string[] {
  if (expression === undefined || expression === '') return []
  const parts = parseExpression(expression)
  // `request.body.*` (and, for integration responses, `integration.response.*`) vary; other variables are "".
  if (parts.some((p) => p.kind === 'var' && /^(request\.body|integration\.response)(\.|$)/.test(p.name))) return []
  const v = evaluateExpression(expression, undefined)
  const reachable = keys.includes(v) ? v : '$default'
  return keys.filter((k) => k !== reachable)
}
