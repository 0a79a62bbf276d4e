import { describe, expect, test } from 'vitest'
import { parsePairs, formatPairs } from './pairs'

describe('tester name=value fields', () => {
  test('parses lines, ignores blanks and comments, reports malformed lines', () => {
    expect(parsePairs('a=1\n\n# note\n b = two words \nc=x=y\nbad\n=v\n__proto__=1')).toEqual({
      values: { a: '1', b: 'two words', c: 'x=y' },
      errors: ['line 6 needs the form name=value', 'line 7 needs the form name=value', 'line 8: "__proto__" cannot be used as a name'],
    })
    expect(formatPairs({ env: 'dev', table: 'T' })).toBe('env=dev\ntable=T')
  })
})
