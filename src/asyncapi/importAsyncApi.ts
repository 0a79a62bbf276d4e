/**
 * AsyncAPI 3.0 document → design. `receive` operations become routes with their models (the property every
 * operation pins by `const` becomes the route selection expression), replies become two-way routes, servers become
 * stages, `send` operations become server messages, and integrations become Mock placeholders to wire. Our own
 * `x-amazon-apigateway-*` extensions (extensions.ts) restore what they carry. 2.x documents are converted first
 * (`convertedTo3` in importText.ts). Pure; never throws for bad input (problems come back as diagnostics).
 */

import { emptyDesign } from '../model/builders'
import type { Diagnostic } from '../model/diagnostics'
import {
  ENTITY_ID_PATTERN,
  INTEGRATION_TYPES,
  type Authorizer,
  type Design,
  type DomainName,
  type Integration,
  type Json,
  type JsonObject,
  type Route,
  type Stage,
} from '../model/types'
import { X } from './extensions'
import { deref, inlineRefs, schemaRefName } from './refs'
import { isObject, pinnedValue, plain, toDraft04 } from './schemas'

export type AsyncApiImport = { ok: true; design: Design; diagnostics: Diagnostic[] } | { ok: false; errors: Diagnostic[] }

/** Stable codes of the AsyncAPI import. */
export const AAI = {
  notAsyncApi: 'AAI001',
  version: 'AAI002',
  noOperations: 'AAI003',
  noSelection: 'AAI004',
  duplicateKey: 'AAI005',
  server: 'AAI006',
  placeholder: 'AAI007',
  authorizerFunction: 'AAI008',
  badExtension: 'AAI009',
  converted: 'AAI010',
} as const

const CFN_TO_TYPE: Record<string, Integration['type']> = { AWS: 'aws', AWS_PROXY: 'lambda-proxy', MOCK: 'mock', HTTP: 'http', HTTP_PROXY: 'http-proxy' }

interface OpInfo {
  opId: string
  op: JsonObject
  messages: { id: string; message: JsonObject; payload: Json | undefined }[]
  reply?: { message: JsonObject; payload: Json | undefined }
}

class Ids {
  private used = new Set<string>()
  take(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^[^A-Za-z]+/, '')
    if (!base) base = 'entity'
    base = base.slice(0, 100)
    let id = base
    for (let i = 2; this.used.has(id) || !ENTITY_ID_PATTERN.test(id); i++) id = `${base}${i}`
    this.used.add(id)
    return id
  }
  reserve(id: string): boolean {
    if (this.used.has(id) || !ENTITY_ID_PATTERN.test(id)) return false
    this.used.add(id)
    return true
  }
}

