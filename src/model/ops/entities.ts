/**
 * Creating entities: what each palette item adds to the design, with sensible defaults, and where.
 * Pure: `(doc, spec, position) => result`.
 */

import { findPreset, presetIntegration } from '../presets'
import { routeByKey, uniqueId } from '../queries'
import { DRAFT_04 } from '../contract/inferSchema'
import { API_ENTITY_ID, PREDEFINED_ROUTE_KEYS, type DesignDocument, type EntityId, type Integration, type JsonObject, type Position, type Resource, type ResourceType } from '../types'
import { opFailed, opOk, type OpResult } from './result'

export type RouteKind = '$connect' | '$disconnect' | '$default' | 'custom'
export type SimpleIntegrationType = 'lambda-proxy' | 'mock' | 'http' | 'http-proxy'

/** What a palette item (or the add menu) creates. */
export type NewEntitySpec =
  | { kind: 'api' }
  | { kind: 'stage' }
  | { kind: 'route'; route: RouteKind }
  | { kind: 'integration'; type: SimpleIntegrationType }
  /** An integration set up from a preset (AWS service action, Lambda non-proxy). */
  | { kind: 'integration'; preset: string }
  | { kind: 'authorizer'; type: 'lambda' | 'iam' }
  | { kind: 'resource'; type: Exclude<ResourceType, 'existing'> }
  | { kind: 'resource'; type: 'existing'; existingKind?: Exclude<ResourceType, 'existing' | 'log-group'> }
  /** A request or response model (JSON Schema draft 4); routes name it in `requestModels` / `responseModels`. */
  | { kind: 'model' }
  /** A message the backend sends to clients through @connections (AsyncAPI `send`). */
  | { kind: 'message' }

const RESOURCE_ID_BASE: Record<ResourceType, string> = {
  'dynamodb-table': 'table',
  'sqs-queue': 'queue',
  'sns-topic': 'topic',
  'kinesis-stream': 'stream',
  'eventbridge-bus': 'bus',
  'state-machine': 'stateMachine',
  'lambda-function': 'fn',
  'iam-role': 'role',
  'log-group': 'logGroup',
  existing: 'existing',
}

const EXAMPLE_ARN: Record<Exclude<ResourceType, 'existing' | 'log-group'>, string> = {
  'dynamodb-table': 'arn:aws:dynamodb:us-east-1:123456789012:table/my-table',
  'sqs-queue': 'arn:aws:sqs:us-east-1:123456789012:my-queue',
  'sns-topic': 'arn:aws:sns:us-east-1:123456789012:my-topic',
  'kinesis-stream': 'arn:aws:kinesis:us-east-1:123456789012:stream/my-stream',
  'eventbridge-bus': 'arn:aws:events:us-east-1:123456789012:event-bus/default',
  'state-machine': 'arn:aws:states:us-east-1:123456789012:stateMachine:my-state-machine',
  'lambda-function': 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
  'iam-role': 'arn:aws:iam::123456789012:role/my-role',
}

/** A fresh custom route key (`sendmessage`, `sendmessage2`, …) or a copy name for a taken key. */
export function uniqueRouteKey(doc: DesignDocument, wanted: string): string {
  if (!routeByKey(doc.design, wanted)) return wanted
  const base = wanted.replace(/^\$/, '')
  const first = wanted.startsWith('$') ? `${base}-copy` : base
  if (!routeByKey(doc.design, first)) return first
  for (let n = 2; ; n++) if (!routeByKey(doc.design, `${first}${n}`)) return `${first}${n}`
}

