/**
 * React Flow nodes and edges as a projection of the document. The projector keeps object identity for
 * nodes/edges whose entity position, selection and size did not change, so React Flow re-renders only what moved.
 */
import type { Edge } from '@xyflow/react'
import { columnOf } from '../../layout/columns'
import { positionOf } from '../../layout/positions'
import { graphEdges, graphNodes, type EdgeKind } from '../../model/ops'
import type { Design, DesignDocument } from '../../model/types'
import type { EntityFlowNode } from './EntityNode'

export interface Measured {
  width: number
  height: number
}

export type FlowEdge = Edge<{ kind: EdgeKind }>

const EDGE_LABEL: Partial<Record<EdgeKind, string>> = { credentials: 'role', authorizerFunction: 'runs', accessLog: 'logs', domainMapping: 'domain' }

export function createProjector() {
  let nodeCache = new Map<string, EntityFlowNode>()
  let edgeCache = new Map<string, FlowEdge>()
  let edgeSource: Design | undefined
  let edgeList: ReturnType<typeof graphEdges> = []
  let nodeSource: Design | undefined
  let nodeList: ReturnType<typeof graphNodes> = []

  /** `dragging` holds positions of nodes being dragged right now (committed to the document on drop). */
  function nodes(
    doc: DesignDocument,
    selection: ReadonlySet<string>,
    measured: ReadonlyMap<string, Measured>,
    dragging?: ReadonlyMap<string, { x: number; y: number }> | null,
  ): EntityFlowNode[] {
    const next = new Map<string, EntityFlowNode>()
    const out: EntityFlowNode[] = []
    const fallbackRow = new Map<number, number>()
    let bottom: number | undefined
    if (doc.design !== nodeSource) {
      // A drag changes only the layout: the list of entities is reused.
      nodeList = graphNodes(doc.design)
      nodeSource = doc.design
    }
    for (const n of nodeList) {
      // Ids are user text (`constructor` is a valid id): never index the layout directly.
      let position = dragging?.get(n.id) ?? positionOf(doc.layout, n.id)
      if (!position) {
        // Entities without a saved position (a hand-written file, say) wait below the rest, in their column.
        bottom ??= Math.max(0, ...Object.values(doc.layout).map((p) => (Number.isFinite(p?.y) ? p.y : 0))) + 160
        const col = columnOf(doc.design, n)
        const row = (fallbackRow.get(col) ?? -1) + 1
        fallbackRow.set(col, row)
        position = { x: col * 350, y: bottom + row * 100 }
      }
      const selected = selection.has(n.id)
      const m = measured.get(n.id)
      const prev = nodeCache.get(n.id)
      let node: EntityFlowNode
      if (
        prev &&
        prev.type === n.kind &&
        prev.position.x === position.x &&
        prev.position.y === position.y &&
        !!prev.selected === selected &&
        prev.measured?.width === m?.width &&
        prev.measured?.height === m?.height
      ) {
        node = prev
      } else {
        node = { id: n.id, type: n.kind, position, data: prev?.data ?? { entityId: n.id }, selected, ...(m ? { measured: m } : {}) }
      }
      next.set(n.id, node)
      out.push(node)
    }
    nodeCache = next
    return out
  }

  function edges(design: Design, selection: ReadonlySet<string>): FlowEdge[] {
    if (design !== edgeSource) {
      edgeList = graphEdges(design)
      edgeSource = design
    }
    const next = new Map<string, FlowEdge>()
    const out = edgeList.map((e) => {
      const selected = selection.has(e.id)
      const prev = edgeCache.get(e.id)
      const edge: FlowEdge =
        prev && !!prev.selected === selected
          ? prev
          : {
              id: e.id,
              source: e.source,
              target: e.target,
              sourceHandle: 'out',
              targetHandle: 'in',
              selected,
              className: `edge-kind-${e.kind}`,
              deletable: e.kind !== 'stage',
              label: EDGE_LABEL[e.kind],
              data: { kind: e.kind },
              domAttributes: { 'data-testid': `edge.${e.id}` } as FlowEdge['domAttributes'],
            }
      next.set(e.id, edge)
      return edge
    })
    edgeCache = next
    return out
  }

  return { nodes, edges }
}
