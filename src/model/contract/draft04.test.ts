import { describe, expect, it } from 'vitest'
import { bodyValidator, schemaProblems } from './draft04'

const PING = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { action: { enum: ['ping'] }, n: { type: 'integer', minimum: 0, exclusiveMinimum: true } }, required: ['action'] }

describe('draft 4 (one ajv-draft-04 instance)', () => {
  it('accepts a draft-4 schema and locates what is not draft 4, the path said once', () => {
    expect(schemaProblems(PING)).toEqual([])
    const problems = schemaProblems({ properties: { a: { type: 'objekt' } } })
    expect(problems[0]).toEqual({ path: '/properties/a/type', message: 'must be one of ["array","boolean","integer","null","number","object","string"]' })
    expect(problems.every((p) => !p.message.includes(p.path))).toBe(true)
    expect(schemaProblems([] as never)).toEqual([{ path: '', message: 'a model schema must be a JSON object' }])
  })

  it('draft-4 semantics: boolean exclusiveMinimum (draft 6 would reject the schema)', () => {
    const v = bodyValidator(PING)
    if (!v.ok) throw new Error('PING must compile')
    expect(v.validate({ action: 'ping', n: 1 })).toEqual([])
    expect(v.validate({ action: 'ping', n: 0 })).toEqual([{ path: '/n', message: 'must be > 0' }])
    expect(v.validate({ n: 1 })).toEqual([{ path: '', message: "must have required property 'action'" }])
  })

  it('a schema that is not draft 4 gives its problems instead of a validator', () => {
    const v = bodyValidator({ type: 'objekt' })
    expect(v.ok).toBe(false)
    expect(!v.ok && v.problems[0].path).toBe('/type')
  })
})

describe('the generated draft-4 meta-schema validator', () => {
  // Schemas that break the meta-schema in different ways: wrong types, enum, uniqueItems (the fast-deep-equal
  // helper), minItems, $ref'd definitions, nested subschemas, dependencies.
  const SAMPLES: unknown[] = [
    PING,
    { type: 'objekt' },
    { type: ['string', 'string'] },
    { required: [] },
    { required: ['a', 'a'] },
    { enum: [] },
    { enum: [1, 1] },
    { properties: { a: { minLength: -1 } } },
    { items: [{ type: 'string' }, { maximum: 'x' }] },
    { allOf: [] },
    { anyOf: [{ type: 'integer' }, 3] },
    { dependencies: { a: 5 } },
    { additionalProperties: 'no' },
    { definitions: { x: { multipleOf: 0 } } },
    { exclusiveMinimum: true },
    { title: 7, description: false, format: 1 },
    {},
  ]

  it('gives the verdicts and errors of ajv.validateSchema with the same options', async () => {
    const { default: Ajv } = await import('ajv-draft-04')
    const ajv = new Ajv({ strict: false, allErrors: true })
    const { default: generated } = await import('./__generated__/draft04MetaValidator.js')
    let rejected = 0
    for (const schema of SAMPLES) {
      const expected = ajv.validateSchema(schema as object)
      if (!expected) rejected++
      expect(generated(schema), JSON.stringify(schema)).toBe(expected)
      expect(generated.errors ?? null, JSON.stringify(schema)).toEqual(ajv.errors ?? null)
    }
    expect(rejected).toBeGreaterThanOrEqual(12)
  })

  it('is the file scripts/generate-draft04-meta.mjs writes for the installed ajv (regenerate after an upgrade)', async () => {
    const { readFileSync } = await import('node:fs')
    // @ts-expect-error: a plain .mjs script without types
    const { generateDraft04MetaValidator, outFile } = await import('../../../scripts/generate-draft04-meta.mjs')
    expect(readFileSync(outFile as string, 'utf8')).toBe((generateDraft04MetaValidator as () => string)())
  })
})
