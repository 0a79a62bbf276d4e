import { describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from '../model/diagnostics'
import { seedDocument } from '../model/seed'
import type { DesignDocument } from '../model/types'
import { templatePath } from '../model/templates'
import { createDesignerStore } from './createDesignerStore'

function newStore(check: (doc: DesignDocument) => Diagnostic[] = () => []) {
  return createDesignerStore(seedDocument(), { check, checkDelayMs: 0 })
}

describe('createDesignerStore', () => {
  it('adds an entity as one undo step and selects it; selection is not history', () => {
    const store = newStore()
    const id = store.getState().addEntity({ kind: 'route', route: 'custom' }, { x: 10, y: 20 })!
    expect(store.getState().doc.design.routes[id].key).toBe('sendmessage')
    expect(store.getState().selection).toEqual([id])
    store.getState().select([])
    store.getState().undo()
    expect(store.getState().doc.design.routes[id]).toBeUndefined()
    expect(store.getState().canRedo).toBe(true)
    store.getState().redo()
    expect(store.getState().doc.design.routes[id]).toBeDefined()
  })

  it('reports refusals as notices and changes nothing', () => {
    const store = newStore()
    const before = store.getState().doc
    expect(store.getState().addEntity({ kind: 'route', route: '$connect' }, { x: 0, y: 0 })).toBeUndefined()
    expect(store.getState().doc).toBe(before)
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error', message: expect.stringContaining('$connect') })
    const auth = store.getState().addEntity({ kind: 'authorizer', type: 'lambda' }, { x: 0, y: 0 })!
    const custom = store.getState().addEntity({ kind: 'route', route: 'custom' }, { x: 0, y: 0 })!
    expect(store.getState().connect(auth, custom)).toBe(false)
    expect(store.getState().notices.at(-1)?.message).toMatch(/only to \$connect/)
  })

  it('a drag is one undo step (eventually + commit)', () => {
    const store = newStore()
    const start = store.getState().doc.layout.connect
    for (let i = 1; i <= 10; i++) store.getState().moveNodes({ connect: { x: start.x + i * 10, y: start.y } }, 'eventually')
    store.getState().commitGesture()
    expect(store.getState().history.past).toHaveLength(1)
    store.getState().undo()
    expect(store.getState().doc.layout.connect).toEqual(start)
  })

  it('a typing burst in a template is one undo step', () => {
    const store = newStore()
    const before = store.getState().doc.design.integrations.putItem.requestTemplates!['application/json']
    for (const ch of 'abc') {
      const cur = store.getState().doc.design.integrations.putItem.requestTemplates!['application/json']
      store.getState().setTemplate('putItem', 'application/json', cur + ch)
    }
    store.getState().commitGesture()
    expect(store.getState().doc.design.integrations.putItem.requestTemplates!['application/json']).toBe(before + 'abc')
    store.getState().undo()
    expect(store.getState().doc.design.integrations.putItem.requestTemplates!['application/json']).toBe(before)
  })

  it('maps template editor keys to field paths', () => {
    expect(templatePath('application/json')).toEqual(['requestTemplates', 'application/json'])
    expect(templatePath('requestTemplates.$default')).toEqual(['requestTemplates', '$default'])
    expect(templatePath('responses.$default.templates.$default')).toEqual(['responses', '$default', 'templates', '$default'])
  })

  it('deletes selected entities and edges; the API alone cannot be deleted', () => {
    const store = newStore()
    store.getState().select(['integration:connect->putItem'])
    store.getState().deleteSelection()
    expect(store.getState().doc.design.routes.connect.integration).toBeUndefined()
    expect(store.getState().selection).toEqual([])
    store.getState().select(['api'])
    store.getState().deleteSelection()
    expect(store.getState().notices.at(-1)?.message).toMatch(/cannot be deleted/)
    store.getState().select(['table', 'connect', 'default'])
    store.getState().deleteSelection()
    expect(Object.keys(store.getState().doc.design.routes)).toEqual([])
    store.getState().undo()
    expect(store.getState().doc.design.routes.connect).toBeDefined()
  })

  it('copies and pastes (and duplicates) with new ids selected', () => {
    const store = newStore()
    store.getState().select(['putItem', 'table'])
    const text = store.getState().copySelection()!
    expect(store.getState().paste(text, { x: 500, y: 500 })).toBe(true)
    const pasted = store.getState().selection
    expect(pasted).toHaveLength(2)
    expect(store.getState().doc.layout[pasted[0]]).toBeDefined()
    store.getState().duplicateSelection()
    expect(store.getState().selection).toHaveLength(2)
    expect(store.getState().paste('not a copy')).toBe(false)
  })

  it('auto-layout is one undo step and is discarded when the design changed meanwhile', async () => {
    let release: () => void = () => {}
    const store = createDesignerStore(seedDocument(), {
      checkDelayMs: 0,
      check: () => [],
      layout: (doc) => new Promise((resolve) => (release = () => resolve(Object.fromEntries(Object.keys(doc.layout).map((id, i) => [id, { x: i, y: i }]))))),
    })
    let run = store.getState().autoLayout()
    expect(store.getState().layoutBusy).toBe(true)
    release()
    await run
    // The fake layout puts the i-th entity of the layout at (i, i).
    const i = Object.keys(seedDocument().layout).indexOf('connect')
    expect(store.getState().doc.layout.connect).toEqual({ x: i, y: i })
    store.getState().undo()
    expect(store.getState().doc.layout.connect).toEqual(seedDocument().layout.connect)

    run = store.getState().autoLayout()
    store.getState().setField('api', ['name'], 'changed')
    release()
    await run
    expect(store.getState().doc.layout.connect).toEqual(seedDocument().layout.connect)
    expect(store.getState().notices.at(-1)?.message).toMatch(/discarded/)
  })

  it('runs checks after changes but not during a gesture, and counts problems per entity', () => {
    vi.useFakeTimers()
    try {
      const check = vi.fn((): Diagnostic[] => [
        { code: 'MDL001', severity: 'error', message: 'x', entity: 'connect' },
        { code: 'MDL002', severity: 'warning', message: 'y', entity: 'connect' },
      ])
      const store = createDesignerStore(seedDocument(), { check, checkDelayMs: 10 })
      vi.advanceTimersByTime(20)
      expect(check).toHaveBeenCalledTimes(1)
      expect(store.getState().problemCounts.connect).toEqual({ errors: 1, warnings: 1 })
      store.getState().moveNodes({ connect: { x: 1, y: 1 } }, 'eventually')
      vi.advanceTimersByTime(50)
      expect(check).toHaveBeenCalledTimes(1)
      store.getState().commitGesture()
      vi.advanceTimersByTime(20)
      expect(check).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('fetches the check pipeline on the first run, then checks the document of that moment', async () => {
    let resolveLoad: (check: (doc: DesignDocument) => Diagnostic[]) => void = () => undefined
    const loadCheck = vi.fn(() => new Promise<(doc: DesignDocument) => Diagnostic[]>((resolve) => (resolveLoad = resolve)))
    const store = createDesignerStore(seedDocument(), { loadCheck, checkDelayMs: 1_000_000 })
    const run = store.getState().runChecks()
    const second = store.getState().runChecks()
    expect(loadCheck).toHaveBeenCalledTimes(1)
    expect(store.getState().checkedDoc).toBeNull()
    store.getState().setField('api', ['name'], 'renamed-while-loading')
    resolveLoad((doc) => [{ code: 'MDL001', severity: 'error', message: doc.design.api.name, entity: 'api' }])
    await Promise.all([run, second])
    expect(store.getState().checkedDoc).toBe(store.getState().doc)
    expect(store.getState().diagnostics.map((d) => d.message)).toEqual(['renamed-while-loading'])
  })

  it('a check chunk that fails to load is an APP001 error, and the next run tries again', async () => {
    const loadCheck = vi.fn<() => Promise<(doc: DesignDocument) => Diagnostic[]>>()
    loadCheck.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module')).mockResolvedValueOnce(() => [])
    const store = createDesignerStore(seedDocument(), { loadCheck, checkDelayMs: 1_000_000 })
    await store.getState().runChecks()
    expect(store.getState().diagnostics).toEqual([
      { code: 'APP001', severity: 'error', message: 'The model checks failed to load: Failed to fetch dynamically imported module' },
    ])
    await store.getState().runChecks()
    expect(loadCheck).toHaveBeenCalledTimes(2)
    expect(store.getState().diagnostics).toEqual([])
    expect(store.getState().checkedDoc).toBe(store.getState().doc)
  })

  it('focuses a diagnostic: selects its entity and opens the template it names', () => {
    const store = newStore()
    store.getState().focusDiagnostic({ code: 'VTL001', severity: 'error', message: 'x', entity: 'putItem', field: 'requestTemplates.application/json' })
    expect(store.getState().selection).toEqual(['putItem'])
    expect(store.getState().bottomTab).toBe('editor')
    expect(store.getState().editorTarget).toEqual({ integrationId: 'putItem', templateKey: 'requestTemplates.application/json' })
  })

  it('loading a document clears history and selection', () => {
    const store = newStore()
    store.getState().addEntity({ kind: 'stage' }, { x: 0, y: 0 })
    store.getState().loadDocument(seedDocument(), 'other.yaml')
    expect(store.getState().canUndo).toBe(false)
    expect(store.getState().selection).toEqual([])
    expect(store.getState().fileName).toBe('other.yaml')
  })
})

describe('setReference (keyboard wiring from the inspector)', () => {
  it('wires like a drag: presets applied, refusals reported, one undo step', () => {
    const store = createDesignerStore(seedDocument(), { check: () => [], checkDelayMs: 0 })
    const s = () => store.getState()
    const integ = s().addEntity({ kind: 'integration', preset: 'sqs-sendmessage' }, { x: 0, y: 0 })!
    const queue = s().addEntity({ kind: 'resource', type: 'sqs-queue' }, { x: 0, y: 0 })!
    const depth = s().history.past.length
    expect(s().setReference(integ, 'target', queue)).toBe(true)
    const wired = s().doc.design.integrations[integ]
    expect(wired.target).toBe(queue)
    expect(wired.credentials).toEqual({ role: expect.any(String) })
    expect(s().history.past.length).toBe(depth + 1)

    // Replacing a route's integration disconnects the old one first.
    expect(s().setReference('connect', 'integration', integ)).toBe(true)
    expect(s().doc.design.routes.connect.integration).toBe(integ)
    // An authorizer on a custom route is refused with the reason.
    const auth = s().addEntity({ kind: 'authorizer', type: 'lambda' }, { x: 0, y: 0 })!
    const custom = s().addEntity({ kind: 'route', route: 'custom' }, { x: 0, y: 0 })!
    expect(s().setReference(custom, 'authorizer', auth)).toBe(false)
    expect(s().notices.at(-1)?.message).toMatch(/only to \$connect/)
    // Clearing removes the edge.
    expect(s().setReference('connect', 'integration', undefined)).toBe(true)
    expect(s().doc.design.routes.connect.integration).toBeUndefined()
  })
})
