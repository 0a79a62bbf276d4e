import { describe, expect, it } from 'vitest'
import { seedDocument } from '../model/seed'
import { checkDesign } from './checkDesign'

describe('checkDesign', () => {
  it('the seed has no problems', () => {
    expect(checkDesign(seedDocument())).toEqual([])
  })

  it('reports model checks and broken mapping templates in one list, templates tied to their entity and field', () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.requestTemplates = { 'application/x-amz-json-1.1': '#if($input.body)\n{"TableName":"@{table.name}"}\n' }
    doc.design.stages.dev.name = 'bad name'
    const found = checkDesign(doc)
    expect(found.map((d) => d.code)).toContain('MDL019')
    const vtl = found.find((d) => d.code.startsWith('VTL') && d.severity === 'error')
    expect(vtl).toMatchObject({ entity: 'putItem', field: 'requestTemplates["application/x-amz-json-1.1"]', range: { line: 1 } })
  })
})
