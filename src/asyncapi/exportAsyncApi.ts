/**
 * Design → AsyncAPI 3.0 document. The design describes the API, so messages clients send are `receive`
 * operations and messages the backend posts through `@connections` are `send` operations. The mapping is
 * documented in docs/asyncapi.md; what AsyncAPI cannot say goes into the extensions of extensions.ts.
 * Pure: returns a plain JSON object (printing is `printAsyncApi`).
 */

import { ownEntry } from '../model/queries'
import { CFN_INTEGRATION_TYPE, type Design, type Json, type JsonObject, type Route } from '../model/types'
import { X } from './extensions'
import { isObject, pinnedSchema, plain, selectionPath, toAsyncApiSchema } from './schemas'

export const CONNECTION_CHANNEL = 'connection'
const WS_BINDING_VERSION = '0.1.0'

/** Fields copied verbatim into an extension; references to other entities are written separately. */
function fields<T extends object>(entity: T, drop: readonly string[]): JsonObject {
  return plain(Object.entries(entity).filter(([k, v]) => v !== undefined && !drop.includes(k)) as [string, Json][])
}

export function exportAsyncApi(design: Design): JsonObject {
  const api = design.api
  const channelRef = { $ref: `#/channels/${CONNECTION_CHANNEL}` }
  const messages: [string, Json][] = []
  const channelMessages: [string, Json][] = []
  const operations: [string, Json][] = []
  const schemas: [string, Json][] = []
  const securitySchemes: [string, Json][] = []
  const path = selectionPath(api.routeSelectionExpression ?? '')
  const integrationType = (route: Route): string | undefined => {
    const i = ownEntry(design.integrations, route.integration)
    return i ? CFN_INTEGRATION_TYPE[i.type] : undefined
  }
  const addMessage = (id: string, message: JsonObject) => {
    messages.push([id, message])
    channelMessages.push([id, { $ref: `#/components/messages/${id}` }])
    return { $ref: `#/channels/${CONNECTION_CHANNEL}/messages/${id}` }
  }

  // ---- models: components.schemas, keyed by model name (routes name models by name)
  const modelNames = new Set<string>()
  for (const [id, model] of Object.entries(design.models)) {
    if (modelNames.has(model.name) || !/^[A-Za-z0-9_.-]+$/.test(model.name)) continue
    modelNames.add(model.name)
    const base = `#/components/schemas/${model.name}`
    const converted = toAsyncApiSchema(model.schema, base)
    const schema = isObject(converted) ? converted : {}
    const ext: JsonObject = { id, name: model.name, contentType: model.contentType }
    if (model.description !== undefined) ext.description = model.description
    // The draft-4 original only when the conversion changed more than dropping `$schema`.
    const original = isObject(model.schema) ? plain(Object.entries(model.schema).filter(([k]) => k !== '$schema')) : model.schema
    if (JSON.stringify(converted) !== JSON.stringify(original)) ext.schema = model.schema
    else if (isObject(model.schema) && model.schema.$schema !== undefined) ext.$schema = model.schema.$schema
    if (model.cfnExtra) ext.cfnExtra = model.cfnExtra
    schemas.push([model.name, plain([...Object.entries(schema), [X.model, ext]])])
  }
  const modelRef = (name: string): Json => (modelNames.has(name) ? { $ref: `#/components/schemas/${name}` } : {})

  // ---- routes
  const lifecycle: [string, Json][] = []
  for (const [id, route] of Object.entries(design.routes)) {
    const ext: JsonObject = fields(route, ['integration', 'authorizer'])
    ext.routeId = id
    const type = integrationType(route)
    if (type) ext.integrationType = type
    if (route.integration) ext.integration = route.integration
    if (route.authorizer) ext.authorizer = route.authorizer
    if (route.key === '$connect' || route.key === '$disconnect') {
      lifecycle.push([route.key, ext])
      continue
    }
    const isDefault = route.key === '$default'
    const pin = !isDefault && path ? pinnedSchema(path, route.key) : undefined
    const requestKeys = Object.entries(route.requestModels ?? {})
    const opMessages: Json[] = []
    const payloadFor = (modelName?: string): Json => {
      const parts = [...(modelName ? [modelRef(modelName)] : []), ...(pin ? [pin] : [])]
      return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { allOf: parts }
    }
    const summary = isDefault ? 'Any message no other route selects (and every non-JSON message).' : `Messages whose route selection expression gives "${route.key}".`
    if (!requestKeys.length) {
      opMessages.push(addMessage(id, plain([['name', route.key], ['summary', summary], ['payload', payloadFor()]])))
    } else {
      for (const [key, modelName] of requestKeys) {
        const messageId = requestKeys.length === 1 ? id : `${id}_${safeId(key)}`
        const contentType = Object.values(design.models).find((m) => m.name === modelName)?.contentType
        opMessages.push(addMessage(messageId, plain([
          ['name', modelName],
          ['summary', `${summary}${requestKeys.length > 1 ? ` Model selection key "${key}".` : ''}`],
          ...(contentType && contentType !== 'application/json' ? [['contentType', contentType] as [string, Json]] : []),
          ['payload', payloadFor(modelName)],
        ])))
      }
    }
    const op: [string, Json][] = [
      ['action', 'receive'],
      ['channel', channelRef],
      ['summary', isDefault ? 'The $default route' : `Route ${route.key}`],
      ['messages', opMessages],
    ]
    if (route.twoWay) {
      const responseModel = route.responseModels?.$default ?? Object.values(route.responseModels ?? {})[0]
      const replyId = `${id}_reply`
      const reply = addMessage(replyId, plain([
        ['name', responseModel ?? `${route.key} reply`],
        ['summary', `What the integration answers on the two-way route ${route.key}.`],
        ['payload', responseModel ? modelRef(responseModel) : {}],
      ]))
      op.push(['reply', { channel: channelRef, messages: [reply] }])
    }
    op.push([X.route, ext])
    operations.push([id, plain(op)])
  }

  // ---- server messages: send operations
  for (const [id, message] of Object.entries(design.messages)) {
    const base = `#/components/messages/${id}/payload`
    const payload = toAsyncApiSchema(message.schema, base)
    const ext: JsonObject = { id }
    if (JSON.stringify(payload) !== JSON.stringify(message.schema)) ext.schema = message.schema
    const ref = addMessage(id, plain([
      ['name', message.name],
      ...(message.description !== undefined ? [['description', message.description] as [string, Json]] : []),
      ['payload', isObject(payload) ? payload : {}],
      [X.serverMessage, ext],
    ]))
    operations.push([`send_${id}`, plain([
      ['action', 'send'],
      ['channel', channelRef],
      ['summary', `The backend posts ${message.name} to a connection through @connections.`],
      ['messages', [ref]],
    ])])
  }

  // ---- $connect: authorizer, API key, request parameters
  const connect = Object.values(design.routes).find((r) => r.key === '$connect')
  const security: Json[] = []
  const query: [string, Json][] = []
  const headers: [string, Json][] = []
  const queryRequired: string[] = []
  const headersRequired: string[] = []
  const addParam = (source: string, required: boolean) => {
    const m = /^route\.request\.(querystring|header)\.(.+)$/.exec(source)
    if (!m) return
    const [list, req] = m[1] === 'header' ? [headers, headersRequired] : [query, queryRequired]
    if (!list.some(([n]) => n === m[2])) list.push([m[2], { type: 'string' }])
    if (required && !req.includes(m[2])) req.push(m[2])
  }
  for (const [name, p] of Object.entries(connect?.requestParameters ?? {})) addParam(name, p.required)
  let iam = false
  for (const [id, authorizer] of Object.entries(design.authorizers)) {
    if (authorizer.type === 'iam') {
      iam = iam || connect?.authorizer === id
      continue
    }
    const sources = authorizer.identitySource ?? ['route.request.header.Authorization']
    if (connect?.authorizer === id) for (const s of sources) addParam(s, true)
    const first = /^route\.request\.(querystring|header)\.(.+)$/.exec(sources[0] ?? '')
    const ext = fields(authorizer, [])
    ext.id = id
    securitySchemes.push([id, plain([
      ['type', 'httpApiKey'],
      ['name', first?.[2] ?? 'Authorization'],
      ['in', first?.[1] === 'querystring' ? 'query' : 'header'],
      ['description', `Lambda REQUEST authorizer ${authorizer.name ?? id} on $connect; identity sources: ${sources.join(', ')}.`],
      [X.authorizer, ext],
    ])])
    if (connect?.authorizer === id) security.push({ $ref: `#/components/securitySchemes/${id}` })
  }
  if (connect?.apiKeyRequired && api.apiKeySelectionExpression === '$request.header.x-api-key') {
    securitySchemes.push(['apiKey', { type: 'httpApiKey', name: 'x-api-key', in: 'header', description: 'API key checked on $connect (usage plans).' }])
    security.push({ $ref: '#/components/securitySchemes/apiKey' })
    addParam('route.request.header.x-api-key', true)
  }

  // ---- servers: one per stage, one per custom domain mapping
  const servers: [string, Json][] = []
  for (const [id, stage] of Object.entries(design.stages)) {
    const ext = fields(stage, ['domainMapping'])
    ext.id = id
    const server: [string, Json][] = [
      ['host', '{apiId}.execute-api.{region}.amazonaws.com'],
      ['protocol', 'wss'],
      ['pathname', `/${stage.name}`],
      ['title', `Stage ${stage.name}`],
      ['variables', { apiId: { description: 'The API id API Gateway assigns on deployment.' }, region: { default: 'us-east-1', description: 'The AWS Region of the stack.' } }],
    ]
    if (security.length) server.push(['security', security])
    server.push([X.stage, ext])
    servers.push([id, plain(server)])
    const mapping = stage.domainMapping
    const domain = mapping ? design.domains[mapping.domain] : undefined
    if (mapping && domain) {
      const dext = fields(domain, [])
      dext.id = mapping.domain
      if (mapping.mappingKey !== undefined) dext.mappingKey = mapping.mappingKey
      dext.stage = id
      const dserver: [string, Json][] = [
        ['host', domain.domainName],
        ['protocol', 'wss'],
        ...(mapping.mappingKey ? [['pathname', `/${mapping.mappingKey}`] as [string, Json]] : []),
        ['title', `Custom domain ${domain.domainName} → stage ${stage.name}`],
      ]
      if (security.length) dserver.push(['security', security])
      dserver.push([X.domain, dext])
      servers.push([`${id}_${safeId(mapping.domain)}`, plain(dserver)])
    }
  }

  const ws: [string, Json][] = [['method', 'GET']]
  if (query.length) ws.push(['query', plain([['type', 'object'], ['properties', plain(query)], ...(queryRequired.length ? [['required', queryRequired] as [string, Json]] : [])])])
  if (headers.length) ws.push(['headers', plain([['type', 'object'], ['properties', plain(headers)], ...(headersRequired.length ? [['required', headersRequired] as [string, Json]] : [])])])
  ws.push(['bindingVersion', WS_BINDING_VERSION])
  const channel: [string, Json][] = [
    ['address', '/'],
    ['title', 'WebSocket connection'],
    ['description', 'The one WebSocket connection a client opens to a stage; every route and server message travels on it.'],
    ['messages', plain(channelMessages)],
    ['bindings', { ws: plain(ws) }],
  ]
  if (lifecycle.length) channel.push([X.lifecycleRoutes, plain(lifecycle)])
  if (iam) channel.push([X.iam, { type: 'AWS_IAM', description: 'Clients sign the $connect request with SigV4 (execute-api:Connect); AsyncAPI has no such scheme.' }])

  const apiExt = fields(api, ['description'])
  const info: [string, Json][] = [['title', api.name], ['version', api.tags?.version ?? '1.0.0']]
  if (api.description) info.push(['description', api.description])
  info.push([X.api, apiExt])

  const components: [string, Json][] = []
  if (messages.length) components.push(['messages', plain(messages)])
  if (schemas.length) components.push(['schemas', plain(schemas)])
  if (securitySchemes.length) components.push(['securitySchemes', plain(securitySchemes)])

  const doc: [string, Json][] = [
    ['asyncapi', '3.0.0'],
    ['info', plain(info)],
    ['defaultContentType', 'application/json'],
  ]
  if (servers.length) doc.push(['servers', plain(servers)])
  doc.push(['channels', plain([[CONNECTION_CHANNEL, plain(channel)]])])
  if (operations.length) doc.push(['operations', plain(operations)])
  if (components.length) doc.push(['components', plain(components)])
  return plain(doc)
}

function safeId(text: string): string {
  const s = text.replace(/[^A-Za-z0-9_-]/g, '_')
  return s || '_'
}
