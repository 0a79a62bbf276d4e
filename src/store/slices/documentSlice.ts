/**
 * Document slice: the design document with its undo history, and the editing actions. Each action wraps a pure
 * op from `src/model/ops` (the domain rules live there) and turns a refusal into a notice.
 */
import {
  addConnected,
  addEntity,
  connect,
  copyEntities,
  deleteSelection,
  duplicateEntities,
  graphEdges,
  moveEntities,
  parseClipboard,
  pasteEntities,
  setField,
  setLayout,
  setReference,
  type ConnectFrom,
  type NewEntitySpec,
} from '../../model/ops'
import { locateEntity } from '../../model/queries'
import { templatePath } from '../../model/templates'
import { API_ENTITY_ID, type DesignDocument, type EntityId, type Position } from '../../model/types'
import { canRedo, canUndo, change, commit, createHistory, redo, undo, type Capture, type History } from '../history'
import type { SliceContext } from './sliceContext'

export interface DocumentSlice {
  history: History
  /** Same object as `history.present`; read this one. */
  doc: DesignDocument
  canUndo: boolean
  canRedo: boolean
  /** `gesture` names an `eventually` gesture (e.g. `move`, `field:api:name`); a different one ends the previous. */
  apply(update: (doc: DesignDocument) => DesignDocument, capture?: Capture, gesture?: string): void
  /** Ends the gesture in progress (drag stop, typing end, blur): one undo step. */
  commitGesture(): void
  undo(): void
  redo(): void
  /** Replaces the document with history cleared (restoring autosave, taking another tab's version). */
  loadDocument(doc: DesignDocument, fileName?: string): void
  /**
   * Replaces the document as one undoable step (new, open, import, shared link): the replaced design may
   * exist nowhere else, so undo is the way back to it.
   */
  replaceDocument(doc: DesignDocument, fileName?: string): void
  addEntity(spec: NewEntitySpec, position: Position): EntityId | undefined
  /** Adds an entity wired to `from` (a connection dropped on empty canvas): one undo step. */
  addConnected(spec: NewEntitySpec, position: Position, from: ConnectFrom): EntityId | undefined
  connect(source: EntityId, target: EntityId): boolean
  moveNodes(positions: Record<EntityId, Position>, capture: Capture): void
  setField(entityId: EntityId, path: readonly (string | number)[], value: unknown, capture?: Capture): void
  setTemplate(integrationId: EntityId, key: string, text: string): void
  /** Sets a reference drawn as an edge the way wiring does (see `setReference` in src/model/ops). One step. */
  setReference(entityId: EntityId, field: string, target: EntityId | undefined): boolean
  deleteSelection(): void
  duplicateSelection(): void
  /** The selection as clipboard text, or undefined when nothing copyable is selected. */
  copySelection(): string | undefined
  paste(text: string, at?: Position): boolean
  /** Lays the design out; resolves true when the new layout was applied (the app then refits the view). */
  autoLayout(): Promise<boolean>
}

