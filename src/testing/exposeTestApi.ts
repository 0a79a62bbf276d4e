/**
 * `window.__designer`: set up and inspect state from end-to-end tests without clicking. Loaded only with
 * `?testApi` in the URL.
 */
import { serializeDocument } from '../model/document/serialize'
import type { Diagnostic } from '../model/diagnostics'
import type { DesignDocument } from '../model/types'
import type { DesignerStore } from '../store/createDesignerStore'
import type { PersistenceController } from '../store/persistence'
import { activeCommandContext, COMMANDS, isEnabled, labelOf, runCommand } from '../app/commands/commandTable'

export interface DesignerTestApi {
  getDocument(): DesignDocument
  /** Replaces the document with history cleared. */
  loadDocument(doc: DesignDocument): void
  serialize(): string
  getSelection(): string[]
  select(ids: string[]): void
  undo(): void
  redo(): void
  undoDepth(): number
  redoDepth(): number
  diagnostics(): Diagnostic[]
  /** Runs the model checks now (instead of waiting for the debounce; the first run fetches the check chunk). */
  runChecks(): Promise<Diagnostic[]>
  /** Writes the autosave now. */
  flushAutosave(): Promise<void>
  /** Milliseconds one undo takes (store update + React commit measured to the next frame). */
  timeUndo(): Promise<number>
  /** The command table as the UI sees it now: id, label, shortcuts, enabled. */
  commands(): { id: string; label: string; shortcuts: string[]; enabled: boolean }[]
  /** Runs a command from the table (as a toolbar click would); false when unknown or disabled. */
  runCommand(id: string): boolean
}

declare global {
  interface Window {
    __designer?: DesignerTestApi
  }
}

export function exposeTestApi(store: DesignerStore, persistence?: PersistenceController): void {
  window.__designer = {
    getDocument: () => store.getState().doc,
    loadDocument: (doc) => store.getState().loadDocument(doc),
    serialize: () => serializeDocument(store.getState().doc),
    getSelection: () => [...store.getState().selection],
    select: (ids) => store.getState().select(ids),
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    undoDepth: () => store.getState().history.past.length,
    redoDepth: () => store.getState().history.future.length,
    diagnostics: () => [...store.getState().diagnostics],
    runChecks: async () => {
      await store.getState().runChecks()
      return [...store.getState().diagnostics]
    },
    flushAutosave: () => persistence?.flush() ?? Promise.resolve(),
    timeUndo: () =>
      new Promise((resolve) => {
        const t0 = performance.now()
        store.getState().undo()
        requestAnimationFrame(() => resolve(performance.now() - t0))
      }),
    commands: () => {
      const state = store.getState()
      return COMMANDS.map((c) => ({ id: c.id, label: labelOf(c, state), shortcuts: [...(c.shortcuts ?? [])], enabled: isEnabled(c, state) }))
    },
    runCommand: (id) => {
      const ctx = activeCommandContext()
      return ctx ? runCommand(id, ctx) : false
    },
  }
}
