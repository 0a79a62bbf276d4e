import { describe, expect, it } from 'vitest'
import { aDesign } from '../model/builders'
import { autoLayout } from './autoLayout'
import { columnLayout } from './columnLayout'
import { positionOf } from './positions'

const HOSTILE = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'Constructor', 'ToString', 'HasOwnProperty']

describe('positionOf', () => {
  it('answers own, finite positions only', () => {
    const layout = { a: { x: 1, y: 2 }, bad: { x: Number.NaN, y: 0 } }
    expect(positionOf(layout, 'a')).toEqual({ x: 1, y: 2 })
    expect(positionOf(layout, 'bad')).toBeUndefined()
    for (const id of HOSTILE) expect(positionOf(layout, id), id).toBeUndefined()
    expect(positionOf(undefined, 'a')).toBeUndefined()
  })
})

describe('layouts with ids that are Object.prototype members', () => {
  const b = aDesign()
  for (const id of HOSTILE) b.withMockRoute(id, id)
  const design = b.build()

  it('columnLayout and autoLayout place every one at finite positions, with or without an existing layout', async () => {
    for (const layout of [columnLayout(design), columnLayout(design, { existing: { toString: { x: 0, y: 5 } } }), await autoLayout(design), await autoLayout(design, { constructor: { x: 3, y: 4 } })]) {
      for (const id of HOSTILE) {
        expect(Object.hasOwn(layout, id), id).toBe(true)
        expect(Number.isFinite(layout[id].x) && Number.isFinite(layout[id].y), id).toBe(true)
      }
    }
  })
})