export function uniqueStageName(doc: DesignDocument, wanted: string): string {
  const taken = new Set(Object.values(doc.design.stages).map((s) => s.name))
  if (!taken.has(wanted)) return wanted
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`)) return `${wanted}${n}`
}

function newResource(doc: DesignDocument, spec: Extract<NewEntitySpec, { kind: 'resource' }>, id: EntityId): Resource {
  switch (spec.type) {
    case 'dynamodb-table':
      return { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' }, billingMode: 'PAY_PER_REQUEST', removalPolicy: 'destroy' }
    case 'sqs-queue':
      return { type: 'sqs-queue' }
    case 'sns-topic':
      return { type: 'sns-topic' }
    case 'kinesis-stream':
      return { type: 'kinesis-stream', shardCount: 1 }
    case 'eventbridge-bus':
      return { type: 'eventbridge-bus', eventBusName: `${doc.design.api.name}-${id}` }
    case 'state-machine':
      return {
        type: 'state-machine',
        stateMachineType: 'EXPRESS',
        definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }, null, 2),
      }
    case 'lambda-function':
      return {
        type: 'lambda-function',
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        code: "exports.handler = async (event) => {\n  return { statusCode: 200, body: 'ok' }\n}\n",
        timeoutSeconds: 10,
      }
    case 'iam-role':
      return { type: 'iam-role' }
    case 'log-group':
      return { type: 'log-group', retentionDays: 30 }
    case 'existing': {
      const kind = spec.existingKind ?? 'dynamodb-table'
      return { type: 'existing', kind, arn: EXAMPLE_ARN[kind] }
    }
  }
}

function newIntegration(spec: Extract<NewEntitySpec, { kind: 'integration' }>): Integration | string {
  if ('preset' in spec) {
    const preset = findPreset(spec.preset)
    if (!preset) return `Unknown integration preset "${spec.preset}".`
    return presetIntegration(preset, undefined)
  }
  switch (spec.type) {
    case 'lambda-proxy':
      return { type: 'lambda-proxy' }
    case 'mock': {
      const mock = findPreset('mock')
      return mock ? presetIntegration(mock, undefined) : { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }
    }
    case 'http':
      return {
        type: 'http',
        uri: 'https://backend.example.com/messages',
        method: 'POST',
        requestTemplates: { $default: '$input.json(\'$\')' },
        templateSelectionExpression: '\\$default',
      }
    case 'http-proxy':
      return { type: 'http-proxy', uri: 'https://backend.example.com/messages', method: 'POST' }
  }
}

function integrationIdBase(spec: Extract<NewEntitySpec, { kind: 'integration' }>): string {
  if ('preset' in spec) {
    const preset = findPreset(spec.preset)
    if (preset?.action) return preset.action.charAt(0).toLowerCase() + preset.action.slice(1)
    if (preset?.service === 'sqs') return 'sendMessage'
    if (preset?.service === 'lambda') return 'invokeFn'
    return 'integration'
  }
  return { 'lambda-proxy': 'lambdaProxy', mock: 'mock', http: 'http', 'http-proxy': 'httpProxy' }[spec.type]
}

/** The schema a new model or server message starts with: any JSON object, ready to be edited or generated. */
function newSchema(title: string): JsonObject {
  return { $schema: DRAFT_04, title, type: 'object', properties: {} }
}

export interface AddResult {
  doc: DesignDocument
  /** The entity that was added (or, for the API, placed). */
  id: EntityId
}

/** Adds a new entity at `position`. Refuses (with a reason) what the design cannot hold. */
export function addEntity(doc: DesignDocument, spec: NewEntitySpec, position: Position): OpResult<AddResult> {
  const { design } = doc
  const at = { x: Math.round(position.x), y: Math.round(position.y) }
  switch (spec.kind) {
    case 'api': {
      if (doc.layout[API_ENTITY_ID]) return opFailed(`The design already has its API "${design.api.name}" on the canvas: a design holds exactly one API.`)
      return opOk({ doc: { design, layout: { ...doc.layout, [API_ENTITY_ID]: at } }, id: API_ENTITY_ID })
    }
    case 'stage': {
      if (Object.keys(design.stages).length >= 10) return opFailed('A WebSocket API can have at most 10 stages.')
      const name = uniqueStageName(doc, Object.keys(design.stages).length ? 'stage' : 'dev')
      const id = uniqueId(design, name)
      return opOk({
        doc: { design: { ...design, stages: { ...design.stages, [id]: { name, autoDeploy: true } } }, layout: { ...doc.layout, [id]: at } },
        id,
      })
    }
    case 'route': {
      let key: string
      if (spec.route === 'custom') key = uniqueRouteKey(doc, 'sendmessage')
      else {
        if (routeByKey(design, spec.route)) return opFailed(`The design already has a ${spec.route} route; route keys are unique.`)
        key = spec.route
      }
      const id = uniqueId(design, (PREDEFINED_ROUTE_KEYS as readonly string[]).includes(key) ? key.slice(1) : key)
      return opOk({
        doc: { design: { ...design, routes: { ...design.routes, [id]: { key } } }, layout: { ...doc.layout, [id]: at } },
        id,
      })
    }
    case 'integration': {
      const integration = newIntegration(spec)
      if (typeof integration === 'string') return opFailed(integration)
      const id = uniqueId(design, integrationIdBase(spec))
      return opOk({
        doc: { design: { ...design, integrations: { ...design.integrations, [id]: integration } }, layout: { ...doc.layout, [id]: at } },
        id,
      })
    }
    case 'authorizer': {
      if (spec.type === 'lambda' && Object.values(design.authorizers).filter((a) => a.type === 'lambda').length >= 10)
        return opFailed('A WebSocket API can have at most 10 Lambda authorizers.')
      const id = uniqueId(design, spec.type === 'lambda' ? 'authorizer' : 'iamAuth')
      const authorizer = spec.type === 'lambda' ? { type: 'lambda' as const, identitySource: ['route.request.header.Authorization'] } : { type: 'iam' as const }
      return opOk({
        doc: { design: { ...design, authorizers: { ...design.authorizers, [id]: authorizer } }, layout: { ...doc.layout, [id]: at } },
        id,
      })
    }
    case 'model': {
      // Model names are letters and digits (MDL071) and unique per API (MDL072); the id is the name.
      let n = 1
      while (Object.values(design.models).some((m) => m.name === `Model${n}`) || uniqueId(design, `Model${n}`) !== `Model${n}`) n++
      const id = `Model${n}`
      const model = { name: id, contentType: 'application/json', schema: newSchema(id) }
      return opOk({ doc: { design: { ...design, models: { ...design.models, [id]: model } }, layout: { ...doc.layout, [id]: at } }, id })
    }
    case 'message': {
      const id = uniqueId(design, 'serverMessage')
      const message = { name: id, schema: newSchema(id) }
      return opOk({ doc: { design: { ...design, messages: { ...design.messages, [id]: message } }, layout: { ...doc.layout, [id]: at } }, id })
    }
    case 'resource': {
      const id = uniqueId(design, RESOURCE_ID_BASE[spec.type])
      const resource = newResource(doc, spec, id)
      return opOk({
        doc: { design: { ...design, resources: { ...design.resources, [id]: resource } }, layout: { ...doc.layout, [id]: at } },
        id,
      })
    }
  }
}
