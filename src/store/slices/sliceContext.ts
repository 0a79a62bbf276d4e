/** What the slices share besides the store itself: options, the check scheduler and the layout run token. */
import type { StoreApi } from 'zustand/vanilla'
import type { Diagnostic } from '../../model/diagnostics'
import type { DesignDocument, Layout } from '../../model/types'
import type { DesignerState } from '../createDesignerStore'

export interface DesignerOptions {
  /** Design checks; default `checkDesign` (model checks and mapping templates), loaded by `loadCheck`. */
  check?: (doc: DesignDocument) => Diagnostic[]
  /** Fetches the checks when `check` is not given; default: the `checkDesign` chunk. */
  loadCheck?: () => Promise<(doc: DesignDocument) => Diagnostic[]>
  /** Delay before checks run after a change (they never run during a drag or typing gesture). */
  checkDelayMs?: number
  /** Auto-layout implementation (by default src/layout's designerLayout: a grid for large designs, elkjs for small). */
  layout?: (doc: DesignDocument) => Promise<Layout>
  /** Panel sizes remembered from an earlier visit. */
  panels?: Partial<PanelsState>
}

export interface PanelState {
  /** Width (palette, inspector) or height (bottom panel) in CSS pixels. */
  size: number
  collapsed: boolean
}
export type PanelId = 'palette' | 'inspector' | 'bottom'
export type PanelsState = Record<PanelId, PanelState>

export type SetState = StoreApi<DesignerState>['setState']
export type GetState = StoreApi<DesignerState>['getState']

export interface SliceContext {
  set: SetState
  get: GetState
  options: DesignerOptions
  /** Runs the checks after the debounce (not during a gesture). */
  scheduleChecks(): void
  /** Drops a pending scheduled run (the checks are about to run now). */
  cancelScheduledChecks(): void
  /** Bumped by anything that makes a running auto-layout stale (load, replace). */
  layoutRun: { token: number }
}
