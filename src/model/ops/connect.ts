/**
 * Wiring entities together. `canConnect` is what the canvas asks while a connection is being dragged, so a
 * refused connection shows its reason before the mouse is released; `connect` performs it (and, for an AWS
 * integration wired to a resource, applies the integration's preset: URI, method, parameters, template and a
 * least-privilege role).
 */

import { applyPreset, PRESETS, type Preset } from '../presets'
import { effectiveResourceType, locateEntity } from '../queries'
import { type Design, type DesignDocument, type EntityId, type EntityKind, type Integration } from '../types'
import type { EdgeKind, GraphEdge } from './graph'
import { opFailed, opOk, type OpResult } from './result'

const KIND_LABEL: Record<EntityKind, string> = {
  api: 'the API',
  route: 'a route',
  integration: 'an integration',
  authorizer: 'an authorizer',
  stage: 'a stage',
  resource: 'a resource',
  domain: 'a custom domain',
  model: 'a model',
  message: 'a server message',
}

const INTEGRATION_LABEL: Record<Integration['type'], string> = {
  aws: 'AWS service',
  'lambda-proxy': 'Lambda proxy',
  lambda: 'Lambda',
  mock: 'Mock',
  http: 'HTTP',
  'http-proxy': 'HTTP proxy',
}

function resourceLabel(design: Design, id: EntityId): string {
  const r = design.resources[id]
  const type = effectiveResourceType(r)
  return type ? `${type}${r?.type === 'existing' ? ' (existing)' : ''}` : 'resource'
}

/** The preset an integration was set up from, recognised by type, service and action (or path style). */
export function presetOf(integration: Integration): Preset | undefined {
  const candidates = PRESETS.filter(
    (p) =>
      p.integrationType === integration.type &&
      (p.integrationType !== 'aws' || p.service === integration.service) &&
      (p.action ?? undefined) === (integration.action ?? undefined),
  )
  if (candidates.length <= 1) return candidates[0]
  // Several presets share a service and style (SQS standard / FIFO): pick the one whose parameters match.
  const params = JSON.stringify(integration.requestParameters ?? {})
  return candidates.find((p) => JSON.stringify(p.requestParameters ?? {}) === params) ?? candidates[0]
}

/** The edge kind a connection from `source` to `target` would create, or why there is none. */
function edgeKindFor(design: Design, source: EntityId, target: EntityId): OpResult<EdgeKind> {
  const s = locateEntity(design, source)
  const t = locateEntity(design, target)
  if (!s || !t) return opFailed('One end of the connection no longer exists.')
  if (source === target) return opFailed('An entity cannot connect to itself.')
  const targetResource = t.kind === 'resource' ? effectiveResourceType(design.resources[target]) : undefined
  if (s.kind === 'route' && t.kind === 'integration') return opOk('integration')
  if (s.kind === 'integration' && t.kind === 'resource') return opOk(targetResource === 'iam-role' ? 'credentials' : 'target')
  if (s.kind === 'authorizer' && t.kind === 'route') return opOk('authorizer')
  if (s.kind === 'authorizer' && t.kind === 'resource') return opOk('authorizerFunction')
  if (s.kind === 'stage' && t.kind === 'api') return opOk('stage')
  if (s.kind === 'stage' && t.kind === 'resource' && targetResource === 'log-group') return opOk('accessLog')
  if (s.kind === 'stage' && t.kind === 'domain') return opOk('domainMapping')
  return opFailed(`${capitalise(KIND_LABEL[s.kind])} cannot be connected to ${KIND_LABEL[t.kind]}. Wire route → integration → resource, authorizer → $connect, stage → API.`)
}

/**
 * The edge kind `source → target` would be if their kinds pair at all (route → integration, …), before the rules
 * about what either end already holds: tells "cannot ever connect" from "cannot connect now".
 */