export function importAsyncApi(doc: Json): AsyncApiImport {
  if (!isObject(doc) || typeof doc.asyncapi !== 'string') {
    return { ok: false, errors: [{ code: AAI.notAsyncApi, severity: 'error', message: 'This is not an AsyncAPI document: it has no "asyncapi" version field.' }] }
  }
  if (!doc.asyncapi.startsWith('3.')) {
    return { ok: false, errors: [{ code: AAI.version, severity: 'error', message: `AsyncAPI ${doc.asyncapi} is not supported here; only 3.x (2.x documents are converted first).` }] }
  }
  const diagnostics: Diagnostic[] = []
  const warn = (code: string, message: string, entity?: string) => diagnostics.push({ code, severity: 'warning', message, ...(entity ? { entity } : {}) })
  const info = (obj(doc.info) ?? {})
  const apiExt = obj(info[X.api])
  const design = emptyDesign(typeof info.title === 'string' && info.title ? info.title : 'api')
  if (apiExt) Object.assign(design.api, restore(apiExt, ['name', 'routeSelectionExpression']))
  if (typeof info.description === 'string') design.api.description = info.description
  const ids = new Ids()
  ids.reserve('api')

  // ---- operations and their messages
  const operations = (obj(doc.operations) ?? {})
  const all: OpInfo[] = Object.entries(operations).flatMap(([opId, raw]) => {
    const op = deref(doc, raw)
    if (!isObject(op)) return []
    const msgs = (Array.isArray(op.messages) ? op.messages : channelMessages(doc, op.channel)).flatMap((m) => {
      const message = deref(doc, m)
      if (!isObject(message)) return []
      const id = isObject(m) && typeof m.$ref === 'string' ? m.$ref.split('/').pop()! : opId
      return [{ id, message, payload: payloadOf(message) }]
    })
    let reply: OpInfo['reply']
    const r = deref(doc, op.reply)
    if (isObject(r)) {
      const rm = deref(doc, Array.isArray(r.messages) ? r.messages[0] : channelMessages(doc, r.channel)[0])
      reply = { message: (obj(rm) ?? {}), payload: isObject(rm) ? payloadOf(rm) : undefined }
    }
    return [{ opId, op, messages: msgs, ...(reply ? { reply } : {}) }]
  })
  // The document describes the API: what it receives are client messages (routes), what it sends are server messages.
  const incoming = all.filter((o) => o.op.action === 'receive')
  const outgoing = all.filter((o) => o.op.action === 'send')

  // ---- the selection property: the one every incoming message pins, else the extension's expression
  const selection = apiExt && typeof apiExt.routeSelectionExpression === 'string' ? undefined : findSelectionProperty(doc, incoming)
  if (selection) design.api.routeSelectionExpression = `$request.body.${selection}`
  const selPath = /^\$request\.body\.([A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*)$/.exec(design.api.routeSelectionExpression)?.[1]?.split('.')

  // ---- models
  const modelByKey = new Map<string, string>()
  const modelName = (wanted: string) => {
    let base = wanted.replace(/[^A-Za-z0-9]/g, '') || 'Model'
    if (!/^[A-Za-z]/.test(base)) base = `M${base}`
    let name = base
    for (let i = 2; [...Object.values(design.models)].some((m) => m.name === name); i++) name = `${base}${i}`
    return name
  }
  const componentSchemas = isObject(doc.components) && (obj(doc.components.schemas) ?? {})
  for (const [key, raw] of Object.entries(componentSchemas)) {
    const ext = isObject(raw) && obj(raw[X.model])
    if (!ext) continue
    const schema = ext.schema !== undefined ? ext.schema : withDialect(toDraft04(stripExtensions(inlineRefs(doc, raw))), ext.$schema)
    const id = typeof ext.id === 'string' && ids.reserve(ext.id) ? ext.id : ids.take(key)
    const name = typeof ext.name === 'string' ? ext.name : modelName(key)
    design.models[id] = { name, contentType: typeof ext.contentType === 'string' ? ext.contentType : 'application/json', schema }
    if (typeof ext.description === 'string') design.models[id].description = ext.description
    if (isObject(ext.cfnExtra)) design.models[id].cfnExtra = ext.cfnExtra
    modelByKey.set(key, name)
  }
  /** The model for a payload: a referenced component schema, or the inline payload without its pinned part. */
  const modelFor = (payload: Json | undefined, wanted: string): string | undefined => {
    if (payload === undefined || (isObject(payload) && !Object.keys(payload).length)) return undefined
    const parts = isObject(payload) && Array.isArray(payload.allOf) ? payload.allOf : [payload]
    const kept = parts.filter((p) => !(selPath && isPinOnly(p, selPath)))
    if (!kept.length) return undefined
    if (kept.length === 1) {
      const ref = schemaRefName(kept[0])
      if (ref && modelByKey.has(ref)) return modelByKey.get(ref)
    }
    const whole = kept.length === 1 ? kept[0] : { allOf: kept }
    const refName = kept.length === 1 ? schemaRefName(kept[0]) : undefined
    const name = modelName(refName ?? wanted)
    const id = ids.take(name)
    design.models[id] = { name, contentType: 'application/json', schema: withDialect(toDraft04(stripExtensions(inlineRefs(doc, whole))), 'http://json-schema.org/draft-04/schema#') }
    if (refName) modelByKey.set(refName, name)
    return name
  }

  // ---- routes from incoming operations
  const integrationOf = new Map<string, { type?: string; twoWay: boolean; routes: string[] }>()
  const placeholderFor = (routeId: string, ext: JsonObject | undefined, twoWay: boolean): string => {
    const wanted = ext && typeof ext.integration === 'string' ? ext.integration : `${routeId}Integration`
    const entry = integrationOf.get(wanted) ?? { type: ext && typeof ext.integrationType === 'string' ? ext.integrationType : undefined, twoWay: false, routes: [] }
    entry.twoWay ||= twoWay
    entry.routes.push(routeId)
    integrationOf.set(wanted, entry)
    return wanted
  }
  const keys = new Map<string, string>()
  // ---- $connect / $disconnect from our extension, or from the WebSocket binding and security
  const channel = firstChannel(doc)
  const lifecycle = (channel && obj(channel[X.lifecycleRoutes])) ?? {}
  for (const [key, raw] of Object.entries(lifecycle)) {
    if ((key !== '$connect' && key !== '$disconnect') || !isObject(raw)) continue
    const routeId = typeof raw.routeId === 'string' && ids.reserve(raw.routeId) ? raw.routeId : ids.take(key.slice(1))
    const route: Route = { key, ...restoreRoute(raw) }
    if (typeof raw.authorizer === 'string') route.authorizer = raw.authorizer
    // Our own extension names the integration when the route had one; a route without one stays without.
    if (typeof raw.integration === 'string') route.integration = placeholderFor(routeId, raw, false)
    design.routes[routeId] = route
  }

  // An operation whose messages pin different values (AsyncAPI 2.x `oneOf` messages) is one route per value.
  const split: OpInfo[] = incoming.flatMap((o) => {
    if (obj(o.op[X.route]) || !selPath || o.messages.length < 2) return [o]
    const groups = new Map<string | undefined, OpInfo['messages']>()
    for (const m of o.messages) {
      const v = pinnedValueDeep(doc, m.payload, selPath)
      groups.set(v, [...(groups.get(v) ?? []), m])
    }
    return groups.size < 2 ? [o] : [...groups.values()].map((messages) => ({ ...o, messages }))
  })
  for (const o of split) {
    const ext = obj(o.op[X.route])
    const pinned = selPath ? o.messages.map((m) => pinnedValueDeep(doc, m.payload, selPath)).find((v) => v !== undefined) : undefined
    let key = ext && typeof ext.key === 'string' ? ext.key : pinned
    if (key === undefined) {
      const anything = o.messages.every((m) => m.payload === undefined || (isObject(m.payload) && !Object.keys(m.payload).length))
      key = (anything || split.length === 1 || /default/i.test(o.opId)) && !keys.has('$default') ? '$default' : o.opId
      if (key !== '$default') warn(AAI.noSelection, `Operation "${o.opId}" pins no route-selection property; its route key is the operation id "${key}". Check it against your route selection expression.`)
    }
    if (keys.has(key)) {
      warn(AAI.duplicateKey, `Operation "${o.opId}" selects route key "${key}" like "${keys.get(key)}"; its messages become another request model of that route.`)
    }
    const routeId = keys.get(key) ?? (ext && typeof ext.routeId === 'string' && ids.reserve(ext.routeId) ? ext.routeId : ids.take(key === '$default' ? 'default' : key))
    const route: Route = design.routes[routeId] ?? { key, ...(ext ? restoreRoute(ext) : {}) }
    if (!ext) {
      const models = o.messages.map((m) => [m, modelFor(m.payload, m.message.name && typeof m.message.name === 'string' ? m.message.name : `${routeId}Message`)] as const).filter(([, n]) => n)
      if (models.length === 1) {
        route.requestModels = { ...(route.requestModels ?? {}), [pinned ?? '$default']: models[0][1]! }
        route.modelSelectionExpression ??= design.api.routeSelectionExpression
      } else if (models.length > 1) {
        route.requestModels = { ...(route.requestModels ?? {}), ...Object.fromEntries(models.map(([m, n]) => [m.id, n!])) }
        warn(AAI.noSelection, `Operation "${o.opId}" has ${models.length} messages; their models are keyed by message id, so set the route's model selection expression to tell them apart.`, routeId)
      }
      if (o.reply) {
        route.twoWay = true
        const reply = modelFor(o.reply.payload, typeof o.reply.message.name === 'string' ? o.reply.message.name : `${routeId}Reply`)
        if (reply) route.responseModels = { $default: reply }
      }
    }
    // A foreign document gets a Mock placeholder per route; ours restores exactly the routes that had an integration.
    if (!ext || typeof ext.integration === 'string') route.integration = placeholderFor(routeId, ext, !!route.twoWay)
    design.routes[routeId] = route
    keys.set(key, routeId)
  }

  // ---- authorizers
  const schemes = isObject(doc.components) && (obj(doc.components.securitySchemes) ?? {})
  const schemeIds = new Map<string, string>()
  for (const [key, raw] of Object.entries(schemes)) {
    const scheme = deref(doc, raw)
    if (!isObject(scheme)) continue
    const ext = obj(scheme[X.authorizer])
    if (key === 'apiKey' && !ext && scheme.type === 'httpApiKey' && scheme.name === 'x-api-key') {
      design.api.apiKeySelectionExpression ??= '$request.header.x-api-key'
      schemeIds.set(key, 'apiKey')
      continue
    }
    const id = ext && typeof ext.id === 'string' && ids.reserve(ext.id) ? ext.id : ids.take(key)
    let authorizer: Authorizer
    if (ext) {
      authorizer = restore(ext, []) as unknown as Authorizer
      delete (authorizer as { id?: unknown }).id
    } else {
      const source = scheme.type === 'httpApiKey' && typeof scheme.name === 'string' ? `route.request.${scheme.in === 'query' ? 'querystring' : 'header'}.${scheme.name}` : 'route.request.header.Authorization'
      authorizer = { type: 'lambda', identitySource: [source], name: key }
    }
    if (authorizer.type === 'lambda' && authorizer.function !== undefined) {
      warn(AAI.authorizerFunction, `Authorizer "${id}" ran function "${authorizer.function}", which a message contract does not carry; choose its function.`, id)
      delete authorizer.function
    } else if (authorizer.type === 'lambda') warn(AAI.authorizerFunction, `Authorizer "${id}" needs a Lambda function; choose one.`, id)
    design.authorizers[id] = authorizer
    schemeIds.set(key, id)
  }
  if (channel && isObject(channel[X.iam]) && !Object.values(design.authorizers).some((a) => a.type === 'iam')) {
    const id = ids.take('iam')
    design.authorizers[id] = { type: 'iam' }
    const connect = Object.values(design.routes).find((r) => r.key === '$connect')
    if (connect && !connect.authorizer) connect.authorizer = id
  }
  if (!Object.keys(lifecycle).length) {
    // A document we did not write: $connect from the binding's query/headers and the servers' security.
    const ws = channel && isObject(channel.bindings) && obj(channel.bindings.ws)
    const params: Route['requestParameters'] = {}
    for (const [where, source] of [['query', 'querystring'], ['headers', 'header']] as const) {
      const s = ws ? deref(doc, ws[where]) : undefined
      if (!isObject(s) || !isObject(s.properties)) continue
      const required = Array.isArray(s.required) ? s.required : []
      for (const name of Object.keys(s.properties)) params[`route.request.${source}.${name}`] = { required: required.includes(name) }
    }
    const used = serverSecurity(doc).map((k) => schemeIds.get(k)).filter((x): x is string => !!x)
    const authorizer = used.find((k) => k !== 'apiKey')
    if (Object.keys(params).length || used.length) {
      const routeId = ids.take('connect')
      const route: Route = { key: '$connect' }
      if (authorizer) route.authorizer = authorizer
      if (used.includes('apiKey')) route.apiKeyRequired = true
      // Identity sources are checked by the authorizer; the rest are declared request parameters.
      const sources = new Set(authorizer ? design.authorizers[authorizer].identitySource ?? [] : [])
      const declared = Object.fromEntries(Object.entries(params).filter(([k]) => !sources.has(k) && k !== 'route.request.header.x-api-key'))
      if (Object.keys(declared).length) route.requestParameters = declared
      route.integration = placeholderFor(routeId, undefined, false)
      design.routes[routeId] = route
    }
  }

  // ---- Mock placeholders
  for (const [wanted, entry] of integrationOf) {
    const id = ids.reserve(wanted) ? wanted : ids.take(wanted)
    const original = entry.type && CFN_TO_TYPE[entry.type] && (INTEGRATION_TYPES as readonly string[]).includes(CFN_TO_TYPE[entry.type]) ? entry.type : undefined
    const integration: Integration = {
      type: 'mock',
      description: `Placeholder${original && original !== 'MOCK' ? ` for the original ${original} integration` : ''}: wire it to the real backend.`,
      requestTemplates: { $default: '{"statusCode": 200}' },
      templateSelectionExpression: '\\$default',
    }
    if (entry.twoWay) integration.responses = { $default: { templates: { $default: '{}' }, templateSelectionExpression: '\\$default' } }
    design.integrations[id] = integration
    for (const r of entry.routes) design.routes[r].integration = id
    if (original !== 'MOCK') diagnostics.push({ code: AAI.placeholder, severity: 'info', message: `Integration "${id}" is a Mock placeholder; wire it to the real backend.`, entity: id })
  }

  // ---- server messages from send operations
  for (const o of outgoing) {
    for (const m of o.messages) {
      const ext = obj(m.message[X.serverMessage])
      const id = ext && typeof ext.id === 'string' && ids.reserve(ext.id) ? ext.id : ids.take(m.id)
      const schema = ext && ext.schema !== undefined ? ext.schema : toDraft04(stripExtensions(inlineRefs(doc, m.payload ?? {})))
      design.messages[id] = { name: typeof m.message.name === 'string' ? m.message.name : m.id, schema }
      const description = typeof m.message.description === 'string' ? m.message.description : typeof m.message.summary === 'string' && !ext ? m.message.summary : undefined
      if (description !== undefined) design.messages[id].description = description
    }
  }

  // ---- servers → stages (and custom domains)
  const servers = (obj(doc.servers) ?? {})
  const stageByName = new Map<string, string>()
  const domains: { server: string; ext: JsonObject }[] = []
  for (const [key, raw] of Object.entries(servers)) {
    const server = deref(doc, raw)
    if (!isObject(server)) continue
    if (isObject(server[X.domain])) {
      domains.push({ server: key, ext: server[X.domain] as JsonObject })
      continue
    }
    const ext = obj(server[X.stage])
    if (typeof server.protocol === 'string' && !/^wss?$/i.test(server.protocol)) {
      warn(AAI.server, `Server "${key}" speaks ${server.protocol}, not WebSocket; skipped.`)
      continue
    }
    const fromPath = typeof server.pathname === 'string' ? server.pathname.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9_-]/g, '_') : ''
    const name = ext && typeof ext.name === 'string' ? ext.name : (fromPath || key.replace(/[^A-Za-z0-9_-]/g, '_')).slice(0, 128)
    if (stageByName.has(name)) continue
    const id = ext && typeof ext.id === 'string' && ids.reserve(ext.id) ? ext.id : ids.take(name)
    const stage: Stage = ext ? (restore(ext, ['name']) as unknown as Stage) : { name, autoDeploy: true }
    delete (stage as { id?: unknown }).id
    stage.name = name
    design.stages[id] = stage
    stageByName.set(name, id)
  }
  for (const { ext } of domains) {
    const stageId = typeof ext.stage === 'string' && Object.hasOwn(design.stages, ext.stage) ? ext.stage : undefined
    if (!stageId || typeof ext.domainName !== 'string' || typeof ext.certificateArn !== 'string') continue
    const id = typeof ext.id === 'string' && ids.reserve(ext.id) ? ext.id : ids.take('domain')
    const domain = restore(ext, []) as unknown as DomainName & { id?: string; stage?: string; mappingKey?: string }
    const mappingKey = domain.mappingKey
    delete domain.id
    delete domain.stage
    delete domain.mappingKey
    design.domains[id] = domain
    design.stages[stageId].domainMapping = { domain: id, ...(mappingKey !== undefined ? { mappingKey } : {}) }
  }

  if (!Object.keys(design.routes).length) warn(AAI.noOperations, 'The document has no operations a WebSocket client sends, so the design has no routes.')
  return { ok: true, design, diagnostics }
}

