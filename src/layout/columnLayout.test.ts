import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aDesign, emptyDesign } from '../model/builders'
import { largeDesign } from '../model/largeDesign'
import { graphNodes } from '../model/ops/graph'
import { seedDocument } from '../model/seed'
import type { Design, Layout } from '../model/types'
import { columnLayout, WRAP_AFTER, wrapsColumns } from './columnLayout'
import { NODE_HEIGHT, NODE_WIDTH } from './columns'

function overlapping(layout: Layout): string[] {
  const ids = Object.keys(layout)
  const found: string[] = []
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = layout[ids[i]]
      const b = layout[ids[j]]
      if (Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT) found.push(`${ids[i]} / ${ids[j]}`)
    }
  return found
}

/** Distinct x values, left to right, with how many nodes stand at each. */
function columnsOf(layout: Layout): number[] {
  const counts = new Map<number, number>()
  for (const p of Object.values(layout)) counts.set(p.x, (counts.get(p.x) ?? 0) + 1)
  return [...counts.keys()].sort((a, b) => a - b)
}

// Ids people (and hostile files) really use, including the names of Object.prototype members.
const ID_POOL = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'Constructor', 'ToString', 'a', 'b', 'c', 'route1', 'route2', 'q', 'fn', 'role', 'table', 'x1', 'x2', 'x3', 'y1', 'y2']

