import { describe, expect, it } from 'vitest'
import { graphNodes } from '../../model/ops'
import { largeDesign } from '../../model/largeDesign'
import { seedDocument } from '../../model/seed'
import { listGroups } from './groups'

describe('node groups', () => {
  it('offers all routes and the integrations of each service, in words', () => {
    const { design } = largeDesign(30)
    expect(listGroups(design, graphNodes(design))).toEqual([
      { key: 'routes', label: 'Routes', count: 30 },
      { key: 'integrations:aws:dynamodb', label: 'DynamoDB integrations', count: 10 },
      { key: 'integrations:lambda-proxy', label: 'Lambda proxy integrations', count: 10 },
      { key: 'integrations:mock', label: 'Mock integrations', count: 10 },
    ])
  })

  it('offers nothing for groups too small to be worth collapsing', () => {
    const { design } = seedDocument()
    expect(listGroups(design, graphNodes(design))).toEqual([])
  })
})
