import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedDocument } from '../seed'
import { DESIGN_VERSION } from './envelope'
import { MAX_FILE_BYTES, parseDocument } from './parse'
import { serializeDocument } from './serialize'

const EXAMPLES = join(__dirname, '../../../examples')
const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'))

function errorsOf(text: string) {
  const r = parseDocument(text)
  if (r.ok) throw new Error('expected the parse to fail')
  return r.errors
}

const seedText = serializeDocument(seedDocument())

describe('design files round-trip', () => {
  it('has the five examples the README promises', () => {
    expect(exampleFiles.sort()).toEqual(['chat.yaml', 'lambda-authorizer.yaml', 'mock-ping.yaml', 'seed.yaml', 'sqs-fan-in.yaml'])
  })

  it.each(exampleFiles)('%s: file → model → file is byte-identical', (file) => {
    const text = readFileSync(join(EXAMPLES, file), 'utf8')
    const parsed = parseDocument(text)
    expect(parsed.ok ? [] : parsed.errors).toEqual([])
    if (!parsed.ok) return
    expect(parsed.warnings).toEqual([])
    expect(serializeDocument(parsed.document)).toBe(text)
  })

  it('examples/seed.yaml is exactly the built-in seed', () => {
    expect(readFileSync(join(EXAMPLES, 'seed.yaml'), 'utf8')).toBe(seedText)
  })

  it('the same document always gives the same bytes, whatever the key order in memory', () => {
    const doc = seedDocument()
    const shuffled = structuredClone(doc)
    const integ = shuffled.design.integrations.putItem
    shuffled.design.integrations.putItem = Object.fromEntries(Object.entries(integ).reverse()) as typeof integ
    expect(serializeDocument(shuffled)).toBe(serializeDocument(doc))
  })

  it('writes a position only for ids that have one, ids named like Object.prototype members included', () => {
    const doc = seedDocument()
    const route = Object.values(doc.design.routes)[0]
    doc.design.routes = { ...doc.design.routes, constructor: { ...route, key: 'constructor' }, toString: { ...route, key: 'toString' } }
    doc.layout = { ...doc.layout, toString: { x: 5, y: 6 }, gone: { x: 1, y: 2 } }
    const parsed = parseDocument(serializeDocument(doc))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(Object.prototype.hasOwnProperty.call(parsed.document.layout, 'constructor')).toBe(false)
    expect(parsed.document.layout.toString).toEqual({ x: 5, y: 6 })
    expect(parsed.document.layout.gone).toEqual({ x: 1, y: 2 })
  })

  it('accepts JSON and writes it back as JSON byte-stably', () => {
    const json = serializeDocument(seedDocument(), 'json')
    const parsed = parseDocument(json)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(serializeDocument(parsed.document, 'json')).toBe(json)
    expect(serializeDocument(parsed.document)).toBe(seedText)
  })

  it('keeps unknown fields verbatim, reports them as info, and writes them back', () => {
    const text = seedText.replace('    constructId: mywsapi\n', '    constructId: mywsapi\n    futureFlag:\n      nested: [1, two]\n')
    const parsed = parseDocument(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.warnings.map((w) => [w.code, w.severity, w.entity, w.range?.line])).toEqual([['DOC010', 'info', 'api', 8]])
    const again = serializeDocument(parsed.document)
    expect(again).toContain('futureFlag:')
    expect(parseDocument(again).ok).toBe(true)
  })
})

