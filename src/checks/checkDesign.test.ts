import { describe, expect, it } from 'vitest'
import { seedDocument } from '../model/seed'
import { exportDesign } from '../export'
import { fieldPath } from '../model/fieldPath'
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

  it('checks integration response templates in response mode, tied to their field', () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.responses = { $default: { templates: { 'application/json': '#if($input.body)\n{}' } } }
    const found = checkDesign(doc).filter((d) => d.severity === 'error')
    expect(found.map((d) => [d.code, d.entity, d.field])).toContainEqual(['VTL001', 'putItem', fieldPath('responses', '$default', 'templates', 'application/json')])
  })

  it('one owner per rule: a 300 KB template is VTL006 only, an unescaped $default expression is MDL009 only', () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.requestTemplates = { $default: `{}${' '.repeat(300 * 1024)}` }
    doc.design.integrations.putItem.templateSelectionExpression = '$default'
    const codes = checkDesign(doc).map((d) => d.code)
    expect(codes.filter((c) => c === 'VTL006')).toHaveLength(1)
    expect(codes.filter((c) => c === 'MDL009')).toHaveLength(1)
    expect(codes).not.toContain('MDL018')
    expect(codes).not.toContain('VTL023')
  })

  it('the export gate is the same pipeline: a broken template stops export unless forced', () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.requestTemplates = { 'application/json': '#if($input.body)\n{}' }
    const refused = exportDesign(doc, { target: 'cfn-json' })
    expect(refused.ok).toBe(false)
    expect(refused.diagnostics.map((d) => d.code)).toContain('VTL001')
    expect(exportDesign(doc, { target: 'cfn-json', force: true }).ok).toBe(true)
  })
})
