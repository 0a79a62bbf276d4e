import { describe, expect, it } from 'vitest'
import { moveEntities, setField } from '../../model/ops'
import { seedDocument } from '../../model/seed'
import { createProjector } from './toFlow'

describe('React Flow projection', () => {
  it('projects every entity and reference, with data = { entityId } only', () => {
    const p = createProjector()
    const doc = seedDocument()
    const nodes = p.nodes(doc, new Set(), new Map())
    expect(nodes.map((n) => n.id).sort()).toEqual(['Message', 'api', 'apiRole', 'connect', 'default', 'dev', 'putItem', 'table'])
    expect(nodes.find((n) => n.id === 'connect')).toMatchObject({ type: 'route', data: { entityId: 'connect' }, position: doc.layout.connect })
    const edges = p.edges(doc.design, new Set())
    expect(edges.map((e) => e.id).sort()).toEqual(['credentials:putItem->apiRole', 'integration:connect->putItem', 'integration:default->putItem', 'stage:dev->api', 'target:putItem->table'])
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

  it('ids that are Object.prototype members get real positions (saved, fallback and while dragged)', () => {
    const p = createProjector()
    const doc = seedDocument()
    const design = structuredClone(doc.design)
    Object.assign(design.integrations, { constructor: { type: 'mock' } })
    Object.assign(design.routes, { toString: { key: 'toString', integration: 'constructor' } })
    Object.assign(design.routes, { hasOwnProperty: { key: 'hasOwnProperty' } })
    const layout = { ...doc.layout, toString: { x: 10, y: 20 } }
    const nodes = p.nodes({ design, layout }, new Set(), new Map(), new Map([['hasOwnProperty', { x: 7, y: 8 }]]))
    for (const id of ['constructor', 'toString', 'hasOwnProperty']) {
      const node = nodes.find((n) => n.id === id)!
      expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y), id).toBe(true)
    }
    expect(nodes.find((n) => n.id === 'toString')!.position).toEqual({ x: 10, y: 20 })
    expect(nodes.find((n) => n.id === 'hasOwnProperty')!.position).toEqual({ x: 7, y: 8 })
    // A drag of another node does not hand `constructor` Object.prototype's member.
    const dragged = p.nodes({ design, layout }, new Set(), new Map(), new Map([['connect', { x: 1, y: 1 }]]))
    expect(Number.isFinite(dragged.find((n) => n.id === 'constructor')!.position.x)).toBe(true)
  })
})
