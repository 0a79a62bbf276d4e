/**
 * React Flow nodes and edges as a projection of the document. The projector keeps object identity for
 * nodes/edges whose entity position, selection and size did not change, so React Flow re-renders only what moved.
 */
import type { Edge } from '@xyflow/react'
import { columnOf } from '../../layout/columns'
import { positionOf } from '../../layout/positions'
import { graphEdges, graphNodes, type EdgeKind } from '../../model/ops'
import type { Design, DesignDocument } from '../../model/types'
import type { CanvasFlowNode, EntityFlowNode, GroupFlowNode } from './EntityNode'
import { groupNodeId, groupOf, type NodeGroup } from './groups'

export interface Measured {
  width: number
  height: number
}

export type FlowEdge = Edge<{ kind: EdgeKind }>

const EDGE_LABEL: Partial<Record<EdgeKind, string>> = { credentials: 'role', authorizerFunction: 'runs', accessLog: 'logs', domainMapping: 'domain' }

const NO_GROUPS: ReadonlySet<string> = new Set()

export function createProjector() {
  let nodeCache = new Map<string, CanvasFlowNode>()
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
    collapsed: ReadonlySet<string> = NO_GROUPS,
  ): CanvasFlowNode[] {
    const next = new Map<string, CanvasFlowNode>()
    const out: CanvasFlowNode[] = []
    // Collapsed groups: one node at the top-left corner of where their members stand.
    const folded = new Map<string, NodeGroup & { x: number; y: number }>()
    const fallbackRow = new Map<number, number>()
    let bottom: number | undefined
    if (doc.design !== nodeSource) {
      // A drag changes only the layout: the list of entities is reused.
      nodeList = graphNodes(doc.design)
      nodeSource = doc.design
    }
    for (const n of nodeList) {
      const group = collapsed.size ? groupOf(doc.design, n) : undefined
      if (group && collapsed.has(group.key)) {
        const p = positionOf(doc.layout, n.id) ?? { x: 0, y: 0 }
        const f = folded.get(group.key)
        if (f) {
          f.count++
          f.x = Math.min(f.x, p.x)
          f.y = Math.min(f.y, p.y)
        } else folded.set(group.key, { ...group, count: 1, x: p.x, y: p.y })
        continue
      }
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
        node = { id: n.id, type: n.kind, position, data: (prev as EntityFlowNode | undefined)?.data ?? { entityId: n.id }, selected, ...(m ? { measured: m } : {}) }
      }
      next.set(n.id, node)
      out.push(node)
    }
    for (const f of folded.values()) {
      const id = groupNodeId(f.key)
      const prev = nodeCache.get(id) as GroupFlowNode | undefined
      // Measured sizes come back through the projection (controlled flow), as for entity nodes.
      const m = measured.get(id)
      const node: GroupFlowNode =
        prev && prev.position.x === f.x && prev.position.y === f.y && prev.data.group.count === f.count && prev.measured?.width === m?.width && prev.measured?.height === m?.height
          ? prev
          : { id, type: 'collapsedGroup', position: { x: f.x, y: f.y }, data: { group: { key: f.key, label: f.label, count: f.count } }, selectable: false, draggable: false, ...(m ? { measured: m } : {}) }
      next.set(id, node)
      out.push(node)
    }
    nodeCache = next
    return out
  }

  function edges(design: Design, selection: ReadonlySet<string>, collapsed: ReadonlySet<string> = NO_GROUPS): FlowEdge[] {
    if (design !== edgeSource) {
      edgeList = graphEdges(design)
      edgeSource = design
    }
    const next = new Map<string, FlowEdge>()
    if (collapsed.size) return foldedEdges(design, selection, collapsed)
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

  /** Edges with collapsed members drawn to their group's node, once per kind and pair; none inside a group. */
  function foldedEdges(design: Design, selection: ReadonlySet<string>, collapsed: ReadonlySet<string>): FlowEdge[] {
    const kinds = new Map(graphNodes(design).map((n) => [n.id, n]))
    const end = (id: string) => {
      const n = kinds.get(id)
      const g = n && groupOf(design, n)
      return g && collapsed.has(g.key) ? groupNodeId(g.key) : id
    }
    const out = new Map<string, FlowEdge>()
    for (const e of edgeList) {
      const source = end(e.source)
      const target = end(e.target)
      if (source === target) continue
      const folded = source !== e.source || target !== e.target
      const id = folded ? `${e.kind}:${source}->${target}` : e.id
      if (out.has(id)) continue
      out.set(id, {
        id,
        source,
        target,
        sourceHandle: 'out',
        targetHandle: 'in',
        selected: !folded && selection.has(id),
        className: `edge-kind-${e.kind}${folded ? ' edge-folded' : ''}`,
        deletable: !folded && e.kind !== 'stage',
        selectable: !folded,
        label: EDGE_LABEL[e.kind],
        data: { kind: e.kind },
        domAttributes: { 'data-testid': `edge.${id}` } as FlowEdge['domAttributes'],
      })
    }
    edgeCache = new Map()
    return [...out.values()]
  }

  return { nodes, edges }
}
