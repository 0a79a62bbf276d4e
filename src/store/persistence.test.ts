import { describe, expect, it } from 'vitest'
import { serializeDocument } from '../model/document/serialize'
import { seedDocument } from '../model/seed'
import { createDesignerStore } from './createDesignerStore'
import { attachPersistence, restore, type Channel, type DesignStorage, type PersistenceStatus, type SaveMessage, type StoredDesign } from './persistence'

function memoryStorage(): DesignStorage & { record?: StoredDesign } {
  const s: DesignStorage & { record?: StoredDesign } = {
    async read() {
      return s.record
    },
    async write(record, expected) {
      if (s.record && s.record.revision !== expected) return { conflict: s.record }
      s.record = record
      return 'ok'
    },
  }
  return s
}

function memoryChannel(): { a: Channel; b: Channel } {
  const listeners: ((m: SaveMessage) => void)[][] = [[], []]
  const make = (i: number): Channel => ({
    post: (m) => listeners[1 - i].forEach((l) => l(m)),
    onMessage(l) {
      listeners[i].push(l)
      return () => (listeners[i] = listeners[i].filter((x) => x !== l))
    },
  })
  return { a: make(0), b: make(1) }
}

describe('autosave', () => {
  it('saves after a change and restores the same design', async () => {
    const storage = memoryStorage()
    const store = createDesignerStore(seedDocument(), { check: () => [], checkDelayMs: 0 })
    const statuses: PersistenceStatus[] = []
    const p = attachPersistence(store, { storage, baseRevision: 0, debounceMs: 0, onStatus: (s) => statuses.push(s) })
    store.getState().setField('api', ['name'], 'restored-api')
    await p.flush()
    expect(storage.record?.revision).toBe(1)
    const restored = await restore(storage)
    expect(restored && 'doc' in restored && restored.doc.design.api.name).toBe('restored-api')
    expect(statuses.at(-1)?.status).toBe('saved')
    p.dispose()
  })

  it('does not save in the middle of a gesture', async () => {
    const storage = memoryStorage()
    const store = createDesignerStore(seedDocument(), { check: () => [], checkDelayMs: 0 })
    const p = attachPersistence(store, { storage, baseRevision: 0, debounceMs: 0, onStatus: () => {} })
    store.getState().moveNodes({ connect: { x: 5, y: 5 } }, 'eventually')
    await p.flush()
    expect(storage.record).toBeUndefined()
    store.getState().commitGesture()
    await p.flush()
    expect(storage.record?.revision).toBe(1)
    p.dispose()
  })

  it('a second tab does not silently overwrite the first: it pauses and asks', async () => {
    const storage = memoryStorage()
    const { a, b } = memoryChannel()
    const tab1 = createDesignerStore(seedDocument(), { check: () => [], checkDelayMs: 0 })
    const tab2 = createDesignerStore(seedDocument(), { check: () => [], checkDelayMs: 0 })
    const s1: PersistenceStatus[] = []
    const s2: PersistenceStatus[] = []
    const p1 = attachPersistence(tab1, { storage, channel: a, tabId: 't1', baseRevision: 0, debounceMs: 0, onStatus: (s) => s1.push(s) })
    const p2 = attachPersistence(tab2, { storage, channel: b, tabId: 't2', baseRevision: 0, debounceMs: 0, onStatus: (s) => s2.push(s) })

    tab1.getState().setField('api', ['name'], 'from-tab-1')
    await p1.flush()
    expect(s2.at(-1)?.status).toBe('conflict') // told over the channel

    tab2.getState().setField('api', ['name'], 'from-tab-2')
    await p2.flush()
    expect(storage.record?.text).toContain('from-tab-1') // not overwritten

    await p2.loadTheirs()
    expect(tab2.getState().doc.design.api.name).toBe('from-tab-1')
    tab2.getState().setField('api', ['name'], 'tab-2-after-reload')
    await p2.flush()
    expect(storage.record?.text).toContain('tab-2-after-reload')
    p1.dispose()
    p2.dispose()
  })

  it('without the channel, the revision check still catches the conflict; keep mine overwrites on request', async () => {
    const storage = memoryStorage()
    storage.record = { text: serializeDocument(seedDocument(), 'json'), revision: 7, tabId: 'other', fileName: 'x.yaml', savedAt: 0 }
    const store = createDesignerStore(seedDocument(), { check: () => [], checkDelayMs: 0 })
    const statuses: PersistenceStatus[] = []
    const p = attachPersistence(store, { storage, baseRevision: 3, debounceMs: 0, onStatus: (s) => statuses.push(s) })
    store.getState().setField('api', ['name'], 'mine')
    await p.flush()
    expect(statuses.at(-1)?.status).toBe('conflict')
    expect(storage.record.revision).toBe(7)
    await p.keepMine()
    expect(storage.record.revision).toBe(8)
    expect(storage.record.text).toContain('mine')
    p.dispose()
  })

  it('reports a damaged autosave instead of throwing', async () => {
    const storage = memoryStorage()
    storage.record = { text: '{ not valid', revision: 1, tabId: 'x', fileName: 'x', savedAt: 0 }
    const restored = await restore(storage)
    expect(restored && 'error' in restored && restored.error).toMatch(/damaged/)
  })
})
