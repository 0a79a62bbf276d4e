/**
 * Shell slice: UI state that is not the design — the open bottom tab, notices, file name, theme, open menus and
 * dialogs, panel sizes and the autosave status.
 */
import type { ConnectFrom } from '../../model/ops'
import type { Position } from '../../model/types'
import type { PersistenceStatus } from '../persistence'
import type { PanelId, PanelsState, PanelState, SliceContext } from './sliceContext'

export type BottomTab = 'editor' | 'tester' | 'problems' | 'export' | 'live'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface Notice {
  id: number
  kind: 'error' | 'info' | 'success'
  message: string
}

/** What a right-click landed on. `at` is in flow coordinates (where "Add here" puts things). */
export interface ContextMenuState {
  x: number
  y: number
  target: { kind: 'node' | 'edge'; id: string } | { kind: 'canvas' }
  at?: Position
}

export const DEFAULT_PANELS: PanelsState = {
  palette: { size: 220, collapsed: false },
  inspector: { size: 340, collapsed: false },
  bottom: { size: 300, collapsed: false },
}
/** Limits for a dragged panel edge (CSS px). The app further caps them to the window. */
export const PANEL_LIMITS: Record<PanelId, { min: number; max: number }> = {
  palette: { min: 160, max: 480 },
  inspector: { min: 240, max: 720 },
  bottom: { min: 120, max: 1200 },
}

export interface ShellSlice {
  bottomTab: BottomTab
  notices: readonly Notice[]
  layoutBusy: boolean
  fileName: string
  theme: ThemeChoice
  /** `connectFrom`: opened by a connection dropped on empty canvas; what is picked is wired to that end. */
  addMenu: { open: boolean; at?: Position; connectFrom?: ConnectFrom }
  importDialog: { open: boolean; file?: File }
  contextMenu: ContextMenuState | null
  /** The `?` overlay listing every command and its shortcut. */
  shortcutsOpen: boolean
  panels: PanelsState
  /** The bottom panel fills the window's height for a while (the workspace above keeps its split). */
  bottomMaximized: boolean
  persistence: PersistenceStatus
  setPersistence(status: PersistenceStatus): void
  notify(kind: Notice['kind'], message: string): void
  dismissNotice(id: number): void
  openBottomTab(tab: BottomTab): void
  setTheme(theme: ThemeChoice): void
  setFileName(name: string): void
  openAddMenu(at?: Position, connectFrom?: ConnectFrom): void
  closeAddMenu(): void
  openImport(file?: File): void
  closeImport(): void
  openContextMenu(menu: ContextMenuState): void
  closeContextMenu(): void
  setShortcutsOpen(open: boolean): void
  setPanel(id: PanelId, change: Partial<PanelState>): void
  setBottomMaximized(maximized: boolean): void
}

let noticeId = 0

function clampPanel(id: PanelId, p: PanelState): PanelState {
  const { min, max } = PANEL_LIMITS[id]
  const size = Number.isFinite(p.size) ? Math.round(Math.min(max, Math.max(min, p.size))) : DEFAULT_PANELS[id].size
  return { size, collapsed: !!p.collapsed }
}

export function panelsFrom(saved: Partial<PanelsState> | undefined): PanelsState {
  const out = { ...DEFAULT_PANELS }
  for (const id of Object.keys(DEFAULT_PANELS) as PanelId[]) {
    const s = saved?.[id]
    if (s && typeof s === 'object') out[id] = clampPanel(id, { ...DEFAULT_PANELS[id], ...s })
  }
  return out
}

export function createShellSlice({ set, get, options }: SliceContext): ShellSlice {
  return {
    bottomTab: 'editor',
    notices: [],
    layoutBusy: false,
    fileName: 'design.yaml',
    theme: 'system',
    addMenu: { open: false },
    importDialog: { open: false },
    contextMenu: null,
    shortcutsOpen: false,
    panels: panelsFrom(options.panels),
    bottomMaximized: false,
    persistence: { status: 'idle' },
    setPersistence(status) {
      set({ persistence: status })
    },
    notify(kind, message) {
      const notice = { id: ++noticeId, kind, message }
      set({ notices: [...get().notices.filter((n) => n.message !== message), notice].slice(-4) })
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) })
    },
    openBottomTab(tab) {
      const { panels } = get()
      // Asking for a tab shows the panel if it was collapsed.
      set({ bottomTab: tab, ...(panels.bottom.collapsed ? { panels: { ...panels, bottom: { ...panels.bottom, collapsed: false } } } : {}) })
    },
    setTheme(theme) {
      set({ theme })
    },
    setFileName(name) {
      set({ fileName: name })
    },
    openAddMenu(at, connectFrom) {
      set({ addMenu: { open: true, at, connectFrom }, contextMenu: null })
    },
    closeAddMenu() {
      set({ addMenu: { open: false } })
    },
    openImport(file) {
      set({ importDialog: { open: true, file } })
    },
    closeImport() {
      set({ importDialog: { open: false } })
    },
    openContextMenu(menu) {
      set({ contextMenu: menu })
    },
    closeContextMenu() {
      if (get().contextMenu) set({ contextMenu: null })
    },
    setShortcutsOpen(open) {
      set({ shortcutsOpen: open })
    },
    setPanel(id, change) {
      const panels = get().panels
      set({ panels: { ...panels, [id]: clampPanel(id, { ...panels[id], ...change }) } })
    },
    setBottomMaximized(maximized) {
      const { panels } = get()
      // Maximising a hidden panel shows it first.
      set({ bottomMaximized: maximized, ...(maximized && panels.bottom.collapsed ? { panels: { ...panels, bottom: { ...panels.bottom, collapsed: false } } } : {}) })
    },
  }
}
