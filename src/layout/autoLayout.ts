/**
 * Pure auto-layout with elkjs (layered, left to right): stages and the API on the left, then authorizers,
 * routes, integrations, target resources and roles, each kind in its own column. Runs in the browser and
 * headless in node. ELK is loaded lazily so it stays out of the app's initial bundle. The designer hands in an
 * ELK that runs in a Web Worker (src/components/canvas/elkInWorker.ts), so laying out never blocks the page;
 * without one (tests, node) the bundled ELK runs in the calling thread.
 */

import type { ElkNode } from 'elkjs/lib/elk-api'
import { graphEdges, graphNodes } from '../model/ops/graph'
import { columnOf, NODE_HEIGHT, NODE_WIDTH } from './columns'
import { positionOf } from './positions'

export { columnOf, NODE_HEIGHT, NODE_WIDTH }
import type { Design, Layout } from '../model/types'

/** The one ELK method used; elkjs's ELK class, in the calling thread or behind a worker, has it. */
export type ElkLike = { layout(graph: ElkNode): Promise<ElkNode> }
let elkPromise: Promise<ElkLike> | undefined

async function loadElk(): Promise<ElkLike> {
  elkPromise ??= import('elkjs/lib/elk.bundled.js').then((mod) => {
    const m = mod as unknown as { default?: unknown }
    // CommonJS default interop differs between node and bundlers.
    const Ctor = ((m.default as { default?: unknown } | undefined)?.default ?? m.default ?? mod) as new () => ElkLike
    return new Ctor()
  })
  return elkPromise
}

/**
 * Lays out every entity of the design. `existing` positions keep the vertical order of nodes inside each
 * column stable (a person's arrangement survives a re-layout); nodes without a position are ordered by the
 * nodes they connect to, then by document order. Returns a new layout with an entry for every entity and
 * nothing else.
 *
 * ELK runs with interactive layering and crossing minimisation: we hand it the column (as x) and the
 * order inside the column (as y), and it does the spacing and straightens edges. Its partitioning option
 * gives the same columns but takes ~15 s for a 300-route design; this takes well under a second.
 */
export async function autoLayout(design: Design, existing?: Layout, elk?: () => Promise<ElkLike>): Promise<Layout> {
  const nodes = graphNodes(design)
  const edges = graphEdges(design)
  const docIndex = new Map(nodes.map((n, i) => [n.id, i]))
  const column = new Map(nodes.map((n) => [n.id, columnOf(design, n)]))

  // Order inside each column: existing y, else the mean rank of already-placed neighbours, else document order.
  const neighbours = new Map<string, string[]>()
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target])
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source])
  }
  const rank = new Map<string, number>()
  const columns = [...new Set(column.values())].sort((a, b) => a - b)
  // Routes anchor the picture: order their column first, then sweep outwards from it.
  const anchor = columns.includes(3) ? 3 : columns[0]
  const sweep = [anchor, ...columns.filter((c) => c > anchor), ...columns.filter((c) => c < anchor).reverse()]
  for (const c of sweep) {
    const members = nodes.filter((n) => column.get(n.id) === c)
    const key = (id: string): [number, number] => {
      const y = positionOf(existing, id)?.y
      if (y !== undefined) return [0, y]
      const placed = (neighbours.get(id) ?? []).map((n) => rank.get(n)).filter((r): r is number => r !== undefined)
      if (placed.length) return [1, placed.reduce((a, b) => a + b, 0) / placed.length]
      return [2, docIndex.get(id) ?? 0]
    }
    const keyed = members.map((n) => ({ id: n.id, key: key(n.id) }))
    keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || (docIndex.get(a.id) ?? 0) - (docIndex.get(b.id) ?? 0))
    keyed.forEach((k, i) => rank.set(k.id, i))
  }

  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.layering.strategy': 'INTERACTIVE',
      'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '36',
      'elk.separateConnectedComponents': 'false',
    },
    children: nodes.map((n) => ({
      id: n.id,
      x: (column.get(n.id) ?? 0) * (NODE_WIDTH + 110),
      y: (rank.get(n.id) ?? 0) * (NODE_HEIGHT + 36),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  }
  const result = await (await (elk ?? loadElk)()).layout(graph)
  const layout: Layout = {}
  for (const child of result.children ?? []) {
    layout[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }
  }
  return layout
}
