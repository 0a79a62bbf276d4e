/**
 * The design seen as a graph: which entities are nodes and which references are edges. The canvas, the
 * auto-layout and the connection rules all read this one definition, so an edge on screen always stands
 * for exactly one reference field in the document.
 */

import { API_ENTITY_ID, COLLECTION_KIND, COLLECTIONS, type Design, type EntityId, type EntityKind } from '../types'

/** What an edge means in the document (which field holds the reference). */
export type EdgeKind =
  /** `stage → api`: every stage belongs to the design's single API (implicit, always present). */
  | 'stage'
  /** `route → integration`: `route.integration`. */
  | 'integration'
  /** `integration → resource`: `integration.target`. */
  | 'target'
  /** `integration → iam-role`: `integration.credentials.role`. */
  | 'credentials'
  /** `authorizer → route`: `route.authorizer` (only `$connect`). */
  | 'authorizer'
  /** `authorizer → lambda function`: `authorizer.function`. */
  | 'authorizerFunction'
  /** `stage → log group`: `stage.accessLog.destination.logGroup`. */
  | 'accessLog'
  /** `stage → domain`: `stage.domainMapping.domain`. */
  | 'domainMapping'

export interface GraphEdge {
  id: string
  kind: EdgeKind
  source: EntityId
  target: EntityId
}

export interface GraphNode {
  id: EntityId
  kind: EntityKind
}

export function edgeId(kind: EdgeKind, source: EntityId, target: EntityId): string {
  return `${kind}:${source}->${target}`
}

/** Every entity as a node, API first, in document order. */
export function graphNodes(design: Design): GraphNode[] {
  const nodes: GraphNode[] = [{ id: API_ENTITY_ID, kind: 'api' }]
  for (const c of COLLECTIONS) for (const id of Object.keys(design[c])) nodes.push({ id, kind: COLLECTION_KIND[c] })
  return nodes
}

/** Every reference that the canvas draws as an edge. References to missing entities are skipped. */
export function graphEdges(design: Design): GraphEdge[] {
  const edges: GraphEdge[] = []
  const has = (id: EntityId | undefined): id is EntityId =>
    !!id && (id === API_ENTITY_ID || COLLECTIONS.some((c) => Object.prototype.hasOwnProperty.call(design[c], id)))
  const add = (kind: EdgeKind, source: EntityId, target: EntityId | undefined) => {
    if (has(target)) edges.push({ id: edgeId(kind, source, target), kind, source, target })
  }
  for (const id of Object.keys(design.stages)) {
    const stage = design.stages[id]
    add('stage', id, API_ENTITY_ID)
    const dest = stage.accessLog?.destination
    if (dest && 'logGroup' in dest) add('accessLog', id, dest.logGroup)
    if (stage.domainMapping) add('domainMapping', id, stage.domainMapping.domain)
  }
  for (const [id, route] of Object.entries(design.routes)) {
    if (route.authorizer) add('authorizer', route.authorizer, id)
    add('integration', id, route.integration)
  }
  for (const [id, integration] of Object.entries(design.integrations)) {
    add('target', id, integration.target)
    const cred = integration.credentials
    if (cred && 'role' in cred) add('credentials', id, cred.role)
  }
  for (const [id, authorizer] of Object.entries(design.authorizers)) add('authorizerFunction', id, authorizer.function)
  return edges
}
