/**
 * One memoised node component for every entity kind. Node `data` holds only `{ entityId }`; the component
 * reads its entity and its problem counts with narrow selectors, so a change elsewhere does not re-render it.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { entityOf } from '../../model/ops'
import type { EntityKind } from '../../model/types'
import { NODE_HEIGHT, NODE_WIDTH } from '../../layout/columns'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'
import { useLiveHighlighted } from './liveHighlight'
import type { NodeGroup } from './groups'
import { useCanvasGroups } from './GroupsMenu'
import { summarise } from './nodeSummary'
import { nodeTextFits, type NodeTextRole } from './textFit'

export type EntityNodeData = { entityId: string }
export type EntityFlowNode = Node<EntityNodeData, EntityKind>
/** A collapsed group (groups.ts): one node standing for its members; expanding it is a view change only. */
export type GroupFlowNode = Node<{ group: NodeGroup }, 'collapsedGroup'>
export type CanvasFlowNode = EntityFlowNode | GroupFlowNode

/** Which sides of a node accept connections. */
const HANDLES: Record<EntityKind, { target: boolean; source: boolean }> = {
  api: { target: true, source: false },
  stage: { target: false, source: true },
  route: { target: true, source: true },
  integration: { target: true, source: true },
  authorizer: { target: false, source: true },
  resource: { target: true, source: false },
  domain: { target: true, source: false },
  model: { target: false, source: false },
  message: { target: false, source: false },
}

/** A text line's class: clipped with an ellipsis only when it would overflow (why: textFit.ts). */
function lineClass(base: string, role: NodeTextRole, text: string, shared = false): string {
  return shared || !nodeTextFits(role, text) ? `${base} clip` : base
}

function EntityNodeView({ id, type, selected }: NodeProps<EntityFlowNode>) {
  const kind = type as EntityKind
  const entity = useDesigner((s) => entityOf(s.doc.design, id))
  const errors = useDesigner((s) => s.problemCounts[id]?.errors ?? 0)
  const warnings = useDesigner((s) => s.problemCounts[id]?.warnings ?? 0)
  const store = useDesignerStoreApi()
  const live = useLiveHighlighted(id)
  if (!entity) return null
  const summary = summarise(kind, id, entity)
  const handles = HANDLES[kind]
  const resourceType = kind === 'resource' ? (entity as { type: string }).type : undefined
  const title = summary.title
  return (
    <div
      className={`entity-node kind-${kind}${resourceType ? ` resource-${resourceType}` : ''}${selected ? ' selected' : ''}${live ? ' live-hit' : ''}`}
      style={{ width: NODE_WIDTH, minHeight: NODE_HEIGHT }}
      data-testid={`node.${id}`}
      data-kind={kind}
      title={summary.detail ? `${summary.caption}: ${title} (${summary.detail})` : `${summary.caption}: ${title}`}
    >
      {handles.target && <Handle type="target" position={Position.Left} id="in" data-testid={`handle.${id}.in`} />}
      <span className={`entity-node-icon tone-${summary.icon.tone}`} aria-hidden="true" data-testid={`node.${id}.icon`}>
        {summary.icon.glyph}
      </span>
      <div className="entity-node-caption">
        <span className={lineClass('entity-node-caption-text', 'caption', summary.caption, errors > 0 || warnings > 0)}>{summary.caption}</span>
        {(errors > 0 || warnings > 0) && (
          <button
            type="button"
            className={`node-badge ${errors ? 'error' : 'warning'} nodrag`}
            title={`${errors} error(s), ${warnings} warning(s): open the problems`}
            aria-label={`${errors} error(s), ${warnings} warning(s) on ${title}: open the problems`}
            data-testid={`node.${id}.badge`}
            onClick={(e) => {
              e.stopPropagation()
              const state = store.getState()
              state.select([id])
              state.openBottomTab('problems')
            }}
          >
            {errors ? `${errors}✕` : ''}
            {errors && warnings ? ' ' : ''}
            {warnings ? `${warnings}⚠` : ''}
          </button>
        )}
      </div>
      {/* <bdi>: a name holding U+202E must not turn the rest of the node around. */}
      <bdi className={lineClass('entity-node-title', 'title', title)} data-testid={`node.${id}.title`}>
        {title}
      </bdi>
      {summary.detail && (
        <bdi className={lineClass('entity-node-detail', 'detail', summary.detail)} data-testid={`node.${id}.detail`}>
          {summary.detail}
        </bdi>
      )}
      {handles.source && <Handle type="source" position={Position.Right} id="out" data-testid={`handle.${id}.out`} />}
    </div>
  )
}

export const EntityNode = memo(EntityNodeView)

function GroupNodeView({ id, data }: NodeProps<GroupFlowNode>) {
  const { expand } = useCanvasGroups()
  const { group } = data
  return (
    <div className="entity-node group-node" style={{ width: NODE_WIDTH, minHeight: NODE_HEIGHT }} data-testid={`node.${id}`}>
      <Handle type="target" position={Position.Left} id="in" isConnectable={false} />
      <span className="entity-node-icon tone-neutral" aria-hidden="true">
        {group.count}
      </span>
      <div className="entity-node-caption">
        <span className="entity-node-caption-text">Collapsed group</span>
      </div>
      <bdi className={lineClass('entity-node-title', 'title', `${group.count} ${group.label.toLowerCase()}`)}>
        {group.count} {group.label.toLowerCase()}
      </bdi>
      <button type="button" className="group-node-expand nodrag" data-testid={`${`node.${id}`}.expand`} onClick={() => expand(group.key)}>
        Expand
      </button>
      <Handle type="source" position={Position.Right} id="out" isConnectable={false} />
    </div>
  )
}

export const GroupNode = memo(GroupNodeView)

/** Module-scope node types (one component, a type per entity kind for styling and the minimap). */
export const nodeTypes = {
  api: EntityNode,
  route: EntityNode,
  integration: EntityNode,
  authorizer: EntityNode,
  stage: EntityNode,
  resource: EntityNode,
  domain: EntityNode,
  model: EntityNode,
  message: EntityNode,
  collapsedGroup: GroupNode,
}
