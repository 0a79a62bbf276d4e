/**
 * The designer's state, composed of four slices (src/store/slices): the document with its undo history and the
 * editing actions; the selection (outside history); the checks (diagnostics computed off the hot path); and the
 * shell (open tab, notices, menus, panel sizes). One store per provider, so each test gets a fresh one. Actions
 * wrap the pure ops in src/model/ops; components call actions and hold no domain logic.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DesignDocument } from '../model/types'
import { createChecksSlice, type ChecksSlice } from './slices/checksSlice'
import { createDocumentSlice, type DocumentSlice } from './slices/documentSlice'
import { createSelectionSlice, type SelectionSlice } from './slices/selectionSlice'
import { createShellSlice, type ShellSlice } from './slices/shellSlice'
import type { DesignerOptions, SliceContext } from './slices/sliceContext'

export type { DesignerOptions, PanelId, PanelState, PanelsState } from './slices/sliceContext'
export type { BottomTab, ContextMenuState, Notice, ThemeChoice } from './slices/shellSlice'
export type { EditorTarget } from './slices/selectionSlice'
export { countProblems } from './slices/checksSlice'

export type DesignerState = DocumentSlice & SelectionSlice & ChecksSlice & ShellSlice

export type DesignerStore = StoreApi<DesignerState>

export function createDesignerStore(initial: DesignDocument, options: DesignerOptions = {}): DesignerStore {
  const checkDelay = options.checkDelayMs ?? 150
  let checkTimer: ReturnType<typeof setTimeout> | undefined

  const cancelScheduledChecks = () => {
    if (checkTimer) clearTimeout(checkTimer)
    checkTimer = undefined
  }
  const scheduleChecks = () => {
    cancelScheduledChecks()
    // Never during a gesture: dragging and typing stay smooth; checks run when the gesture ends.
    if (store.getState().history.gestureBase) return
    checkTimer = setTimeout(() => void store.getState().runChecks(), checkDelay)
  }

  const store = createStore<DesignerState>()((set, get) => {
    const ctx: SliceContext = { set, get, options, scheduleChecks, cancelScheduledChecks, layoutRun: { token: 0 } }
    return {
      ...createDocumentSlice(ctx, initial),
      ...createSelectionSlice(ctx),
      ...createChecksSlice(ctx),
      ...createShellSlice(ctx),
    }
  })

  scheduleChecks()
  return store
}
