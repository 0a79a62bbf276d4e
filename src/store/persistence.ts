/**
 * Autosave: the current design is written to IndexedDB shortly after every change (never in the middle of a
 * drag or typing burst) and restored on reload.
 *
 * Two tabs on the same design: every save carries a revision number and is a compare-and-set (the write
 * succeeds only if the stored revision is still the one this tab last loaded or wrote). Tabs also tell each
 * other about saves over a BroadcastChannel, so the other tab learns at once. Either way the tab that is
 * behind stops autosaving and asks the person: load the other tab's version, or keep this one (overwrite).
 * Nothing is overwritten silently.
 *
 * The file parser and printer (js-yaml) are imported on the first restore or save, so a first visit on the seed
 * does not load them before its first paint (issue 12, initial JS budget).
 */

import type { ParseResult } from '../model/document/parse'
import type * as DocumentPrinter from '../model/document/serialize'
import type { DesignDocument } from '../model/types'
import type { DesignerStore } from './createDesignerStore'

export interface StoredDesign {
  /** The document as JSON text in the file format (so restoring reuses the file parser and its checks). */
  text: string
  revision: number
  tabId: string
  fileName: string
  savedAt: number
}

export interface DesignStorage {
  read(): Promise<StoredDesign | undefined>
  /** Writes `record` only if the stored revision equals `expectedRevision` (0 = nothing stored yet). */
  write(record: StoredDesign, expectedRevision: number): Promise<'ok' | { conflict: StoredDesign }>
}

export interface SaveMessage {
  type: 'saved'
  tabId: string
  revision: number
}

export interface Channel {
  post(message: SaveMessage): void
  onMessage(listener: (message: SaveMessage) => void): () => void
}

export type PersistenceStatus =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; savedAt: number }
  | { status: 'error'; message: string }
  | { status: 'conflict'; message: string }

// ------------------------------------------------------------------------------------------- IndexedDB

const DB_NAME = 'socket-studio'
const STORE = 'autosave'
const KEY = 'current'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

export function indexedDbStorage(factory: IDBFactory = indexedDB): DesignStorage {
  let dbPromise: Promise<IDBDatabase> | undefined
  const open = () =>
    (dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1)
      req.onupgradeneeded = () => req.result.createObjectStore(STORE)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'))
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
    }))
  return {
    async read() {
      const db = await open()
      return (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY))) as StoredDesign | undefined
    },
    async write(record, expectedRevision) {
      const db = await open()
      const tx = db.transaction(STORE, 'readwrite')
      const store = tx.objectStore(STORE)
      const current = (await request(store.get(KEY))) as StoredDesign | undefined
      if ((current?.revision ?? 0) !== expectedRevision && current) {
        tx.abort()
        return { conflict: current }
      }
      store.put(record, KEY)
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'))
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write was aborted'))
      })
      return 'ok'
    },
  }
}

export function broadcastChannel(name = 'socket-studio-autosave'): Channel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined
  const channel = new BroadcastChannel(name)
  return {
    post: (m) => channel.postMessage(m),
    onMessage(listener) {
      const handler = (e: MessageEvent) => {
        const m = e.data as SaveMessage
        if (m && m.type === 'saved') listener(m)
      }
      channel.addEventListener('message', handler)
      return () => channel.removeEventListener('message', handler)
    },
  }
}

// ------------------------------------------------------------------------------------------- restore

let printer: Promise<typeof DocumentPrinter> | undefined
/** The file printer, fetched on the first change (a tab closed right after it still saves). */
function documentPrinter() {
  printer ??= import('../model/document/serialize').catch((e: unknown) => {
    printer = undefined // a failed chunk load is retried on the next save
    throw e
  })
  return printer
}

export type Restored = { doc: DesignDocument; record: StoredDesign } | { error: string; record?: StoredDesign } | undefined

/** Reads the autosaved design; a damaged record is reported, never thrown. */
export async function restore(storage: DesignStorage): Promise<Restored> {
  let record: StoredDesign | undefined
  try {
    record = await storage.read()
  } catch (e) {
    return { error: `The autosaved design could not be read: ${e instanceof Error ? e.message : String(e)}` }
  }
  if (!record) return undefined
  let parsed: ParseResult
  try {
    parsed = (await import('../model/document/parse')).parseDocument(record.text)
  } catch (e) {
    return { error: `The autosaved design could not be read: ${e instanceof Error ? e.message : String(e)}`, record }
  }
  if (!parsed.ok) {
    const first = parsed.errors[0]
    return { error: `The autosaved design is damaged and was not restored: ${first?.message ?? 'unknown error'}`, record }
  }
  return { doc: parsed.document, record }
}

