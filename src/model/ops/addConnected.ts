/**
 * Adding an entity already wired to an existing one: what a connection dropped on empty canvas offers. Which
 * kinds may be offered is `canConnect`'s rule applied to each candidate as if it were added, so the menu can never
 * offer something the wiring would then refuse.
 */

import type { DesignDocument, EntityId, Position } from '../types'
import { connect, pairedEdgeKind } from './connect'
import { addEntity, type AddResult, type NewEntitySpec } from './entities'
import { opFailed, opOk, type OpResult } from './result'

/**
 * The end of a connection drag: the entity it started from and which of its handles. From a `source` (out)
 * handle the new entity is the connection's target; from a `target` (in) handle it is the source.
 */
export interface ConnectFrom {
  id: EntityId
  end: 'source' | 'target'
}

/** Adds `spec` at `position` and wires it to `from` in one document change; refuses if either step would. */
export function addConnected(doc: DesignDocument, spec: NewEntitySpec, position: Position, from: ConnectFrom): OpResult<AddResult> {
  return attempt(doc, spec, position, from).result
}

/** The result, and whether the refusal (if any) is about this pair of kinds rather than about what is already wired. */
function attempt(doc: DesignDocument, spec: NewEntitySpec, position: Position, from: ConnectFrom): { result: OpResult<AddResult>; paired: boolean } {
  const added = addEntity(doc, spec, position)
  if (!added.ok) return { result: added, paired: false }
  const { id } = added.value
  const [source, target] = from.end === 'source' ? [from.id, id] : [id, from.id]
  const paired = pairedEdgeKind(added.value.doc.design, source, target) !== undefined
  // canConnect also reads a connection the wrong way round; a handle's direction is not negotiable here.
  if (!paired) return { result: opFailed(`Nothing of that kind connects ${from.end === 'source' ? 'from' : 'into'} ${from.id} this way.`), paired }
  const wired = connect(added.value.doc, source, target)
  if (!wired.ok) return { result: wired, paired }
  return { result: opOk({ doc: wired.value, id }), paired }
}

/**
 * What may be offered: the candidates `addConnected` accepts, in their order. When none is, the refusal to show
 * is one about a kind that would pair (`$connect already has an integration`), not the first kind that never could.
 */
export function connectableSpecs<T extends NewEntitySpec>(doc: DesignDocument, from: ConnectFrom, candidates: readonly T[]): OpResult<T[]> {
  const accepted: T[] = []
  let refusal: string | undefined
  for (const spec of candidates) {
    const { result, paired } = attempt(doc, spec, { x: 0, y: 0 }, from)
    if (result.ok) accepted.push(spec)
    else if (paired) refusal ??= result.reason
  }
  if (!accepted.length) return opFailed(refusal ?? `Nothing can be connected ${from.end === 'source' ? 'from' : 'into'} ${from.id} there.`)
  return opOk(accepted)
}
