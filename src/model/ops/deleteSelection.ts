/**
 * Deleting a selection of entities and edges. Edges are disconnected first (an edge's removal may be refused,
 * e.g. a stage's API), then entities are deleted with their cascades (`deleteEntities`). The API itself is never
 * deleted: a design always has exactly one.
 */
import { locateEntity } from '../queries'
import { API_ENTITY_ID, type DesignDocument } from '../types'
import { disconnect } from './connect'
import { deleteEntities } from './edit'
import { graphEdges } from './graph'
import { opFailed, opOk, type OpResult } from './result'

export function deleteSelection(doc: DesignDocument, selection: readonly string[]): OpResult<DesignDocument> {
  if (!selection.length) return opOk(doc)
  const selected = new Set(selection)
  const edges = graphEdges(doc.design).filter((e) => selected.has(e.id))
  const entityIds = selection.filter((id) => locateEntity(doc.design, id))
  if (entityIds.length === 1 && entityIds[0] === API_ENTITY_ID && !edges.length) return opFailed('The API cannot be deleted: a design always has exactly one.')
  let next = doc
  const refused: string[] = []
  for (const e of edges) {
    const r = disconnect(next, e)
    if (r.ok) next = r.value
    else refused.push(r.reason)
  }
  next = deleteEntities(next, entityIds)
  if (refused.length && next === doc) return opFailed(refused[0])
  return opOk(next)
}