export function pairedEdgeKind(design: Design, source: EntityId, target: EntityId): EdgeKind | undefined {
  const kind = edgeKindFor(design, source, target)
  return kind.ok ? kind.value : undefined
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export interface Connection {
  source: EntityId
  target: EntityId
}

/**
 * Whether `source → target` may be wired, with the reason when not. A connection drawn backwards (from a
 * target handle to a source handle) is read the right way round.
 */
export function canConnect(doc: DesignDocument, source: EntityId, target: EntityId): OpResult<{ kind: EdgeKind; source: EntityId; target: EntityId }> {
  let kind = edgeKindFor(doc.design, source, target)
  if (!kind.ok) {
    const reversed = edgeKindFor(doc.design, target, source)
    if (!reversed.ok) return kind
    kind = reversed
    ;[source, target] = [target, source]
  }
  const { design } = doc
  switch (kind.value) {
    case 'integration': {
      const route = design.routes[source]
      if (route.integration === target) return opFailed(`Route ${route.key} is already wired to ${target}.`)
      if (route.integration && Object.hasOwn(design.integrations, route.integration))
        return opFailed(`Route ${route.key} already has an integration (${route.integration}); a route has at most one. Delete that connection first.`)
      break
    }
    case 'target': {
      const integration = design.integrations[source]
      const type = effectiveResourceType(design.resources[target])
      if (integration.target === target) return opFailed(`${source} already acts on ${target}.`)
      if (integration.target && Object.hasOwn(design.resources, integration.target))
        return opFailed(`Integration ${source} already acts on ${integration.target}; an integration has one target. Delete that connection first.`)
      if (type === 'log-group') return opFailed('A log group receives stage access logs: connect it from a stage, not from an integration.')
      if (integration.type === 'mock') return opFailed('A Mock integration has no backend: API Gateway answers by itself.')
      if (integration.type === 'http' || integration.type === 'http-proxy')
        return opFailed(`An ${INTEGRATION_LABEL[integration.type]} integration calls a URL, not an AWS resource; set its URI in the inspector.`)
      if (integration.type === 'lambda' || integration.type === 'lambda-proxy') {
        if (type !== 'lambda-function') return opFailed(`A ${INTEGRATION_LABEL[integration.type]} integration invokes a Lambda function, not a ${resourceLabel(design, target)}.`)
        break
      }
      const preset = presetOf(integration)
      if (preset?.targetType && preset.targetType !== type)
        return opFailed(`${preset.label} acts on a ${preset.targetType}, not a ${resourceLabel(design, target)}.`)
      if (!preset && type === 'lambda-function') return opFailed('To invoke a Lambda function use a Lambda or Lambda proxy integration.')
      break
    }
    case 'credentials': {
      const integration = design.integrations[source]
      if (integration.type === 'mock' || integration.type === 'http' || integration.type === 'http-proxy')
        return opFailed(`A ${INTEGRATION_LABEL[integration.type]} integration takes no credentials role.`)
      const cred = integration.credentials
      if (cred && 'role' in cred && cred.role === target) return opFailed(`${source} already uses role ${target}.`)
      if (cred && 'role' in cred && Object.hasOwn(design.resources, cred.role)) return opFailed(`Integration ${source} already uses role ${cred.role}. Delete that connection first.`)
      break
    }
    case 'authorizer': {
      const route = design.routes[target]
      if (route.key !== '$connect')
        return opFailed(`Authorizers apply only to $connect: they authorize the connection, and later messages on route ${route.key || '(empty)'} ride on it.`)
      if (route.authorizer === source) return opFailed(`$connect already uses ${source}.`)
      if (route.authorizer && Object.hasOwn(design.authorizers, route.authorizer))
        return opFailed(`$connect already has an authorizer (${route.authorizer}); a route has at most one. Delete that connection first.`)
      break
    }
    case 'authorizerFunction': {
      const authorizer = design.authorizers[source]
      if (authorizer.type !== 'lambda') return opFailed('An IAM authorizer checks SigV4 signatures; it has no function.')
      if (effectiveResourceType(design.resources[target]) !== 'lambda-function') return opFailed(`A Lambda authorizer runs a Lambda function, not a ${resourceLabel(design, target)}.`)
      if (authorizer.function === target) return opFailed(`${source} already runs ${target}.`)
      if (authorizer.function && Object.hasOwn(design.resources, authorizer.function)) return opFailed(`Authorizer ${source} already runs ${authorizer.function}. Delete that connection first.`)
      break
    }
    case 'stage':
      return opFailed(`Stage ${design.stages[source].name} is already connected to the API: every stage deploys the design's one API, so there is nothing to wire. To deploy to another stage, add a Stage from the palette.`)
    case 'accessLog': {
      const dest = design.stages[source].accessLog?.destination
      if (dest && 'logGroup' in dest && dest.logGroup === target) return opFailed(`${source} already logs to ${target}.`)
      break
    }
    case 'domainMapping': {
      const mapping = design.stages[source].domainMapping
      if (mapping?.domain === target) return opFailed(`${source} is already mapped to ${target}.`)
      if (Object.entries(design.stages).some(([id, s]) => id !== source && s.domainMapping?.domain === target && !s.domainMapping.mappingKey && !mapping?.mappingKey))
        return opFailed('Another stage is already mapped to the root of this domain.')
      break
    }
  }
  return opOk({ kind: kind.value, source, target })
}

/** Performs a connection `canConnect` allows; returns the refusal otherwise. */
export function connect(doc: DesignDocument, source: EntityId, target: EntityId): OpResult<DesignDocument> {
  const check = canConnect(doc, source, target)
  if (!check.ok) return check
  const { kind } = check.value
  ;({ source, target } = check.value)
  const { design } = doc
  let next: Design = design
  switch (kind) {
    case 'integration':
      next = { ...design, routes: { ...design.routes, [source]: { ...design.routes[source], integration: target } } }
      break
    case 'target': {
      const integration = design.integrations[source]
      next = { ...design, integrations: { ...design.integrations, [source]: { ...integration, target } } }
      const preset = integration.type === 'aws' || integration.type === 'lambda' ? presetOf(integration) : undefined
      if (preset) next = applyPreset(next, source, preset.id, target)
      break
    }
    case 'credentials':
      next = { ...design, integrations: { ...design.integrations, [source]: { ...design.integrations[source], credentials: { role: target } } } }
      break
    case 'authorizer':
      next = { ...design, routes: { ...design.routes, [target]: { ...design.routes[target], authorizer: source } } }
      break
    case 'authorizerFunction':
      next = { ...design, authorizers: { ...design.authorizers, [source]: { ...design.authorizers[source], function: target } } }
      break
    case 'accessLog': {
      const stage = design.stages[source]
      next = { ...design, stages: { ...design.stages, [source]: { ...stage, accessLog: { ...stage.accessLog, destination: { logGroup: target } } } } }
      break
    }
    case 'domainMapping': {
      const stage = design.stages[source]
      next = { ...design, stages: { ...design.stages, [source]: { ...stage, domainMapping: { ...stage.domainMapping, domain: target } } } }
      break
    }
    case 'stage':
      break
  }
  // Entities the connection created (a preset's credentials role) go next to the resource they serve.
  let layout = doc.layout
  // Own properties only: ids are user text, and `constructor` is a valid one.
  const at = (id: string) => (Object.hasOwn(doc.layout, id) ? doc.layout[id] : undefined)
  const anchor = at(target) ?? at(source)
  let row = 1
  for (const id of Object.keys(next.resources)) {
    if (Object.hasOwn(design.resources, id) || Object.hasOwn(layout, id)) continue
    layout = { ...layout, [id]: anchor ? { x: anchor.x, y: anchor.y + 110 * row++ } : { x: 0, y: 0 } }
  }
  return opOk({ design: next, layout })
}

/** Removes the reference an edge stands for. The stage → API edge cannot be removed. */
export function disconnect(doc: DesignDocument, edge: Pick<GraphEdge, 'kind' | 'source' | 'target'>): OpResult<DesignDocument> {
  const { design } = doc
  const { source, target } = edge
  const without = <T extends object, K extends keyof T>(o: T, k: K): T => {
    const copy = { ...o }
    delete copy[k]
    return copy
  }
  switch (edge.kind) {
    case 'stage':
      return opFailed('A stage always belongs to the API; delete the stage instead.')
    case 'integration': {
      const route = design.routes[source]
      if (!route || route.integration !== target) return opFailed('That connection no longer exists.')
      return opOk({ ...doc, design: { ...design, routes: { ...design.routes, [source]: without(route, 'integration') } } })
    }
    case 'target': {
      const integration = design.integrations[source]
      if (!integration || integration.target !== target) return opFailed('That connection no longer exists.')
      return opOk({ ...doc, design: { ...design, integrations: { ...design.integrations, [source]: without(integration, 'target') } } })
    }
    case 'credentials': {
      const integration = design.integrations[source]
      if (!integration?.credentials || !('role' in integration.credentials) || integration.credentials.role !== target) return opFailed('That connection no longer exists.')
      return opOk({ ...doc, design: { ...design, integrations: { ...design.integrations, [source]: without(integration, 'credentials') } } })
    }
    case 'authorizer': {
      const route = design.routes[target]
      if (!route || route.authorizer !== source) return opFailed('That connection no longer exists.')
      return opOk({ ...doc, design: { ...design, routes: { ...design.routes, [target]: without(route, 'authorizer') } } })
    }
    case 'authorizerFunction': {
      const authorizer = design.authorizers[source]
      if (!authorizer || authorizer.function !== target) return opFailed('That connection no longer exists.')
      return opOk({ ...doc, design: { ...design, authorizers: { ...design.authorizers, [source]: without(authorizer, 'function') } } })
    }
    case 'accessLog': {
      const stage = design.stages[source]
      if (!stage?.accessLog) return opFailed('That connection no longer exists.')
      return opOk({ ...doc, design: { ...design, stages: { ...design.stages, [source]: without(stage, 'accessLog') } } })
    }
    case 'domainMapping': {
      const stage = design.stages[source]
      if (!stage?.domainMapping) return opFailed('That connection no longer exists.')
      return opOk({ ...doc, design: { ...design, stages: { ...design.stages, [source]: without(stage, 'domainMapping') } } })
    }
  }
}

