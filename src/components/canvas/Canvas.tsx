/**
 * The canvas: React Flow showing the document. Gestures become store actions: while a node is dragged its
 * position lives here (so each mouse move re-renders only the canvas, not every store subscriber) and the
 * drop writes it to the document as one undo step; connections are checked with `canConnect` while dragging (the
 * reason is shown next to the pointer), and one dropped on empty canvas opens the add menu with what may connect
 * there; palette items dropped here are added where they land.
 */
import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import './canvas.css'
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react'
import { runCommand } from '../../app/commands/commandTable'
import { useCommandContext } from '../../app/commands/CommandsProvider'
import { canConnect } from '../../model/ops'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'
import { connectablePaletteItems, findPaletteItem, PALETTE_MIME } from '../palette/paletteItems'
import { nodeTypes, type CanvasFlowNode } from './EntityNode'
import { GROUP_NODE_PREFIX } from './groups'
import { CanvasGroupsProvider, GroupsMenu } from './GroupsMenu'
import { CanvasSearch } from './CanvasSearch'
import { ContextMenu, type ContextMenuState } from './ContextMenu'
import { fitReadable } from './fitReadable'
import { createProjector, type FlowEdge, type Measured } from './toFlow'
import { MAX_FIT_ZOOM } from './viewport'

export interface CanvasProps {
  colorMode: 'light' | 'dark'
  /** Files dropped on the canvas (designs or CloudFormation templates). */
  onDropFiles: (files: File[]) => void
  /** Reports the flow position under the pointer (paste goes there). */
  onPointerFlowPosition?: (p: { x: number; y: number }) => void
}

const MINIMAP_COLORS: Record<string, string> = {
  api: '#8250df',
  stage: '#6e7781',
  route: '#0969da',
  integration: '#1a7f37',
  authorizer: '#bf3989',
  resource: '#bc4c00',
  domain: '#6e7781',
  model: '#6e7781',
  message: '#6e7781',
}

/** Module scope: a new function or array on every render would re-render every minimap node / re-bind keys. */
const minimapNodeColor = (n: { type?: string }) => MINIMAP_COLORS[n.type ?? ''] ?? '#888'
const multiSelectionKeys = ['Meta', 'Control', 'Shift']
const proOptions = { hideAttribution: true }
/** Past 2× a node fills the screen; below 0.1 nothing can be told apart. Fit view stays within viewport.ts's range. */
const MIN_ZOOM = 0.1
const MAX_ZOOM = Math.max(2, MAX_FIT_ZOOM)
const MINIMAP_KEY = 'socket-studio.minimap'
const zoomSelector = (s: { transform: [number, number, number] }) => s.transform[2]
const snapGrid: [number, number] = [8, 8]

