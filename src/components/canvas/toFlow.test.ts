import { describe, expect, it } from 'vitest'
import { moveEntities, setField } from '../../model/ops'
import { seedDocument } from '../../model/seed'
import { createProjector } from './toFlow'

describe('React Flow projection', () => {
  it('projects every entity and reference, with data = { entityId } only', () => {
    const p = createProjector()
    const doc = seedDocument()
    const nodes = p.nodes(doc, new Set(), new Map())
    expect(nodes.map((n) => n.id).sort()).toEqual(['api', 'apiRole', 'connect', 'dev', 'putItem', 'table'])
    expect(nodes.find((n) => n.id === 'connect')).toMatchObject({ type: 'route', data: { entityId: 'connect' }, position: doc.layout.connect })
    const edges = p.edges(doc.design, new Set())
    expect(edges.map((e) => e.id).sort()).toEqual(['credentials:putItem->apiRole', 'integration:connect->putItem', 'stage:dev->api', 'target:putItem->table'])
    expect(edges.find((e) => e.id === 'stage:dev->api')?.deletable).toBe(false)
  })

  it('keeps the identity of nodes and edges that did not change', () => {
    const p = createProjector()
    const doc = seedDocument()
    const first = p.nodes(doc, new Set(), new Map())
    const firstEdges = p.edges(doc.design, new Set())
    const moved = moveEntities(doc, { connect: { x: 5, y: 5 } })
    const second = p.nodes(moved, new Set(['table']), new Map())
    const byId = (list: typeof first, id: string) => list.find((n) => n.id === id)
    expect(byId(second, 'putItem')).toBe(byId(first, 'putItem'))
    expect(byId(second, 'connect')).not.toBe(byId(first, 'connect'))
    expect(byId(second, 'table')).not.toBe(byId(first, 'table'))
    expect(byId(second, 'table')?.selected).toBe(true)
    // The design did not change, so neither did the edges.
    expect(p.edges(moved.design, new Set())).toEqual(firstEdges)
    const renamed = setField(moved, 'api', ['name'], 'x')
    const edges = p.edges(renamed.design, new Set())
    expect(edges[0]).toBe(firstEdges[0])
  })

  it('places entities without a saved position below the others', () => {
    const p = createProjector()
    const doc = seedDocument()
    const { table: _omit, ...layout } = doc.layout
    const nodes = p.nodes({ ...doc, layout }, new Set(), new Map())
    const maxY = Math.max(...Object.values(layout).map((q) => q.y))
    expect(nodes.find((n) => n.id === 'table')!.position.y).toBeGreaterThan(maxY)
  })
})
