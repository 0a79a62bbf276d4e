import { describe, expect, it } from 'vitest'
import { jsonTemplateCode } from '../ir/jsonTemplate'
import type { Expr } from '../ir/expr'

const ref: Expr[number] = { kind: 'attr', variable: 'table', property: 'tableName', logicalId: 'TableCD117FA1' }

describe('jsonTemplateCode: which templates become JSON.stringify / json.dumps data', () => {
  it('takes compact JSON, with references inside strings', () => {
    const code = jsonTemplateCode(['{"TableName":"', ref, '","Item":{"id":{"S":"$context.requestId"}}}'])
    expect(code).toEqual({
      k: 'jsonStringify',
      value: {
        k: 'map',
        entries: [
          ['TableName', { k: 'str', expr: [ref] }],
          ['Item', { k: 'map', entries: [['id', { k: 'map', entries: [['S', { k: 'str', expr: ['$context.requestId'] }]] }]] }],
        ],
      },
    })
  })

  it.each([
    ['spaces (not what JSON.stringify writes)', ['{"statusCode": 200}']],
    ['VTL directives', ['#set($x = 1)\n{"a":"$x"}']],
    ['a reference outside a string', ['{"n":', ref, '}']],
    ['integer-like keys (JavaScript reorders them)', ['{"b":1,"1":2}']],
    ['floats (Python prints them differently)', ['{"x":1.5}']],
    ['unsafe integers', ['{"x":12345678901234567890}']],
    ['a JSON array at top level', ['[1,2]']],
    ['lone surrogates', ['{"x":"\ud800"}']],
  ] as [string, Expr][])('leaves %s as text', (_label, expr) => {
    expect(jsonTemplateCode(expr)).toBeUndefined()
  })
})