export function createDocumentSlice(ctx: SliceContext, initial: DesignDocument): DocumentSlice {
  const { set, get, options, scheduleChecks, layoutRun } = ctx
  const withHistory = (history: History) => ({ history, doc: history.present, canUndo: canUndo(history), canRedo: canRedo(history) })

  /** Keeps the selection to ids that still exist. */
  const pruneSelection = (doc: DesignDocument, selection: readonly string[]): readonly string[] => {
    if (!selection.length) return selection
    const edges = new Set(graphEdges(doc.design).map((e) => e.id))
    const kept = selection.filter((id) => edges.has(id) || locateEntity(doc.design, id))
    return kept.length === selection.length ? selection : kept
  }

  const setHistory = (history: History) => {
    const state = get()
    if (history === state.history) return
    // Only a design change can remove selected things (a drag changes the layout alone: skip the work).
    const selection = history.present.design === state.doc.design ? state.selection : pruneSelection(history.present, state.selection)
    set({ ...withHistory(history), selection })
    scheduleChecks()
  }

  return {
    ...withHistory(createHistory(initial)),
    apply(update, capture = 'record', gesture) {
      const { history } = get()
      setHistory(change(history, update(history.present), capture, gesture))
    },
    commitGesture() {
      setHistory(commit(get().history))
    },
    undo() {
      setHistory(undo(get().history))
    },
    redo() {
      setHistory(redo(get().history))
    },
    loadDocument(doc, fileName) {
      layoutRun.token++
      set({ ...withHistory(createHistory(doc)), selection: [], editorTarget: {}, ...(fileName ? { fileName } : {}) })
      scheduleChecks()
    },
    replaceDocument(doc, fileName) {
      layoutRun.token++
      set({ selection: [], editorTarget: {}, ...(fileName ? { fileName } : {}) })
      get().apply(() => doc, 'record')
    },
    addEntity(spec, position) {
      const result = addEntity(get().doc, spec, position)
      if (!result.ok) {
        get().notify('error', result.reason)
        if (spec.kind === 'api') get().select([API_ENTITY_ID])
        return undefined
      }
      get().apply(() => result.value.doc)
      get().select([result.value.id])
      return result.value.id
    },
    addConnected(spec, position, from) {
      const result = addConnected(get().doc, spec, position, from)
      if (!result.ok) {
        get().notify('error', result.reason)
        return undefined
      }
      get().apply(() => result.value.doc)
      get().select([result.value.id])
      return result.value.id
    },
    connect(source, target) {
      const result = connect(get().doc, source, target)
      if (!result.ok) {
        get().notify('error', result.reason)
        return false
      }
      get().apply(() => result.value)
      return true
    },
    moveNodes(positions, capture) {
      get().apply((doc) => moveEntities(doc, positions), capture, 'move')
    },
    setField(entityId, path, value, capture = 'record') {
      get().apply((doc) => setField(doc, entityId, path, value), capture, `field:${entityId}:${path.join('.')}`)
    },
    setTemplate(integrationId, key, text) {
      if (locateEntity(get().doc.design, integrationId)?.kind !== 'integration') return
      get().setField(integrationId, templatePath(key), text, 'eventually')
    },
    setReference(entityId, field, target) {
      const r = setReference(get().doc, entityId, field, target)
      if (!r.ok) {
        get().notify('error', r.reason)
        return false
      }
      get().apply(() => r.value)
      return true
    },
    deleteSelection() {
      const { doc, selection } = get()
      if (!selection.length) return
      const r = deleteSelection(doc, selection)
      if (!r.ok) {
        get().notify('error', r.reason)
        return
      }
      get().apply(() => r.value)
    },
    duplicateSelection() {
      const { doc, selection } = get()
      const { doc: next, ids } = duplicateEntities(doc, selection)
      if (!ids.length) {
        get().notify('info', 'Select one or more entities to duplicate (the API itself cannot be duplicated).')
        return
      }
      get().apply(() => next)
      get().select(ids)
    },
    copySelection() {
      const { doc, selection } = get()
      const payload = copyEntities(doc, selection)
      return payload ? JSON.stringify(payload) : undefined
    },
    paste(text, at) {
      const parsed = parseClipboard(text)
      if (!parsed.ok) {
        get().notify('error', parsed.reason)
        return false
      }
      const { doc, ids } = pasteEntities(get().doc, parsed.value, at ? { at } : { offset: { x: 40, y: 40 } })
      get().apply(() => doc)
      get().select(ids)
      return true
    },
    async autoLayout() {
      const state = get()
      if (state.layoutBusy) return false
      const token = ++layoutRun.token
      const started = state.doc
      set({ layoutBusy: true })
      try {
        const layoutFn = options.layout ?? (async (doc: DesignDocument) => (await import('../../layout/designerLayout')).designerLayout(doc.design, doc.layout))
        const layout = await layoutFn(started)
        if (token !== layoutRun.token) return false
        if (get().doc.design !== started.design) {
          get().notify('info', 'Auto-layout was discarded because the design changed while it ran; run it again.')
          return false
        }
        // Positions of entities the design no longer has are dropped by the layout; keep nothing stale.
        get().apply((doc) => setLayout(doc, layout), 'record')
        return true
      } catch (e) {
        get().notify('error', `Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`)
        return false
      } finally {
        set({ layoutBusy: false })
      }
    },
  }
}
