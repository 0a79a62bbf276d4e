/** Node size and the column of each entity kind, shared by the auto-layout and the canvas. */
import type { GraphNode } from '../model/ops/graph'
import type { Design } from '../model/types'

/** Size of a node on the canvas; the canvas renders nodes at this size so the layout matches. */
export const NODE_WIDTH = 240
export const NODE_HEIGHT = 76

/** Column of each node kind, left to right. Empty columns take no room. */
export function columnOf(design: Design, node: GraphNode): number {
  switch (node.kind) {
    case 'domain':
      return 0
    case 'stage':
      return 1
    case 'api':
    case 'authorizer':
    case 'message':
      return 2
    case 'route':
    case 'model':
      return 3
    case 'integration':
      return 4
    case 'resource': {
      const type = design.resources[node.id]?.type
      if (type === 'log-group') return 0
      if (type === 'iam-role') return 6
      return 5
    }
  }
}

