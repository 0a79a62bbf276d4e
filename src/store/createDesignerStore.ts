/**
 * The designer's state: the document with its undo history, the selection (outside history), diagnostics
 * (computed off the hot path), and UI state such as the open bottom tab. One store per provider, so each test
 * gets a fresh one. Actions wrap the pure ops in src/model/ops; components call actions and hold no domain logic.
 */

import { createStore, type StoreApi } from 'zustand/vanilla'
import { checkDesign } from '../vtl/checkDesign'
import type { Diagnostic } from '../model/diagnostics'
import { splitFieldPath } from '../model/fieldPath'
import {
  addEntity,
  connect,
  copyEntities,
  deleteEntities,
  disconnect,
  duplicateEntities,
  graphEdges,
  moveEntities,
  parseClipboard,
  pasteEntities,
  setField,
  setLayout,
  type EdgeKind,
  type NewEntitySpec,
} from '../model/ops'
import { locateEntity } from '../model/queries'
import { API_ENTITY_ID, type DesignDocument, type EntityId, type Layout, type Position } from '../model/types'
import type { PersistenceStatus } from './persistence'
import { canRedo, canUndo, change, commit, createHistory, redo, undo, type Capture, type History } from './history'

export type BottomTab = 'editor' | 'tester' | 'problems' | 'export' | 'live'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface Notice {
  id: number
  kind: 'error' | 'info' | 'success'
  message: string
}

export interface DesignerOptions {
  /** Design checks; default `checkDesign` (model checks and mapping templates). */
  check?: (doc: DesignDocument) => Diagnostic[]
  /** Delay before checks run after a change (they never run during a drag or typing gesture). */
  checkDelayMs?: number
  /** Auto-layout implementation (lazy-loaded elkjs by default). */
  layout?: (doc: DesignDocument) => Promise<Layout>
}

export interface DesignerState {
  history: History
  /** Same object as `history.present`; read this one. */
  doc: DesignDocument
  canUndo: boolean
  canRedo: boolean
  /** Selected entity ids and edge ids. Not part of history. */
  selection: readonly string[]
  diagnostics: readonly Diagnostic[]
  /** Counts per entity for badges. */
  problemCounts: Readonly<Record<EntityId, { errors: number; warnings: number }>>
  /** The document the diagnostics were computed for. */
  checkedDoc: DesignDocument | null
  bottomTab: BottomTab
  /** The integration and template key open in the template editor. */
  editorTarget: { integrationId?: EntityId; templateKey?: string }
  /** Entity (and field) whose inspector field should be revealed, e.g. after clicking a problem. */
  focusField: { entity: EntityId; field?: string; nonce: number } | null
  notices: readonly Notice[]
  layoutBusy: boolean
  fileName: string
  theme: ThemeChoice
  addMenu: { open: boolean; at?: Position }
  importDialog: { open: boolean; file?: File }

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
  persistence: PersistenceStatus
  setPersistence(status: PersistenceStatus): void
  select(ids: readonly string[]): void
  addEntity(spec: NewEntitySpec, position: Position): EntityId | undefined
  connect(source: EntityId, target: EntityId): boolean
  moveNodes(positions: Record<EntityId, Position>, capture: Capture): void
  setField(entityId: EntityId, path: readonly (string | number)[], value: unknown, capture?: Capture): void
  setTemplate(integrationId: EntityId, key: string, text: string): void
  /**
   * Sets a reference that the canvas draws as an edge (a route's integration or authorizer, an integration's
   * target, an authorizer's function) the way wiring does: checked by `canConnect`, presets applied, one step.
   * This is the keyboard alternative to dragging a connection.
   */
  setReference(entityId: EntityId, field: string, target: EntityId | undefined): boolean
  deleteSelection(): void
  duplicateSelection(): void
  /** The selection as clipboard text, or undefined when nothing copyable is selected. */
  copySelection(): string | undefined
  paste(text: string, at?: Position): boolean
  autoLayout(): Promise<void>
  runChecks(): void
  notify(kind: Notice['kind'], message: string): void
  dismissNotice(id: number): void
  openBottomTab(tab: BottomTab): void
  openTemplate(integrationId: EntityId, templateKey?: string): void
  focusDiagnostic(d: Diagnostic): void
  setTheme(theme: ThemeChoice): void
  setFileName(name: string): void
  openAddMenu(at?: Position): void
  closeAddMenu(): void
  openImport(file?: File): void
  closeImport(): void
}