// ------------------------------------------------------------------------------------------- controller

export interface PersistenceController {
  /** Saves now (skipping the debounce). */
  flush(): Promise<void>
  /** Conflict resolution: take the other tab's version. */
  loadTheirs(): Promise<void>
  /** Conflict resolution: keep this tab's version and overwrite the stored one. */
  keepMine(): Promise<void>
  dispose(): void
}

export interface PersistenceOptions {
  storage: DesignStorage
  channel?: Channel
  tabId?: string
  /** Revision of the record this tab restored (0 when it started from nothing). */
  baseRevision: number
  debounceMs?: number
  onStatus: (status: PersistenceStatus) => void
}

export function attachPersistence(store: DesignerStore, options: PersistenceOptions): PersistenceController {
  const { storage, channel, onStatus } = options
  const tabId = options.tabId ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  const debounceMs = options.debounceMs ?? 300
  let baseRevision = options.baseRevision
  let savedDoc: DesignDocument = store.getState().doc
  let timer: ReturnType<typeof setTimeout> | undefined
  let inConflict = false
  let saving: Promise<void> | undefined

  const conflict = () => {
    inConflict = true
    if (timer) clearTimeout(timer)
    onStatus({
      status: 'conflict',
      message: 'This design was changed in another tab. Autosave is paused here so neither version is lost.',
    })
  }

  const save = async (): Promise<void> => {
    if (inConflict) return
    const { doc, fileName, history } = store.getState()
    if (history.gestureBase) return // the gesture's end triggers the save
    if (doc === savedDoc) return
    onStatus({ status: 'saving' })
    try {
      const { serializeDocument } = await documentPrinter()
      const record: StoredDesign = { text: serializeDocument(doc, 'json'), revision: baseRevision + 1, tabId, fileName, savedAt: Date.now() }
      const result = await storage.write(record, baseRevision)
      if (result !== 'ok') return conflict()
      baseRevision = record.revision
      savedDoc = doc
      channel?.post({ type: 'saved', tabId, revision: record.revision })
      onStatus({ status: 'saved', savedAt: record.savedAt })
    } catch (e) {
      onStatus({ status: 'error', message: `Autosave failed: ${e instanceof Error ? e.message : String(e)}` })
    }
  }

  const runSave = () => {
    saving = (saving ?? Promise.resolve()).then(save)
    return saving
  }

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.doc === prev.doc && state.history.gestureBase === prev.history.gestureBase) return
    if (state.history.gestureBase || inConflict) return
    void documentPrinter().catch(() => undefined) // loading while the debounce runs; a failure is reported by save
    if (timer) clearTimeout(timer)
    timer = setTimeout(runSave, debounceMs)
  })
  const unlisten = channel?.onMessage((m) => {
    if (m.tabId !== tabId && m.revision > baseRevision) conflict()
  })

  return {
    flush: () => {
      if (timer) clearTimeout(timer)
      return runSave()
    },
    async loadTheirs() {
      const restored = await restore(storage)
      if (!restored || 'error' in restored) {
        onStatus({ status: 'error', message: restored && 'error' in restored ? restored.error : 'The other tab’s design is gone.' })
        return
      }
      baseRevision = restored.record.revision
      inConflict = false
      store.getState().loadDocument(restored.doc, restored.record.fileName)
      savedDoc = store.getState().doc
      onStatus({ status: 'saved', savedAt: restored.record.savedAt })
    },
    async keepMine() {
      try {
        const current = await storage.read()
        baseRevision = current?.revision ?? 0
      } catch (e) {
        onStatus({ status: 'error', message: `Autosave failed: ${e instanceof Error ? e.message : String(e)}` })
        return
      }
      inConflict = false
      savedDoc = null as unknown as DesignDocument // force a write
      await runSave()
    },
    dispose() {
      if (timer) clearTimeout(timer)
      unsubscribe()
      unlisten?.()
    },
  }
}
