import { describe, expect, it } from 'vitest'
import { seedDocument } from '../../model/seed'
import { layoutBounds, NAME_PX, READABLE_ZOOM, readableViewport } from './viewport'

describe('readable fit', () => {
  it('never zooms below the readable zoom: 16 px names are at least 12 px on screen', () => {
    expect(NAME_PX * READABLE_ZOOM).toBeGreaterThanOrEqual(12)
    const bounds = layoutBounds(seedDocument().layout)!
    // The seed in the canvas area of a 1280×720 window.
    const v = readableViewport(bounds, 720, 400)
    expect(v.zoom).toBe(READABLE_ZOOM)
    // Too wide to fit: the left edge (stage, API) starts at the padding; the height fits and is centred.
    expect(v.x).toBe(40 - bounds.x * v.zoom)
    expect(v.y + (bounds.y + bounds.height / 2) * v.zoom).toBeCloseTo(200)
  })

  it('centres a design that fits, and does not blow a tiny one up', () => {
    const v = readableViewport({ x: 0, y: 0, width: 240, height: 76 }, 1200, 800)
    expect(v.zoom).toBe(1.25)
    expect(v.x + 120 * v.zoom).toBeCloseTo(600)
    expect(v.y + 38 * v.zoom).toBeCloseTo(400)
  })

  it('bounds skip positions that are not numbers', () => {
    expect(layoutBounds({})).toBeUndefined()
    expect(layoutBounds({ a: { x: 0, y: 0 }, b: { x: Number.NaN, y: 1 } })).toEqual({ x: 0, y: 0, width: 240, height: 76 })
  })
})