function obj(v: Json | undefined): JsonObject | undefined {
  return isObject(v) ? v : undefined
}

function restore(ext: JsonObject, required: string[]): JsonObject {
  const out = plain(Object.entries(ext))
  for (const k of required) if (typeof out[k] !== 'string') delete out[k]
  return out
}

/** Route fields from our extension (entity references are rewired by the caller). */
function restoreRoute(ext: JsonObject): Partial<Route> {
  const out = restore(ext, []) as Record<string, Json>
  for (const k of ['routeId', 'integrationType', 'integration', 'authorizer', 'key']) delete out[k]
  return out as unknown as Partial<Route>
}

function payloadOf(message: JsonObject): Json | undefined {
  const p = message.payload
  // A multi-format schema object: `{schemaFormat, schema}`.
  if (isObject(p) && typeof p.schemaFormat === 'string' && 'schema' in p) return p.schema
  return p
}

function channelMessages(doc: JsonObject, channelRef: Json | undefined): Json[] {
  const channel = deref(doc, channelRef)
  return isObject(channel) && isObject(channel.messages) ? Object.values(channel.messages) : []
}

function firstChannel(doc: JsonObject): JsonObject | undefined {
  const channels = (obj(doc.channels) ?? {})
  for (const raw of Object.values(channels)) {
    const c = deref(doc, raw)
    if (isObject(c)) return c
  }
  return undefined
}

