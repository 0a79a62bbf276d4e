import { describe, expect, test } from 'vitest'
import { canonicalTemplateKey, listTemplates, parseTemplateKey, templateModelPath, templateText } from './templates'
import { aDesign } from '../builders'

const design = aDesign('t')
  .withIntegration('int', {
    type: 'aws',
    requestTemplates: { 'application/json': 'A', $default: 'B' },
    responses: { $default: { templates: { $default: 'R1' } }, '/4\\d\\d/': { templates: { 'application/json': 'R2' } } },
  })
  .build()

describe('template keys', () => {
  test('lists request templates, then response templates, with keys the store understands', () => {
    expect(listTemplates(design.integrations.int).map((t) => [t.key, t.text])).toEqual([
      ['application/json', 'A'],
      ['$default', 'B'],
      ['responses.$default.templates.$default', 'R1'],
      ['responses["/4\\\\d\\\\d/"].templates.application/json', 'R2'],
    ])
  })

  test.each([
    { key: '$default', address: { kind: 'request', contentType: '$default' } },
    { key: 'application/json', address: { kind: 'request', contentType: 'application/json' } },
    { key: 'requestTemplates.$default', address: { kind: 'request', contentType: '$default' } },
    { key: 'requestTemplates["text/plain; charset=utf-8"]', address: { kind: 'request', contentType: 'text/plain; charset=utf-8' } },
    { key: 'responses.$default.templates.$default', address: { kind: 'response', responseKey: '$default', contentType: '$default' } },
    { key: 'responses["/4\\\\d\\\\d/"].templates["application/json"]', address: { kind: 'response', responseKey: '/4\\d\\d/', contentType: 'application/json' } },
  ])('$key', ({ key, address }) => {
    expect(parseTemplateKey(key)).toEqual(address)
    // Round trip through the canonical key.
    expect(parseTemplateKey(canonicalTemplateKey(key))).toEqual(address)
  })

  test('every template has its own model path and readable text', () => {
    const paths = listTemplates(design.integrations.int).map((t) => templateModelPath('int', t.key))
    expect(new Set(paths).size).toBe(paths.length)
    expect(paths[0]).toBe('/integrations/int/request/application%2Fjson.vtl')
    expect(templateText(design, 'int', 'responses["/4\\\\d\\\\d/"].templates["application/json"]')).toBe('R2')
    expect(templateText(design, 'missing', '$default')).toBeUndefined()
  })
})

