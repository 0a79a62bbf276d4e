import { describe, expect, it } from 'vitest'
import { seedDocument } from '../model/seed'
import { resolveTemplateRefs, resolveTemplateRefsMapped } from './refValues'
import { validateTemplate } from './validate'
import { templateOptionsFor } from './designOptions'

describe('positions through @{…} substitution', () => {
  const { design } = seedDocument()

  it('a JSON error after a placeholder is marked on its own line and column', () => {
    const text = '{\n  "TableName": "@{table.name}",\n  "Bad": ,\n  "Item": {}\n}'
    const diags = validateTemplate(text, templateOptionsFor(design, 'putItem', 'application/json'))
    const json = diags.find((d) => d.code === 'VTL012')
    expect(json, JSON.stringify(diags)).toBeDefined()
    expect(json!.range!.line).toBe(3)
    expect(text.split('\n')[2].slice(json!.range!.column - 1)).toMatch(/^,/)
  })

  it('a JSON error on the placeholder line keeps its column in the template text', () => {
    const text = '{"TableName": "@{table.name}" "Item": {}}'
    const json = validateTemplate(text, templateOptionsFor(design, 'putItem', 'application/json')).find((d) => d.code === 'VTL012')
    expect(json!.range!.line).toBe(1)
    expect(text.slice(json!.range!.column - 1)).toMatch(/^"Item"/)
  })

  it('maps every rendered offset back into the source (placeholders to their start, escapes kept)', () => {
    const text = 'a @{table.name} b @@{x} c\nd @{aws.region}'
    const r = resolveTemplateRefsMapped(text, design)
    expect(r.text).toBe(resolveTemplateRefs(text, design))
    expect(r.text).not.toContain('@{table.name}')
    expect(r.text).toContain('@{x}')
    for (const probe of [' b ', ' c', '\nd', '@{x}']) {
      const at = r.text.lastIndexOf(probe)
      expect(text.slice(r.toSource(at)).startsWith(probe === '@{x}' ? '@@{x}' : probe), probe).toBe(true)
    }
    const name = r.text.indexOf('a ') + 2
    expect(r.toSource(name + 3)).toBe(text.indexOf('@{table.name}'))
    expect(r.toSource(r.text.length)).toBe(text.length)
  })
})
