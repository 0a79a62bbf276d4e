import { describe, expect, it } from 'vitest'
import { parseDocument } from '../model/document/parse'
import { serializeDocument } from '../model/document/serialize'
import { seedDocument } from '../model/seed'
import { checkDesign } from './checkDesign'
import { locateInFile, templatePositionInFile } from './locateInFile'

/** The seed with its request template replaced, as the file a user would have. */
function seedWith(template: string): string {
  const doc = seedDocument()
  doc.design.integrations.putItem.requestTemplates = { 'application/json': template }
  return serializeDocument(doc)
}

function located(text: string) {
  const parsed = parseDocument(text)
  if (!parsed.ok) throw new Error('unparseable')
  return locateInFile(checkDesign(parsed.document), parsed.source)
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length
}

describe('template diagnostics at their place in the design file', () => {
  it('a block scalar: the template line and column, shifted by the indentation', () => {
    const text = seedWith('{\n  "TableName": "@{table.name}",\n  #end\n}\n')
    expect(text).toContain('|')
    const d = located(text).find((x) => x.code === 'VTL002')!
    const fileLine = lineOf(text, '#end')
    const column = text.split('\n')[fileLine - 1].indexOf('#end') + 1
    expect(d.range).toMatchObject({ line: fileLine, column })
  })

  it('a quoted one-line scalar: the column inside the quotes', () => {
    const text = seedWith('{"TableName": "@{table.name}", #end}')
    const d = located(text).find((x) => x.code === 'VTL002')!
    const fileLine = lineOf(text, '#end')
    expect(d.range?.line).toBe(fileLine)
    expect(d.range?.column).toBe(text.split('\n')[fileLine - 1].indexOf('#end') + 1)
  })

  it('a JSON design file: escapes are decoded while walking, so line 3 of the template is found on its one line', () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.requestTemplates = { 'application/json': '{\n "a": "\\"q\\"",\n #end\n}' }
    const text = serializeDocument(doc, 'json')
    const parsed = parseDocument(text)
    if (!parsed.ok) throw new Error('unparseable')
    const d = locateInFile(checkDesign(parsed.document), parsed.source).find((x) => x.code === 'VTL002')!
    const fileLine = lineOf(text, '#end')
    expect(d.range).toMatchObject({ line: fileLine, column: text.split('\n')[fileLine - 1].indexOf('#end') + 1 })
  })

  it('maps ranges with an end too, and leaves model diagnostics pointing at their field', () => {
    const text = 'k: |\n    ab\n    cd\n'
    expect(templatePositionInFile(text, { line: 2, column: 1 }, { line: 2, column: 2, endLine: 2, endColumn: 3 })).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 7 })
    const broken = seedWith('{}').replace('name: dev', 'name: bad name!')
    const stage = located(broken).find((x) => x.code === 'MDL019')!
    expect(stage.range?.line).toBe(lineOf(broken, 'bad name!'))
  })
})
