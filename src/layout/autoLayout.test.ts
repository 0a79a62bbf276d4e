import { describe, expect, it } from 'vitest'
import { aDesign } from '../model/builders'
import { seedDocument } from '../model/seed'
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from './autoLayout'

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT
}

describe('autoLayout', () => {
  it('puts stages, the API, routes, integrations, targets and roles in columns left to right', async () => {
    const { design } = seedDocument()
    const layout = await autoLayout(design)
    expect(Object.keys(layout).sort()).toEqual(['Message', 'api', 'apiRole', 'connect', 'default', 'dev', 'putItem', 'table'])
    expect(layout.dev.x).toBeLessThan(layout.api.x)
    expect(layout.api.x).toBeLessThan(layout.connect.x)
    expect(layout.connect.x).toBeLessThan(layout.putItem.x)
    expect(layout.putItem.x).toBeLessThan(layout.table.x)
    expect(layout.table.x).toBeLessThan(layout.apiRole.x)
  })

  it('gives every entity a position, without overlaps, and drops ids the design no longer has', async () => {
    const design = aDesign().withMockRoute('a', 'alpha').withMockRoute('b', 'beta').withMockRoute('c', 'gamma').build()
    const layout = await autoLayout(design, { gone: { x: 1, y: 2 } })
    expect(Object.keys(layout).sort()).toEqual(['a', 'aMock', 'api', 'b', 'bMock', 'c', 'cMock'])
    const ids = Object.keys(layout)
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) expect(overlaps(layout[ids[i]], layout[ids[j]]), `${ids[i]} / ${ids[j]}`).toBe(false)
  })

  it('keeps the vertical order of a column from the existing layout', async () => {
    const design = aDesign().withMockRoute('a', 'alpha').withMockRoute('b', 'beta').withMockRoute('c', 'gamma').build()
    const layout = await autoLayout(design, { c: { x: 0, y: 0 }, a: { x: 0, y: 100 }, b: { x: 0, y: 200 } })
    expect(layout.c.y).toBeLessThan(layout.a.y)
    expect(layout.a.y).toBeLessThan(layout.b.y)
    // Integrations follow their routes.
    expect(layout.cMock.y).toBeLessThan(layout.aMock.y)
    expect(layout.aMock.y).toBeLessThan(layout.bMock.y)
  })

  it('lays out a 300-route design in columns', async () => {
    const b = aDesign()
    for (let i = 0; i < 300; i++) b.withMockRoute(`r${i}`, `k${i}`)
    const layout = await autoLayout(b.build())
    expect(Object.keys(layout)).toHaveLength(601)
    const routeXs = new Set(Array.from({ length: 300 }, (_, i) => layout[`r${i}`].x))
    const integrationXs = new Set(Array.from({ length: 300 }, (_, i) => layout[`r${i}Mock`].x))
    expect(routeXs.size).toBe(1)
    expect(integrationXs.size).toBe(1)
    expect([...integrationXs][0]).toBeGreaterThan([...routeXs][0])
  })
})
