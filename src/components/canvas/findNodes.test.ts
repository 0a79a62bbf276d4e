import { describe, expect, it } from 'vitest'
import { largeDesign } from '../../model/largeDesign'
import { seedDocument } from '../../model/seed'
import { findNodes } from './findNodes'

describe('canvas search', () => {
  const { design } = seedDocument()

  it('finds a route by key, an integration by its action, a resource by its type', () => {
    expect(findNodes(design, '$connect')[0].id).toBe('connect')
    expect(findNodes(design, 'putitem')[0].id).toBe('putItem')
    expect(findNodes(design, 'dynamodb table').map((f) => f.id)).toContain('table')
    expect(findNodes(design, 'nothing like this')).toEqual([])
    expect(findNodes(design, '   ')).toEqual([])
  })

  it('ranks an exact name first and keeps to the limit on a large design', () => {
    const big = largeDesign(150).design
    const key = Object.values(big.routes)[42].key
    const found = findNodes(big, key)
    expect(found[0].title).toBe(key)
    expect(findNodes(big, 'route', 5)).toHaveLength(5)
  })

  it('takes ids that are Object.prototype members', () => {
    const d = structuredClone(design)
    Object.assign(d.routes, { toString: { key: 'toString' }, constructor: { key: 'constructor' } })
    expect(findNodes(d, 'tostring')[0].id).toBe('toString')
    expect(findNodes(d, 'constructor')[0].id).toBe('constructor')
  })
})
