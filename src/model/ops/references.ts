/**
 * References that the canvas draws as edges (a route's integration or authorizer, an integration's target, an
 * authorizer's function), set the way wiring sets them: checked by `canConnect`, presets applied. This is what
 * the inspector's reference pickers use, the keyboard alternative to dragging a connection.
 */
import { locateEntity } from '../queries'
import type { DesignDocument, EntityId } from '../types'
import { connect, disconnect } from './connect'
import { setField } from './edit'
import { graphEdges, type EdgeKind } from './graph'
import { opFailed, opOk, type OpResult } from './result'

/** Fields that the canvas draws as edges, by entity kind, with the edge they stand for. */
export const REFERENCE_FIELDS: Readonly<Partial<Record<string, Readonly<Record<string, EdgeKind>>>>> = {
  route: { integration: 'integration', authorizer: 'authorizer' },
  integration: { target: 'target' },
  authorizer: { function: 'authorizerFunction' },
}

/** The edge kind a reference field stands for, or undefined when the field is not drawn as an edge. */
export function referenceEdgeKind(doc: DesignDocument, entityId: EntityId, field: string): EdgeKind | undefined {
  const kind = locateEntity(doc.design, entityId)?.kind
  const fields = kind ? REFERENCE_FIELDS[kind] : undefined
  return fields && Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined
}

/**
 * Points `entityId.field` at `target` (or clears it): the current edge is disconnected, the new one connected.
 * Returns the same document when nothing changes.
 */
export function setReference(doc: DesignDocument, entityId: EntityId, field: string, target: EntityId | undefined): OpResult<DesignDocument> {
  const edgeKind = referenceEdgeKind(doc, entityId, field)
  if (!edgeKind) return opFailed(`"${field}" is not a reference that can be wired.`)
  // A route's authorizer is drawn authorizer → route: the edge comes in.
  const incoming = edgeKind === 'authorizer'
  const current = graphEdges(doc.design).find((e) => e.kind === edgeKind && (incoming ? e.target === entityId : e.source === entityId))
  if (current && (incoming ? current.source : current.target) === target) return opOk(doc)
  let next = doc
  if (current) {
    const r = disconnect(next, current)
    if (r.ok) next = r.value
  } else if (!target) {
    // A dangling reference (nothing drawn): just clear the field.
    next = setField(next, entityId, [field], undefined)
  }
  if (!target) return opOk(next)
  const r = incoming ? connect(next, target, entityId) : connect(next, entityId, target)
  return r.ok ? opOk(r.value) : r
}
