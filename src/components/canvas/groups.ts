/**
 * Node groups that can collapse into one node on the canvas: all routes, and the integrations of one service
 * (DynamoDB, SQS, …, or one integration type: Lambda proxy, Mock, HTTP). Collapsing is a view choice, never a
 * document change: the entities stay, their edges go to the group's node. Presentation only.
 */
import type { GraphNode } from '../../model/ops/graph'
import type { Design } from '../../model/types'
import { summarise } from './nodeSummary'

export interface NodeGroup {
  key: string
  label: string
  count: number
}

/** Groups smaller than this are not offered: collapsing two nodes saves nothing. */
export const MIN_GROUP = 3

export const GROUP_NODE_PREFIX = 'group:'

export function groupNodeId(key: string): string {
  return `${GROUP_NODE_PREFIX}${key}`
}

/** The group a node belongs to, or undefined (API, stages, resources and authorizers stay as they are). */
export function groupOf(design: Design, node: GraphNode): { key: string; label: string } | undefined {
  if (node.kind === 'route') return { key: 'routes', label: 'Routes' }
  if (node.kind !== 'integration' || !Object.hasOwn(design.integrations, node.id)) return undefined
  const integration = design.integrations[node.id]
  if (integration.type === 'aws') {
    // The caption names the service in words ("AWS integration · DynamoDB").
    const service = summarise('integration', node.id, integration).caption.replace(/^AWS integration · /, '')
    return { key: `integrations:aws:${integration.service ?? ''}`, label: `${service} integrations` }
  }
  const caption = summarise('integration', node.id, integration).caption.replace(/ integration$/, '')
  return { key: `integrations:${integration.type}`, label: `${caption} integrations` }
}

/** Groups with at least MIN_GROUP members, in a stable order (routes first, then by label). */
export function listGroups(design: Design, nodes: readonly GraphNode[]): NodeGroup[] {
  const groups = new Map<string, NodeGroup>()
  for (const n of nodes) {
    const g = groupOf(design, n)
    if (!g) continue
    const seen = groups.get(g.key)
    if (seen) seen.count++
    else groups.set(g.key, { ...g, count: 1 })
  }
  return [...groups.values()].filter((g) => g.count >= MIN_GROUP).sort((a, b) => (a.key === 'routes' ? -1 : b.key === 'routes' ? 1 : a.label.localeCompare(b.label)))
}