function serverSecurity(doc: JsonObject): string[] {
  const out: string[] = []
  for (const raw of Object.values((obj(doc.servers) ?? {}))) {
    const s = deref(doc, raw)
    for (const req of isObject(s) && Array.isArray(s.security) ? s.security : []) {
      const m = isObject(req) && typeof req.$ref === 'string' ? /^#\/components\/securitySchemes\/(.+)$/.exec(req.$ref) : null
      if (m && !out.includes(m[1])) out.push(m[1])
    }
  }
  return out
}

/** The top-level property that most incoming messages pin with `const` (or a one-value `enum`). */
function findSelectionProperty(doc: JsonObject, ops: OpInfo[]): string | undefined {
  const counts = new Map<string, Set<string>>()
  for (const o of ops) {
    for (const m of o.messages) {
      for (const [prop, value] of pinnedProperties(doc, m.payload)) {
        const set = counts.get(prop) ?? new Set<string>()
        set.add(value)
        counts.set(prop, set)
      }
    }
  }
  let best: string | undefined
  let bestCount = 0
  for (const [prop, values] of counts) {
    if (values.size > bestCount) {
      best = prop
      bestCount = values.size
    }
  }
  return best
}

function pinnedProperties(doc: JsonObject, payload: Json | undefined, depth = 0): [string, string][] {
  const s = deref(doc, payload)
  if (!isObject(s) || depth > 8) return []
  const out: [string, string][] = []
  if (isObject(s.properties)) {
    for (const [prop, raw] of Object.entries(s.properties)) {
      const p = deref(doc, raw)
      if (!isObject(p)) continue
      if (typeof p.const === 'string') out.push([prop, p.const])
      else if (Array.isArray(p.enum) && p.enum.length === 1 && typeof p.enum[0] === 'string') out.push([prop, p.enum[0]])
    }
  }
  for (const sub of Array.isArray(s.allOf) ? s.allOf : []) out.push(...pinnedProperties(doc, sub, depth + 1))
  return out
}

