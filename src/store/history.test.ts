import { describe, expect, it } from 'vitest'
import { seedDocument } from '../model/seed'
import { moveEntities, setField } from '../model/ops'
import { canRedo, canUndo, change, commit, createHistory, HISTORY_LIMIT, redo, undo } from './history'

describe('history', () => {
  const doc0 = seedDocument()

  it('records one step per change and undoes/redoes it', () => {
    const doc1 = setField(doc0, 'api', ['name'], 'one')
    const doc2 = setField(doc1, 'api', ['name'], 'two')
    let h = change(change(createHistory(doc0), doc1, 'record'), doc2, 'record')
    expect(h.past).toHaveLength(2)
    h = undo(h)
    expect(h.present).toBe(doc1)
    h = undo(h)
    expect(h.present).toBe(doc0)
    expect(canUndo(h)).toBe(false)
    h = redo(h)
    expect(h.present).toBe(doc1)
    expect(canRedo(h)).toBe(true)
  })

  it('turns a gesture (many eventually changes) into one step at commit', () => {
    let h = createHistory(doc0)
    let doc = doc0
    for (let i = 1; i <= 20; i++) {
      doc = moveEntities(doc, { connect: { x: i * 5, y: 0 } })
      h = change(h, doc, 'eventually')
    }
    expect(h.past).toHaveLength(0)
    expect(canUndo(h)).toBe(true)
    h = commit(h)
    expect(h.past).toHaveLength(1)
    h = undo(h)
    expect(h.present).toBe(doc0)
    h = redo(h)
    expect(h.present.layout.connect).toEqual({ x: 100, y: 0 })
  })

  it('undo in the middle of a gesture ends it first and undoes all of it', () => {
    let h = change(createHistory(doc0), setField(doc0, 'api', ['description'], 'a'), 'eventually')
    h = change(h, setField(h.present, 'api', ['description'], 'ab'), 'eventually')
    h = undo(h)
    expect(h.present).toBe(doc0)
    expect(h.future).toHaveLength(1)
  })

  it('a record after a gesture commits the gesture as its own step', () => {
    let h = change(createHistory(doc0), setField(doc0, 'api', ['description'], 'typed'), 'eventually')
    const typed = h.present
    h = change(h, setField(typed, 'api', ['name'], 'renamed'), 'record')
    expect(h.past).toEqual([doc0, typed])
  })

  it('ignores no-op changes, keeps ignore changes out of history, and clears redo on a new change', () => {
    let h = createHistory(doc0)
    expect(change(h, doc0, 'record')).toBe(h)
    h = change(h, setField(doc0, 'api', ['name'], 'x'), 'ignore')
    expect(h.past).toHaveLength(0)
    h = change(h, setField(h.present, 'api', ['name'], 'y'), 'record')
    h = undo(h)
    h = change(h, setField(h.present, 'api', ['name'], 'z'), 'record')
    expect(canRedo(h)).toBe(false)
  })

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = createHistory(doc0)
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) h = change(h, setField(h.present, 'api', ['description'], String(i)), 'record')
    expect(h.past).toHaveLength(HISTORY_LIMIT)
  })
})

describe('gesture keys', () => {
  it('a different gesture ends the open one, so typing then dragging are two steps', () => {
    const doc0 = seedDocument()
    let h = change(createHistory(doc0), setField(doc0, 'api', ['description'], 'typed'), 'eventually', 'field:api:description')
    const typed = h.present
    h = change(h, moveEntities(typed, { connect: { x: 1, y: 1 } }), 'eventually', 'move')
    h = change(h, moveEntities(h.present, { connect: { x: 2, y: 2 } }), 'eventually', 'move')
    h = commit(h)
    expect(h.past).toEqual([doc0, typed])
  })
})
