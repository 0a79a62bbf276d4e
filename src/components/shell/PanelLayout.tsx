/**
 * The resizable workspace: palette | canvas | inspector above the bottom panel, with a drag handle (keyboard
 * arrows too) between neighbours. react-resizable-panels does the dragging, limits and collapsing; the store's
 * `panels` stays the owner of each panel's size and collapsed state (the View commands and the saved sizes go
 * through it), and this component keeps the two in step.
 *
 * A collapsed panel renders nothing, so its controls leave the tab order and its room goes to the canvas.
 */
import { memo, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { Group, Panel, Separator, usePanelRef, type PanelImperativeHandle } from 'react-resizable-panels'
import { useShallow } from 'zustand/react/shallow'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'
import type { PanelId } from '../../store/slices/sliceContext'
import { PANEL_LIMITS } from '../../store/slices/shellSlice'

export interface PanelLayoutProps {
  palette: ReactNode
  canvas: ReactNode
  inspector: ReactNode
  bottom: ReactNode
}

type Ref = React.RefObject<PanelImperativeHandle | null>

/** Each panel's content scrolls itself; the panel box never does (a scrolled box would shift the canvas). */
const NO_SCROLL = { overflow: 'hidden' } as const

/**
 * Follows the store's collapsed flag (a View command) on the library's panel. Expanding goes back to the size
 * the store remembers: after a drag into collapse the library alone would reopen the panel at its minimum.
 */
function useFollowCollapsed(ref: Ref, collapsed: boolean, remembered?: { get(): number; set(px: number): void }): void {
  useEffect(() => {
    const panel = ref.current
    if (!panel) return
    if (collapsed && !panel.isCollapsed()) panel.collapse()
    else if (!collapsed && panel.isCollapsed()) {
      const px = remembered?.get() // before expand(): its layout change reports the minimum back to the store
      panel.expand()
      if (px !== undefined) {
        panel.resize(px)
        remembered?.set(px)
      }
    }
    // `remembered` is used at the moment of expanding only, so it is not a dependency.
  }, [ref, collapsed])
}

export const PanelLayout = memo(function PanelLayout({ palette, canvas, inspector, bottom }: PanelLayoutProps) {
  const store = useDesignerStoreApi()
  // Sizes are read once (defaultSize); afterwards the library owns the live size and reports it back.
  const [paletteCollapsed, inspectorCollapsed, bottomCollapsed, maximized] = useDesigner(
    useShallow((s) => [s.panels.palette.collapsed, s.panels.inspector.collapsed, s.panels.bottom.collapsed, s.bottomMaximized] as const),
  )
  const collapsed = { palette: paletteCollapsed, inspector: inspectorCollapsed, bottom: bottomCollapsed }
  const initial = store.getState().panels
  const paletteRef = usePanelRef()
  const inspectorRef = usePanelRef()
  const bottomRef = usePanelRef()
  const refs = useMemo<Record<PanelId, Ref>>(() => ({ palette: paletteRef, inspector: inspectorRef, bottom: bottomRef }), [paletteRef, inspectorRef, bottomRef])
  const workspace = usePanelRef()
  const stored = (id: PanelId) => ({ get: () => store.getState().panels[id].size, set: (size: number) => store.getState().setPanel(id, { size }) })
  useFollowCollapsed(refs.palette, collapsed.palette, stored('palette'))
  useFollowCollapsed(refs.inspector, collapsed.inspector, stored('inspector'))
  useFollowCollapsed(refs.bottom, collapsed.bottom, stored('bottom'))
  // Maximising the bottom panel collapses the workspace above it; restoring brings the old split back.
  useFollowCollapsed(workspace, maximized && !collapsed.bottom)

  /** After a drag (or a collapse/expand) ends: remember what the person chose. */
  const sync = useCallback(
    (ids: readonly PanelId[]) => {
      for (const id of ids) {
        const panel = refs[id].current
        if (!panel) continue
        // A maximised bottom panel's height is not the one to come back to.
        if (id === 'bottom' && store.getState().bottomMaximized) continue
        const now = store.getState().panels[id]
        const isCollapsed = panel.isCollapsed()
        const size = isCollapsed ? now.size : Math.round(panel.getSize().inPixels)
        if (now.collapsed !== isCollapsed || now.size !== size) store.getState().setPanel(id, { collapsed: isCollapsed, size })
      }
      const ws = workspace.current
      if (ws && !ws.isCollapsed() && store.getState().bottomMaximized) store.getState().setBottomMaximized(false)
    },
    [store, refs, workspace],
  )
  // Notices float just above the bottom panel (never over the tester's output): it publishes its height.
  const rows = useRef<HTMLDivElement>(null)
  const publishBottom = useCallback(() => {
    const px = bottomRef.current?.isCollapsed() ? 0 : (bottomRef.current?.getSize().inPixels ?? 0)
    rows.current?.parentElement?.style.setProperty('--bottom-panel-height', `${Math.round(px)}px`)
  }, [bottomRef])
  const syncColumns = useCallback(() => sync(['palette', 'inspector']), [sync])
  const syncRows = useCallback(() => sync(['bottom']), [sync])

  return (
    <Group orientation="vertical" className="panel-rows" elementRef={rows} onLayoutChange={publishBottom} onLayoutChanged={syncRows}>
      <Panel style={NO_SCROLL} id="panel.workspace" panelRef={workspace} collapsible collapsedSize={0} minSize={120} className="workspace">
        {/* Kept mounted while the bottom panel is maximised (the canvas keeps its viewport), but out of reach. */}
        <div className="panel-columns-host" inert={maximized && !collapsed.bottom}>
          <Group orientation="horizontal" className="panel-columns" onLayoutChanged={syncColumns}>
            {/* The canvas comes first in the DOM, so Tab goes toolbar → canvas → palette; CSS `order` (app.css)
                still shows the palette on the left, and the library orders panels by where they are drawn. */}
            <Panel style={NO_SCROLL} id="panel.canvas" minSize={200} className="canvas-panel">
              {canvas}
            </Panel>
            <Panel
              style={NO_SCROLL}
              id="panel.palette"
              panelRef={refs.palette}
              collapsible
              collapsedSize={0}
              defaultSize={initial.palette.collapsed ? 0 : initial.palette.size}
              minSize={PANEL_LIMITS.palette.min}
              maxSize={PANEL_LIMITS.palette.max}
              groupResizeBehavior="preserve-pixel-size"
            >
              {!collapsed.palette && palette}
            </Panel>
            <Separator className="panel-handle vertical" aria-label="Resize the palette" id="panel.handle.palette" />
            <Separator className="panel-handle vertical" aria-label="Resize the inspector" id="panel.handle.inspector" />
            <Panel
              style={NO_SCROLL}
              id="panel.inspector"
              panelRef={refs.inspector}
              collapsible
              collapsedSize={0}
              defaultSize={initial.inspector.collapsed ? 0 : initial.inspector.size}
              minSize={PANEL_LIMITS.inspector.min}
              maxSize={PANEL_LIMITS.inspector.max}
              groupResizeBehavior="preserve-pixel-size"
            >
              {!collapsed.inspector && inspector}
            </Panel>
          </Group>
        </div>
      </Panel>
      <Separator className="panel-handle horizontal" aria-label="Resize the bottom panel" id="panel.handle.bottom" />
      <Panel
              style={NO_SCROLL}
        id="panel.bottom"
        panelRef={refs.bottom}
        collapsible
        collapsedSize={0}
        defaultSize={initial.bottom.collapsed ? 0 : initial.bottom.size}
        minSize={PANEL_LIMITS.bottom.min}
        maxSize={maximized ? '100%' : PANEL_LIMITS.bottom.max}
        groupResizeBehavior="preserve-pixel-size"
      >
        {!collapsed.bottom && bottom}
      </Panel>
    </Group>
  )
})