function pinnedValueDeep(doc: JsonObject, payload: Json | undefined, path: string[]): string | undefined {
  const direct = pinnedValue(deref(doc, payload) ?? {}, path)
  if (direct !== undefined || path.length !== 1) return direct
  return pinnedProperties(doc, payload).find(([p]) => p === path[0])?.[1]
}

function isPinOnly(part: Json, path: string[]): boolean {
  if (!isObject(part) || !isObject(part.properties)) return false
  const props = Object.keys(part.properties)
  return props.length === 1 && props[0] === path[0] && pinnedValue(part, path) !== undefined && Object.keys(part).every((k) => ['type', 'properties', 'required'].includes(k))
}

function stripExtensions(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(stripExtensions)
  if (!isObject(schema)) return schema
  return plain(Object.entries(schema).filter(([k]) => !k.startsWith('x-')).map(([k, v]) => [k, k === 'properties' && isObject(v) ? plain(Object.entries(v).map(([p, s]) => [p, stripExtensions(s)])) : stripExtensions(v)]))
}

function withDialect(schema: Json, dialect: Json | undefined): Json {
  if (!isObject(schema) || typeof dialect !== 'string') return schema
  return plain([['$schema', dialect], ...Object.entries(schema).filter(([k]) => k !== '$schema')])
}
