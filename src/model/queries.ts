/** Pure lookups over a design. */

import {
  API_ENTITY_ID,
  COLLECTION_KIND,
  COLLECTIONS,
  type CollectionName,
  type Design,
  type EntityId,
  type EntityKind,
  type Integration,
  type Resource,
  type Route,
} from './types'

export interface EntityLocation {
  kind: EntityKind
  collection?: CollectionName
}

/** Which collection an id lives in (or `api`), or undefined. */
export function locateEntity(design: Design, id: EntityId): EntityLocation | undefined {
  if (id === API_ENTITY_ID) return { kind: 'api' }
  for (const c of COLLECTIONS) {
    if (Object.prototype.hasOwnProperty.call(design[c], id)) return { kind: COLLECTION_KIND[c], collection: c }
  }
  return undefined
}

/**
 * The entry a reference names, if the map holds it as its own key. References are user text, so
 * `toString` or `constructor` must read as missing rather than as Object.prototype's member
 * (`design.integrations['toString']` is a function, and a truthiness check lets it through).
 */
export function ownEntry<T>(map: Readonly<Record<string, T>>, id: string | undefined): T | undefined {
  return id !== undefined && Object.hasOwn(map, id) ? map[id] : undefined
}

export function routesUsingIntegration(design: Design, integrationId: EntityId): [EntityId, Route][] {
  return Object.entries(design.routes).filter(([, r]) => r.integration === integrationId)
}

export function routesUsingAuthorizer(design: Design, authorizerId: EntityId): [EntityId, Route][] {
  return Object.entries(design.routes).filter(([, r]) => r.authorizer === authorizerId)
}

export function integrationsUsingRole(design: Design, roleId: EntityId): [EntityId, Integration][] {
  return Object.entries(design.integrations).filter(
    ([, i]) => i.credentials && 'role' in i.credentials && i.credentials.role === roleId,
  )
}

export function integrationsTargeting(design: Design, resourceId: EntityId): [EntityId, Integration][] {
  return Object.entries(design.integrations).filter(([, i]) => i.target === resourceId)
}

export function routeByKey(design: Design, key: string): [EntityId, Route] | undefined {
  return Object.entries(design.routes).find(([, r]) => r.key === key)
}

/** The resource type an id resolves to, looking through `existing` resources to what they stand for. */
export function effectiveResourceType(resource: Resource | undefined): Resource['type'] | undefined {
  if (!resource) return undefined
  return resource.type === 'existing' ? resource.kind : resource.type
}

/** The physical name a resource is given in the design (`tableName`, `queueName`, …), if any. */
export function physicalName(r: Resource): string | undefined {
  switch (r.type) {
    case 'dynamodb-table':
      return r.tableName
    case 'sqs-queue':
      return r.queueName
    case 'sns-topic':
      return r.topicName
    case 'kinesis-stream':
      return r.streamName
    case 'eventbridge-bus':
      return r.eventBusName
    case 'state-machine':
      return r.stateMachineName
    case 'lambda-function':
      return r.functionName
    case 'iam-role':
      return r.roleName
    case 'log-group':
      return r.logGroupName
    case 'existing':
      return r.name
  }
}

/** Every entity id in document order, API first. */
export function allEntityIds(design: Design): EntityId[] {
  return [API_ENTITY_ID, ...COLLECTIONS.flatMap((c) => Object.keys(design[c]))]
}

/** A fresh id based on `base` that is not used yet (`route`, `route2`, …). */
export function uniqueId(design: Design, base: string): EntityId {
  const cleaned = base.replace(/[^A-Za-z0-9_-]/g, '').replace(/^[^A-Za-z]+/, '') || 'entity'
  // Looked up per candidate, not collected: an import asks for hundreds of ids while the design grows.
  const taken = (id: string) => id === 'aws' || locateEntity(design, id) !== undefined
  if (!taken(cleaned)) return cleaned
  for (let n = 2; ; n++) if (!taken(`${cleaned}${n}`)) return `${cleaned}${n}`
}