/** A random design: some routes, integrations, resources, stages and authorizers, wired at random (dangling refs too). */
const arbitraryDesign: fc.Arbitrary<Design> = fc
  .record({
    ids: fc.shuffledSubarray(ID_POOL, { minLength: 0, maxLength: ID_POOL.length }),
    extra: fc.nat({ max: 60 }),
    kinds: fc.array(fc.constantFrom('route', 'integration', 'table', 'queue', 'fn', 'role', 'logs', 'stage', 'authorizer'), { minLength: 80, maxLength: 80 }),
    links: fc.array(fc.nat({ max: 1000 }), { minLength: 240, maxLength: 240 }),
  })
  .map(({ ids, extra, kinds, links }) => {
    const d = emptyDesign('prop')
    const all = [...ids, ...Array.from({ length: extra }, (_, i) => `n${i}`)]
    let l = 0
    const pick = (list: string[]) => (list.length ? list[links[l++ % links.length] % list.length] : undefined)
    const byKind = new Map<string, string[]>()
    all.forEach((id, i) => {
      const kind = kinds[i % kinds.length]
      byKind.set(kind, [...(byKind.get(kind) ?? []), id])
    })
    const of = (k: string) => byKind.get(k) ?? []
    for (const id of of('table')) d.resources[id] = { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' } }
    for (const id of of('queue')) d.resources[id] = { type: 'sqs-queue' }
    for (const id of of('fn')) d.resources[id] = { type: 'lambda-function', runtime: 'nodejs22.x', handler: 'index.handler', code: '' }
    for (const id of of('role')) d.resources[id] = { type: 'iam-role' }
    for (const id of of('logs')) d.resources[id] = { type: 'log-group' }
    for (const id of of('authorizer')) d.authorizers[id] = { type: 'lambda', function: pick(of('fn')) }
    const targets = [...of('table'), ...of('queue'), ...of('fn'), 'missing']
    for (const id of of('integration')) d.integrations[id] = { type: 'aws', target: pick(targets), ...(links[l++ % links.length] % 2 ? { credentials: { role: pick(of('role')) ?? 'nope' } } : {}) }
    for (const id of of('route')) d.routes[id] = { key: id, integration: pick([...of('integration'), 'missing']), authorizer: links[l++ % links.length] % 5 ? undefined : pick(of('authorizer')) }
    for (const id of of('stage')) d.stages[id] = { name: id, accessLog: links[l++ % links.length] % 3 ? undefined : { destination: { logGroup: pick(of('logs')) ?? 'x' } } }
    return JSON.parse(JSON.stringify(d)) as Design
  })

describe('columnLayout', () => {
  it('puts domains, stages, the API, routes, integrations, targets and roles in columns left to right, level with each other', () => {
    const layout = columnLayout(seedDocument().design)
    expect(Object.keys(layout).sort()).toEqual(['Message', 'api', 'apiRole', 'connect', 'default', 'dev', 'putItem', 'table'])
    const order = ['dev', 'api', 'connect', 'putItem', 'table', 'apiRole']
    for (let i = 1; i < order.length; i++) expect(layout[order[i - 1]].x).toBeLessThan(layout[order[i]].x)
    // Two routes share one integration: the routes stack, and the integration with its target and role sits level
    // between them, a straight line from there on.
    expect(layout.default.x).toBe(layout.connect.x)
    expect(layout.default.y).toBeGreaterThan(layout.connect.y)
    expect(new Set(['dev', 'api', 'connect'].map((id) => layout[id].y))).toEqual(new Set([0]))
    expect(new Set(['putItem', 'table', 'apiRole'].map((id) => layout[id].y))).toEqual(new Set([layout.default.y]))
  })

  it('puts each integration level with its route in a small design', () => {
    const design = aDesign().withMockRoute('a', 'alpha').withMockRoute('b', 'beta').withMockRoute('c', 'gamma').build()
    const layout = columnLayout(design)
    for (const id of ['a', 'b', 'c']) expect(layout[`${id}Mock`].y).toBe(layout[id].y)
    expect(overlapping(layout)).toEqual([])
  })

  it('keeps the vertical order of a column from the existing layout, and its integrations follow', () => {
    const design = aDesign().withMockRoute('a', 'alpha').withMockRoute('b', 'beta').withMockRoute('c', 'gamma').build()
    const layout = columnLayout(design, { existing: { c: { x: 0, y: 0 }, a: { x: 0, y: 100 }, b: { x: 0, y: 200 }, gone: { x: 5, y: -5 } } })
    expect(layout.c.y).toBeLessThan(layout.a.y)
    expect(layout.a.y).toBeLessThan(layout.b.y)
    expect(layout.cMock.y).toBeLessThan(layout.aMock.y)
    expect(layout.aMock.y).toBeLessThan(layout.bMock.y)
    expect(layout).not.toHaveProperty('gone')
  })

  it(`keeps designs with up to ${WRAP_AFTER} routes in one row of columns`, () => {
    const b = aDesign()
    for (let i = 0; i < WRAP_AFTER; i++) b.withMockRoute(`r${i}`, `k${i}`)
    expect(columnsOf(columnLayout(b.build()))).toHaveLength(3)
  })

  it('wraps a 150-route design into a grid of blocks, routes next to their integrations, about screen-shaped', () => {
    const { design } = largeDesign(150)
    const layout = columnLayout(design)
    expect(Object.keys(layout)).toHaveLength(graphNodes(design).length)
    expect(overlapping(layout)).toEqual([])
    const xs = Object.values(layout).map((p) => p.x)
    const ys = Object.values(layout).map((p) => p.y)
    const width = Math.max(...xs) + NODE_WIDTH
    const height = Math.max(...ys) + NODE_HEIGHT
    expect(width / height).toBeGreaterThan(1)
    expect(width / height).toBeLessThan(2.5)
    // Every route has its integration in the column right after it, on the same row.
    for (const [id, route] of Object.entries(design.routes)) {
      const integration = layout[route.integration!]
      expect(integration.y, id).toBe(layout[id].y)
      expect(integration.x, id).toBeGreaterThan(layout[id].x)
      expect(integration.x - layout[id].x, id).toBeLessThan(2 * NODE_WIDTH)
    }
    // The shared table, role and function stand right of every block.
    for (const id of ['table', 'role', 'fn']) expect(layout[id].x).toBeGreaterThan(Math.max(...Object.keys(design.integrations).map((i) => layout[i].x)))
  })

  it('is fast on 300 routes', () => {
    const { design } = largeDesign(300)
    columnLayout(design)
    const t0 = performance.now()
    const layout = columnLayout(design)
    // A generous bound, only to catch an accidental quadratic blow-up (the bench has the real figure).
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(Object.keys(layout)).toHaveLength(graphNodes(design).length)
  })

  it('property: every entity placed once, integer grid positions, no overlaps, same input → same output', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        const layout = columnLayout(design)
        const ids = graphNodes(design).map((n) => n.id)
        expect(Object.keys(layout).sort()).toEqual([...ids].sort())
        for (const id of ids) {
          expect(Object.prototype.hasOwnProperty.call(layout, id)).toBe(true)
          expect(Number.isInteger(layout[id].x) && Number.isInteger(layout[id].y), id).toBe(true)
          expect(layout[id].x >= 0 && layout[id].y >= 0).toBe(true)
        }
        expect(overlapping(layout)).toEqual([])
        expect(JSON.stringify(columnLayout(structuredClone(design)))).toBe(JSON.stringify(layout))
      }),
      { numRuns: 150 },
    )
  })

  it('keeps every node in its block when laid out again: a target whose only neighbours are unrouted integrations', () => {
    // The shrunk counterexample fast-check found for the property below (seed 317049713): in a wrapped grid, a
    // node placed by its index in the sort order moved to another block once its existing position sorted it.
    const design = JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__', 'relayout-wrapped-blocks.json'), 'utf8')) as Design
    const layout = columnLayout(design)
    expect(wrapsColumns(design)).toBe(true)
    expect(columnLayout(design, { existing: layout })).toEqual(layout)
  })

  it('property: re-laying out with its own result as the existing layout changes nothing', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        const layout = columnLayout(design)
        expect(columnLayout(design, { existing: layout })).toEqual(layout)
      }),
      { numRuns: 60 },
    )
  })
})

describe('designerLayout', () => {
  it('gives large designs the column grid and small ones a layout without overlaps', async () => {
    const { designerLayout } = await import('./designerLayout')
    const { design } = largeDesign(150)
    expect(await designerLayout(design)).toEqual(columnLayout(design))
    const small = aDesign().withMockRoute('a', 'alpha').withMockRoute('b', 'beta').build()
    const layout = await designerLayout(small)
    expect(Object.keys(layout).sort()).toEqual(['a', 'aMock', 'api', 'b', 'bMock'])
    expect(overlapping(layout)).toEqual([])
  })
})