export function Canvas({ colorMode, onDropFiles, onPointerFlowPosition }: CanvasProps) {
  const store = useDesignerStoreApi()
  const doc = useDesigner((s) => s.doc)
  const selection = useDesigner((s) => s.selection)
  const flow = useReactFlow()
  const projector = useMemo(() => createProjector(), [])
  const measured = useRef(new Map<string, Measured>())
  const [measureTick, bumpMeasure] = useReducer((x: number) => x + 1, 0)
  const [hint, setHint] = useState<{ ok: boolean; text: string } | null>(null)
  // Positions of the nodes being dragged, until the drop writes them to the document.
  // Maps, not objects: ids are user text and `constructor` is a valid one.
  const [dragPositions, setDragPositions] = useState<ReadonlyMap<string, { x: number; y: number }> | null>(null)
  const dragRef = useRef<Map<string, { x: number; y: number }> | null>(null)
  const commands = useCommandContext()
  const zoom = useStore(zoomSelector)
  const [minimap, setMinimap] = useState(() => readMinimapChoice())
  useEffect(() => {
    try {
      localStorage.setItem(MINIMAP_KEY, minimap ? 'shown' : 'hidden')
    } catch {
      /* storage disabled: the choice is simply not remembered */
    }
  }, [minimap])

  // Collapsed node groups: a view choice of this canvas, never written to the document.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const groups = useMemo(
    () => ({
      collapsed,
      toggle: (key: string) =>
        setCollapsed((c) => {
          const next = new Set(c)
          if (!next.delete(key)) next.add(key)
          return next
        }),
      expand: (key: string) => setCollapsed((c) => new Set([...c].filter((k) => k !== key))),
    }),
    [collapsed],
  )

  const selectionSet = useMemo(() => new Set(selection), [selection])
  const nodes = useMemo(
    () => projector.nodes(doc, selectionSet, measured.current, dragPositions, collapsed),
    // measureTick: sizes live in a ref; the tick says they changed.
    [doc, selectionSet, measureTick, projector, dragPositions, collapsed],
  )
  const edges = useMemo(() => projector.edges(doc.design, selectionSet, collapsed), [doc.design, selectionSet, projector, collapsed])

  const applySelection = useCallback(
    (changes: { id: string; selected: boolean }[]) => {
      if (!changes.length) return
      const next = new Set(store.getState().selection)
      for (const c of changes) {
        if (c.selected) next.add(c.id)
        else next.delete(c.id)
      }
      store.getState().select([...next])
    },
    [store],
  )

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasFlowNode>[]) => {
      const positions = new Map<string, { x: number; y: number }>()
      let moved = false
      let dragMoved = false
      let ended = false
      let sized = false
      const selects: { id: string; selected: boolean }[] = []
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.dragging) {
            if (c.position) {
              // A new Map per move: the projection compares drag positions by identity.
              dragRef.current = new Map(dragRef.current ?? []).set(c.id, c.position)
              dragMoved = true
            }
          } else if (c.dragging === false) {
            if (c.position) dragRef.current = new Map(dragRef.current ?? []).set(c.id, c.position)
            ended = true
          } else if (c.position) {
            // Moves without a drag (arrow keys): one step each.
            positions.set(c.id, c.position)
            moved = true
          }
        } else if (c.type === 'dimensions' && c.dimensions) {
          const prev = measured.current.get(c.id)
          if (!prev || prev.width !== c.dimensions.width || prev.height !== c.dimensions.height) {
            measured.current.set(c.id, { width: c.dimensions.width, height: c.dimensions.height })
            sized = true
          }
        } else if (c.type === 'select' && !c.id.startsWith(GROUP_NODE_PREFIX)) selects.push({ id: c.id, selected: c.selected })
      }
      const state = store.getState()
      if (moved) state.moveNodes(Object.fromEntries(positions), 'record')
      if (ended) {
        const dropped = dragRef.current
        dragRef.current = null
        if (dropped) state.moveNodes(Object.fromEntries(dropped), 'record')
        setDragPositions(null)
      } else if (dragMoved) setDragPositions(dragRef.current)
      if (sized) bumpMeasure()
      applySelection(selects)
    },
    [store, applySelection],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      applySelection(changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [])))
    },
    [applySelection],
  )

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback(
    (c) => {
      const result = canConnect(store.getState().doc, c.source, c.target)
      setHint(result.ok ? { ok: true, text: 'Release to connect' } : { ok: false, text: result.reason })
      return result.ok
    },
    [store],
  )

  const onConnect = useCallback(
    (c: Connection) => {
      setHint(null)
      store.getState().connect(c.source, c.target)
    },
    [store],
  )

  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      setHint(null)
      if (state.isValid || !state.fromNode) return
      // Dropped on a node or handle that was refused: keep the reason on screen.
      if (state.toNode) {
        if (state.toNode.id === state.fromNode.id) return
        const result = canConnect(store.getState().doc, state.fromNode.id, state.toNode.id)
        if (!result.ok) store.getState().notify('error', `Connection refused: ${result.reason}`)
        return
      }
      // Dropped on empty canvas: offer what may connect to this end there (the add menu), and wire the pick.
      const point = 'changedTouches' in e ? e.changedTouches[0] : e
      if (!point || !overEmptyCanvas(point.clientX, point.clientY)) return
      const connectFrom = { id: state.fromNode.id, end: state.fromHandle?.type === 'target' ? ('target' as const) : ('source' as const) }
      const offer = connectablePaletteItems(store.getState().doc, connectFrom)
      if (!offer.ok) {
        store.getState().notify('error', `Nothing can be connected there: ${offer.reason}`)
        return
      }
      runCommand('edit.add', { ...commands, at: flow.screenToFlowPosition({ x: point.clientX, y: point.clientY }), connectFrom })
    },
    [store, flow, commands],
  )

  const onConnectStart = useCallback(() => setHint(null), [])

  const onDragOver = useCallback((e: DragEvent) => {
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
  }, [])

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault()
      if (e.dataTransfer.files.length) {
        e.stopPropagation()
        onDropFiles([...e.dataTransfer.files])
        return
      }
      const item = findPaletteItem(e.dataTransfer.getData(PALETTE_MIME))
      if (!item) return
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
      store.getState().addEntity(item.spec, { x: p.x - 120, y: p.y - 38 })
    },
    [flow, store, onDropFiles],
  )

  const onPaneMouseMove = useCallback(
    (e: React.MouseEvent) => onPointerFlowPosition?.(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })),
    [flow, onPointerFlowPosition],
  )

  const onPaneClick = useCallback(() => store.getState().select([]), [store])

  // Right-click: the command table's node, edge or canvas menu; what was clicked becomes the selection.
  const [menu, setMenu] = useState<ContextMenuState | null>(null)
  const openMenu = useCallback(
    (e: ReactMouseEvent | MouseEvent, place: ContextMenuState['place'], id?: string) => {
      e.preventDefault()
      if (id && !id.startsWith(GROUP_NODE_PREFIX) && !store.getState().selection.includes(id)) store.getState().select([id])
      const rect = (e.currentTarget as Element | null)?.closest?.('.canvas')?.getBoundingClientRect() ?? document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect()
      setMenu({ place, left: e.clientX - rect.left, top: e.clientY - rect.top, at: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) })
    },
    [flow, store],
  )
  const onNodeContextMenu = useCallback((e: ReactMouseEvent, node: CanvasFlowNode) => openMenu(e, 'node-menu', node.id), [openMenu])
  const onEdgeContextMenu = useCallback((e: ReactMouseEvent, edge: FlowEdge) => openMenu(e, 'edge-menu', edge.id), [openMenu])
  const onPaneContextMenu = useCallback((e: ReactMouseEvent | MouseEvent) => openMenu(e, 'canvas-menu'), [openMenu])

  // First sight: the readable fit (names ≥ 12 px on screen), not React Flow's fit-everything.
  const onInit = useCallback(() => fitReadable(flow, store.getState().doc.layout), [flow, store])

  /** A click on the minimap centres the canvas there (dragging it pans, the wheel zooms). */
  const onMinimapClick = useCallback(
    (_e: ReactMouseEvent, at: { x: number; y: number }) => void flow.setCenter(at.x, at.y, { zoom: flow.getZoom(), duration: 200 }),
    [flow],
  )

  return (
    <CanvasGroupsProvider value={groups}>
    <div className="canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasFlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Strict}
        onPaneClick={onPaneClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onPaneMouseMove={onPaneMouseMove}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectionKeys}
        colorMode={colorMode}
        proOptions={proOptions}
        snapToGrid
        snapGrid={snapGrid}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        onlyRenderVisibleElements
        onInit={onInit}
      >
        <Background gap={24} />
        {minimap && (
          <MiniMap pannable zoomable nodeColor={minimapNodeColor} onClick={onMinimapClick} style={MINIMAP_STYLE} ariaLabel="Minimap: click to go there" />
        )}
        <Controls data-testid="canvas.controls" showFitView={false} showInteractive={false}>
          <ControlButton onClick={() => runCommand('view.fit-view', commands)} title="Fit view (readable zoom)" aria-label="Fit view" data-testid="canvas.fit">
            ⤢
          </ControlButton>
        </Controls>
        <Panel position="top-left" className="canvas-top-left">
          <CanvasSearch />
          <GroupsMenu />
        </Panel>
        <Panel position="bottom-right" className="canvas-view-controls">
          <button
            type="button"
            className="canvas-zoom"
            title="Zoom level: click to reset to 100 %"
            aria-label={`Zoom ${Math.round(zoom * 100)} %: reset to 100 %`}
            data-testid="canvas.zoom"
            onClick={() => runCommand('view.zoom-reset', commands)}
          >
            {Math.round(zoom * 100)} %
          </button>
          <button
            type="button"
            className="canvas-minimap-toggle"
            aria-pressed={minimap}
            title={minimap ? 'Hide the minimap' : 'Show the minimap'}
            data-testid="canvas.minimap-toggle"
            onClick={() => setMinimap((m) => !m)}
          >
            Minimap
          </button>
        </Panel>
      </ReactFlow>
      {menu && <ContextMenu menu={menu} context={commands} onClose={() => setMenu(null)} />}
      {hint && (
        <div className={`connection-hint ${hint.ok ? 'ok' : 'refused'}`} role="status" data-testid="canvas.connection-hint">
          {hint.text}
        </div>
      )}
    </div>
    </CanvasGroupsProvider>
  )
}

/** The minimap is small (it used to cover a corner of the canvas at 200×150) and sits above the zoom readout. */
const MINIMAP_STYLE = { width: 150, height: 100, marginBottom: 44 }

/** Whether a window point is on the canvas' pane: not on a node, nor on a panel (controls, minimap, search). */
function overEmptyCanvas(x: number, y: number): boolean {
  const el = document.elementFromPoint(x, y)
  return !!el?.closest('.react-flow') && !el.closest('.react-flow__node, .react-flow__panel, .react-flow__edge')
}

function readMinimapChoice(): boolean {
  try {
    return localStorage.getItem(MINIMAP_KEY) !== 'hidden'
  } catch {
    return true
  }
}
