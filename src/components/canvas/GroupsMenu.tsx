/**
 * Collapsible node groups (groups.ts): the canvas keeps which groups are collapsed (a view choice, not part of the
 * document), the Groups menu lists the groups of the design with a checkbox each, and a collapsed group's node
 * has an Expand button.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { graphNodes } from '../../model/ops'
import { useDesigner } from '../../store/StoreProvider'
import { listGroups } from './groups'

interface GroupsApi {
  collapsed: ReadonlySet<string>
  toggle(key: string): void
  expand(key: string): void
}

const Ctx = createContext<GroupsApi>({ collapsed: new Set(), toggle: () => {}, expand: () => {} })

export function CanvasGroupsProvider({ value, children }: { value: GroupsApi; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useCanvasGroups(): GroupsApi {
  return useContext(Ctx)
}

export function GroupsMenu() {
  const design = useDesigner((s) => s.doc.design)
  const groups = useMemo(() => listGroups(design, graphNodes(design)), [design])
  const { collapsed, toggle } = useCanvasGroups()
  if (!groups.length) return null
  return (
    <details className="canvas-groups" data-testid="canvas.groups">
      <summary>Groups{collapsed.size ? ` (${collapsed.size} collapsed)` : ''}</summary>
      <ul>
        {groups.map((g) => (
          <li key={g.key}>
            <label>
              <input type="checkbox" checked={collapsed.has(g.key)} onChange={() => toggle(g.key)} data-testid={`canvas.groups.${g.key}`} />
              Collapse {g.count} {g.label.toLowerCase()}
            </label>
          </li>
        ))}
      </ul>
    </details>
  )
}
