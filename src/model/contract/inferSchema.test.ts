import { describe, expect, it } from 'vitest'
import { bodyValidator, schemaProblems } from './draft04'
import { inferSchema, inferSchemaFromText } from './inferSchema'
import type { Json } from '../types'

const SAMPLES: Json[] = [
  { action: 'sendmessage', message: 'hi', room: 'lobby', n: 3, ratio: 0.5, ok: true, meta: null },
  { action: 'batch', items: [{ id: 1, tag: 'a' }, { id: 2.5 }], tags: ['x', 'y'], mixed: [1, 'one'], empty: [] },
  'just a string',
  [],
  { nested: { deeper: { list: [[1, 2], [3]] } } },
]

describe('inferSchema (generate from a sample message)', () => {
  it.each(SAMPLES.map((s) => [JSON.stringify(s), s] as const))('%s → a valid draft-4 schema that accepts the sample', (_t, sample) => {
    const schema = inferSchema(sample, 'Sample')
    expect(schemaProblems(schema)).toEqual([])
    const v = bodyValidator(schema)
    expect(v.ok && v.validate(sample)).toEqual([])
  })

  it('declares types and required keys; array items merge (required only where every item has it)', () => {
    expect(inferSchema({ action: 'a', n: 1, items: [{ id: 1, tag: 'a' }, { id: 2.5 }] }, 'T')).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'T',
      type: 'object',
      properties: {
        action: { type: 'string' },
        n: { type: 'integer' },
        items: { type: 'array', items: { type: 'object', properties: { id: { type: 'number' }, tag: { type: 'string' } }, required: ['id'] } },
      },
      required: ['action', 'n', 'items'],
    })
    expect(inferSchema([1, 'one'])).toEqual({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'array' })
  })

  it('rejects what a changed sample breaks, and keeps "__proto__" a property name', () => {
    const schema = inferSchema(JSON.parse('{"__proto__": {"x": 1}, "action": "a"}') as Json)
    expect(Object.keys(schema.properties as object)).toEqual(['__proto__', 'action'])
    const v = bodyValidator(schema)
    expect(v.ok && v.validate({ action: 1 }).length).toBeGreaterThan(0)
  })

  it('says why a sample that is not JSON gives no schema', () => {
    const r = inferSchemaFromText('{"action": ', 'X')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toMatch(/^The sample is not JSON: /)
  })
})
