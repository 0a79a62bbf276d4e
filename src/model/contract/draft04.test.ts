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