describe('bad input gives a located error and no crash', () => {
  it('malformed YAML: line and column of the problem', () => {
    const [e] = errorsOf('format: socket-studio/design\nversion: 1\ndesign: [1, 2\nlayout: {}\n')
    expect(e.code).toBe('DOC001')
    expect(e.range).toEqual({ line: 4, column: 1 })
    expect(e.message).toMatch(/Not valid YAML/)
  })

  it('empty file', () => {
    expect(errorsOf('  \n').map((e) => e.code)).toEqual(['DOC003'])
  })

  it('not an envelope (a CloudFormation template)', () => {
    const [e] = errorsOf('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n')
    expect(e.code).toBe('DOC003')
    expect(e.message).toMatch(/not a socket-studio design/)
  })

  it('wrong format name points at the value', () => {
    const [e] = errorsOf('format: excalidraw\nversion: 1\ndesign: {}\n')
    expect(e).toMatchObject({ code: 'DOC003', range: { line: 1, column: 9 } })
  })

  it('a version from a newer build is refused, not guessed at', () => {
    const [e] = errorsOf(seedText.replace('version: 1', `version: ${DESIGN_VERSION + 1}`))
    expect(e).toMatchObject({ code: 'DOC004', range: { line: 2, column: 10 } })
    expect(e.message).toMatch(/newer socket-studio/)
  })

  it.each([['"one"'], ['0'], ['1.5']])('an unusable version %s', (v) => {
    expect(errorsOf(seedText.replace('version: 1', `version: ${v}`))[0].code).toBe('DOC004')
  })

  it('wrong types are reported with entity, field and line', () => {
    const text = seedText.replace('      autoDeploy: true', '      autoDeploy: "yes"').replace('      key: $connect', '      key: [1]')
    const errors = errorsOf(text)
    expect(errors.map((e) => [e.code, e.entity, e.field, e.range?.line])).toEqual([
      ['DOC005', 'connect', 'key', 11],
      ['DOC005', 'dev', 'autoDeploy', 35],
    ])
    expect(errors[1].message).toBe('dev.autoDeploy must be true or false, not string "yes".')
  })

  it('an enum value outside its set lists the allowed values', () => {
    const [e] = errorsOf(seedText.replace('type: aws', 'type: lambda-proxyy'))
    expect(e.code).toBe('DOC007')
    expect(e.message).toContain('aws, lambda-proxy, lambda, mock, http, http-proxy')
  })

  it('a missing required field is named', () => {
    const [e] = errorsOf(seedText.replace('      key: $connect\n', ''))
    expect(e).toMatchObject({ code: 'DOC006', entity: 'connect' })
    expect(e.message).toMatch(/"key"/)
  })

  it('ids must be valid and unique across collections', () => {
    expect(errorsOf(seedText.replace('    connect:\n      key', '    1connect:\n      key'))[0].code).toBe('DOC008')
    expect(errorsOf(seedText.replace('    dev:\n      name: dev', '    connect:\n      name: dev'))[0].code).toBe('DOC009')
  })

  it('a 20 MB file is refused before parsing', () => {
    const big = seedText + `# ${'x'.repeat(20 * 1024 * 1024)}\n`
    const t0 = performance.now()
    const [e] = errorsOf(big)
    expect(e.code).toBe('DOC002')
    expect(e.message).toMatch(/20\.0 MB/)
    expect(MAX_FILE_BYTES).toBeLessThan(20 * 1024 * 1024)
    expect(performance.now() - t0).toBeLessThan(5000)
  })

  it('a YAML alias bomb is refused', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i)
      const cur = String.fromCharCode(97 + i)
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const bomb = `format: socket-studio/design\nversion: 1\ndesign:\n  api: {name: x, routeSelectionExpression: $request.body.action}\n  extraBomb:\n${levels.map((l) => `    ${l}`).join('\n')}\n`
    const errors = errorsOf(bomb)
    expect(errors.map((e) => e.code)).toContain('DOC011')
  })

  it('too many aliases are refused by the parser itself', () => {
    const many = Array.from({ length: 1500 }, (_, i) => `  k${i}: *x`).join('\n')
    const [e] = errorsOf(`format: socket-studio/design\nversion: 1\nanchor: &x 1\ndesign:\n${many}\n`)
    expect(e.code).toBe('DOC001')
  })

  it('__proto__ keys stay plain data and do not pollute prototypes', () => {
    const text = seedText.replace("      requestTemplates:\n", "      requestTemplates:\n        __proto__: 'polluted'\n")
    const parsed = parseDocument(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(Object.keys(parsed.document.design.integrations.putItem.requestTemplates!)).toContain('__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(parsed.document.design.integrations.putItem.requestTemplates)).toBe(Object.prototype)
  })

  it('deeply nested input is refused, not a stack overflow', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    expect(errorsOf(`format: socket-studio/design\nversion: 1\ndesign: ${deep}\n`)[0].code).toBe('DOC001')
  })
})