export type DesignerStore = StoreApi<DesignerState>

/**
 * Where a template editor key points inside an integration: a request template's content type
 * (`application/json`), or a field path `requestTemplates.<type>` / `responses.<key>.templates.<type>`.
 */
export function templatePath(key: string): string[] {
  if (/^(requestTemplates|responses)[.[]/.test(key)) {
    const segments = splitFieldPath(key)
    if (segments.length === 2 && segments[0] === 'requestTemplates') return segments
    if (segments.length === 4 && segments[0] === 'responses' && segments[2] === 'templates') return segments
  }
  return ['requestTemplates', key]
}

/** Fields that the canvas draws as edges, by entity kind, with the edge they stand for. */
export const REFERENCE_FIELDS: Partial<Record<string, Record<string, EdgeKind>>> = {
  route: { integration: 'integration', authorizer: 'authorizer' },
  integration: { target: 'target' },
  authorizer: { function: 'authorizerFunction' },
}

function referenceEdgeKind(doc: DesignDocument, entityId: EntityId, field: string): EdgeKind | undefined {
  const kind = locateEntity(doc.design, entityId)?.kind
  return kind ? REFERENCE_FIELDS[kind]?.[field] : undefined
}

function countProblems(diagnostics: readonly Diagnostic[]): Record<EntityId, { errors: number; warnings: number }> {
  const counts: Record<EntityId, { errors: number; warnings: number }> = {}
  for (const d of diagnostics) {
    if (!d.entity || d.severity === 'info') continue
    const c = (counts[d.entity] ??= { errors: 0, warnings: 0 })
    if (d.severity === 'error') c.errors++
    else c.warnings++
  }
  return counts
}

let noticeId = 0

export function createDesignerStore(initial: DesignDocument, options: DesignerOptions = {}): DesignerStore {
  const check = options.check ?? checkDesign
  const checkDelay = options.checkDelayMs ?? 150
  let checkTimer: ReturnType<typeof setTimeout> | undefined
  let layoutToken = 0

  const store = createStore<DesignerState>()((set, get) => {
    const withHistory = (history: History): Partial<DesignerState> => ({
      history,
      doc: history.present,
      canUndo: canUndo(history),
      canRedo: canRedo(history),
    })

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

    const editorTargetFor = (doc: DesignDocument, selection: readonly string[], current: DesignerState['editorTarget']) => {
      if (selection.length !== 1) return current
      const id = selection[0]
      if (doc.design.integrations[id]) return current.integrationId === id ? current : { integrationId: id }
      const route = doc.design.routes[id]
      if (route?.integration && doc.design.integrations[route.integration])
        return current.integrationId === route.integration ? current : { integrationId: route.integration }
      return current
    }

    return {
      history: createHistory(initial),
      doc: initial,
      canUndo: false,
      canRedo: false,
      selection: [],
      diagnostics: [],
      problemCounts: {},
      checkedDoc: null,
      bottomTab: 'editor',
      editorTarget: {},
      focusField: null,
      notices: [],
      layoutBusy: false,
      fileName: 'design.yaml',
      theme: 'system',
      addMenu: { open: false },
      importDialog: { open: false },
      persistence: { status: 'idle' },

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
        layoutToken++
        set({ ...withHistory(createHistory(doc)), selection: [], editorTarget: {}, ...(fileName ? { fileName } : {}) })
        scheduleChecks()
      },
      replaceDocument(doc, fileName) {
        layoutToken++
        set({ selection: [], editorTarget: {}, ...(fileName ? { fileName } : {}) })
        get().apply(() => doc, 'record')
      },
      setPersistence(status) {
        set({ persistence: status })
      },
      select(ids) {
        const state = get()
        const same = ids.length === state.selection.length && ids.every((id, i) => id === state.selection[i])
        if (same) return
        set({ selection: [...ids], editorTarget: editorTargetFor(state.doc, ids, state.editorTarget) })
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
        const integration = get().doc.design.integrations[integrationId]
        if (!integration) return
        get().setField(integrationId, templatePath(key), text, 'eventually')
      },
      setReference(entityId, field, target) {
        const { doc } = get()
        const edgeKind = referenceEdgeKind(doc, entityId, field)
        if (!edgeKind) return false
        const incoming = edgeKind === 'authorizer'
        const current = graphEdges(doc.design).find((e) => e.kind === edgeKind && (incoming ? e.target === entityId : e.source === entityId))
        if (current && (incoming ? current.source : current.target) === target) return true
        let next = doc
        if (current) {
          const r = disconnect(next, current)
          if (r.ok) next = r.value
        } else if (!target) {
          // A dangling reference (nothing drawn): just clear the field.
          next = setField(next, entityId, [field], undefined)
        }
        if (target) {
          const r = incoming ? connect(next, target, entityId) : connect(next, entityId, target)
          if (!r.ok) {
            get().notify('error', r.reason)
            return false
          }
          next = r.value
        }
        get().apply(() => next)
        return true
      },
      deleteSelection() {
        const { doc, selection } = get()
        if (!selection.length) return
        const edges = graphEdges(doc.design).filter((e) => selection.includes(e.id))
        const entityIds = selection.filter((id) => locateEntity(doc.design, id))
        if (entityIds.includes(API_ENTITY_ID) && entityIds.length === 1 && !edges.length) {
          get().notify('error', 'The API cannot be deleted: a design always has exactly one.')
          return
        }
        let next = doc
        const refused: string[] = []
        for (const e of edges) {
          const r = disconnect(next, e)
          if (r.ok) next = r.value
          else refused.push(r.reason)
        }
        next = deleteEntities(next, entityIds)
        if (refused.length && next === doc) get().notify('error', refused[0])
        get().apply(() => next)
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
        if (state.layoutBusy) return
        const token = ++layoutToken
        const started = state.doc
        set({ layoutBusy: true })
        try {
          const layoutFn = options.layout ?? (async (doc: DesignDocument) => (await import('../layout/autoLayout')).autoLayout(doc.design, doc.layout))
          const layout = await layoutFn(started)
          if (token !== layoutToken) return
          if (get().doc.design !== started.design) {
            get().notify('info', 'Auto-layout was discarded because the design changed while it ran; run it again.')
            return
          }
          // Positions of entities the design no longer has are dropped by the layout; keep nothing stale.
          get().apply((doc) => setLayout(doc, layout), 'record')
        } catch (e) {
          get().notify('error', `Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`)
        } finally {
          set({ layoutBusy: false })
        }
      },
      runChecks() {
        if (checkTimer) clearTimeout(checkTimer)
        checkTimer = undefined
        const { doc, checkedDoc } = get()
        if (checkedDoc === doc) return
        let diagnostics: Diagnostic[]
        try {
          diagnostics = check(doc)
        } catch (e) {
          diagnostics = [{ code: 'APP001', severity: 'error', message: `The model checks failed to run: ${e instanceof Error ? e.message : String(e)}` }]
        }
        set({ diagnostics, problemCounts: countProblems(diagnostics), checkedDoc: doc })
      },
      notify(kind, message) {
        const notice = { id: ++noticeId, kind, message }
        set({ notices: [...get().notices.filter((n) => n.message !== message), notice].slice(-4) })
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) })
      },
      openBottomTab(tab) {
        set({ bottomTab: tab })
      },
      openTemplate(integrationId, templateKey) {
        set({ editorTarget: { integrationId, templateKey }, bottomTab: 'editor' })
      },
      focusDiagnostic(d) {
        const { doc } = get()
        if (!d.entity || !locateEntity(doc.design, d.entity)) return
        get().select([d.entity])
        if (d.field && doc.design.integrations[d.entity] && /^(requestTemplates|responses)[.[]/.test(d.field)) get().openTemplate(d.entity, d.field)
        set({ focusField: { entity: d.entity, field: d.field, nonce: Date.now() } })
      },
      setTheme(theme) {
        set({ theme })
      },
      setFileName(name) {
        set({ fileName: name })
      },
      openAddMenu(at) {
        set({ addMenu: { open: true, at } })
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
    }
  })

  function scheduleChecks() {
    if (checkTimer) clearTimeout(checkTimer)
    // Never during a gesture: dragging and typing stay smooth; checks run when the gesture ends.
    if (store.getState().history.gestureBase) {
      checkTimer = undefined
      return
    }
    checkTimer = setTimeout(() => store.getState().runChecks(), checkDelay)
  }

  scheduleChecks()
  return store
}
