/**
 * Message-contract rules: request and response models (JSON Schema draft 4, `AWS::ApiGatewayV2::Model`), the
 * routes that name them, and the API's server messages.
 */

import { schemaProblems } from '../contract/draft04'
import { staticValue } from '../selectionExpression'
import type { Json, Route } from '../types'
import type { CheckContext, Rule } from './context'
import { ownEntry } from '../queries'

/**
 * `CreateModel`: the name "must be alphanumeric"; the schema is a string of at most 32,768 characters
 * (API Gateway v2 API reference, Model / CreateModel request body).
 */
const MODEL_NAME = /^[A-Za-z0-9]+$/
export const MODEL_SCHEMA_MAX_CHARS = 32_768

/**
 * Proxy integrations validate against request models only when the route has a model selection expression
 * ("Model validation occurs if you provide a model selection expression for either proxy or non-proxy
 * integrations", API Gateway Developer Guide, Request validation for WebSocket APIs). The reference note
 * "non-proxy integrations only" (websocket-rules.md §3) is narrower than AWS's own page.
 */
const PROXY_TYPES = new Set(['lambda-proxy', 'http-proxy'])

export const contractRules: Rule = (ctx) => {
  const { design } = ctx
  const byName = new Map<string, string>()
  const used = new Set<string>()
  for (const route of Object.values(design.routes)) {
    for (const name of Object.values(route.requestModels ?? {})) used.add(name)
    for (const name of Object.values(route.responseModels ?? {})) used.add(name)
  }
  for (const [id, model] of Object.entries(design.models)) {
    const name = model.name ?? ''
    if (!MODEL_NAME.test(name)) {
      ctx.report('MDL071', id, ['name'], `Model name "${name}" must be letters and digits only (API Gateway rejects other characters).`)
    }
    const other = byName.get(name)
    if (other !== undefined) ctx.report('MDL072', id, ['name'], `Model name "${name}" is already used by model "${other}"; names are unique per API.`)
    else byName.set(name, id)
    checkSchema(ctx, id, model.schema, true)
    if (!used.has(name)) ctx.report('MDL076', id, undefined, `No route uses model "${name}"; it is deployed but validates nothing.`)
  }
  const messageNames = new Map<string, string>()
  for (const [id, message] of Object.entries(design.messages)) {
    checkSchema(ctx, id, message.schema, false)
    const other = messageNames.get(message.name)
    if (other !== undefined) ctx.report('MDL079', id, ['name'], `Server message name "${message.name}" is already used by "${other}".`)
    else messageNames.set(message.name, id)
  }
  for (const [id, route] of Object.entries(design.routes)) checkRoute(ctx, id, route, byName)
}

function checkSchema(ctx: CheckContext, id: string, schema: Json, isModel: boolean): void {
  for (const p of schemaProblems(schema).slice(0, 5)) {
    ctx.report('MDL070', id, ['schema'], `The schema is not valid JSON Schema draft 4: ${p.path ? `${p.path} ` : ''}${p.message}.`)
  }
  if (isModel) {
    const size = JSON.stringify(schema ?? null).length
    if (size > MODEL_SCHEMA_MAX_CHARS) ctx.report('MDL075', id, ['schema'], `The schema is ${size.toLocaleString('en-US')} characters; API Gateway takes at most ${MODEL_SCHEMA_MAX_CHARS.toLocaleString('en-US')}.`)
  }
}

function checkRoute(ctx: CheckContext, id: string, route: Route, models: Map<string, string>): void {
  const { design } = ctx
  for (const [field, map] of [['requestModels', route.requestModels], ['responseModels', route.responseModels]] as const) {
    for (const [key, name] of Object.entries(map ?? {})) {
      if (!models.has(name)) ctx.report('MDL073', id, [field, key], `Route "${route.key}" names model "${name}", which the design does not have.`)
    }
  }
  const keys = Object.keys(route.requestModels ?? {})
  const expr = route.modelSelectionExpression
  if (keys.length) {
    const integration = ownEntry(design.integrations, route.integration)
    if (integration && PROXY_TYPES.has(integration.type) && !expr) {
      ctx.report('MDL074', id, ['requestModels'], `Route "${route.key}" uses a ${integration.type} integration, where API Gateway validates request models only with a model selection expression; without one these models check nothing.`)
    } else if (route.key === '$connect' || route.key === '$disconnect') {
      ctx.report('MDL074', id, ['requestModels'], `${route.key} carries no message body, so its request models check nothing.`)
    }
  }
  if (keys.length && !expr && !(keys.length === 1 && keys[0] === '$default')) {
    ctx.report('MDL080', id, ['modelSelectionExpression'], `Route "${route.key}" has request models keyed ${keys.join(', ')} but no model selection expression to pick one; without it only a $default model applies.`)
  } else if (keys.length && expr) {
    const value = staticValue(expr)
    if (value !== undefined && !keys.includes(value) && !keys.includes('$default')) {
      ctx.report('MDL077', id, ['modelSelectionExpression'], `The model selection expression always gives "${value}", but there is no request model with that key and no $default model (keys: ${keys.join(', ')}).`)
    }
  } else if (!keys.length && expr) {
    ctx.report('MDL077', id, ['modelSelectionExpression'], `Route "${route.key}" has a model selection expression but no request models.`)
  }
  if (Object.keys(route.responseModels ?? {}).length && !route.twoWay) {
    ctx.report('MDL078', id, ['responseModels'], `Route "${route.key}" is not two-way, so its response models describe a reply it never sends.`)
  }
}
