import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeRefText, formatRefs, parseRefs, refsIn, substituteRefs } from './refs'

describe('string references', () => {
  it('splits text and references', () => {
    expect(parseRefs('{"TableName":"@{table.name}"}')).toEqual(['{"TableName":"', { entity: 'table', attribute: 'name', start: 14, end: 27 }, '"}'])
  })

  it('@@{ is a literal @{', () => {
    expect(parseRefs('mail@@{x.y}')).toEqual(['mail@{x.y}'])
    expect(substituteRefs('a@@{b}@{t.arn}', () => 'ARN')).toBe('a@{b}ARN')
  })

  it('anything that is not exactly @{id.attr} is literal text', () => {
    for (const s of ['@{table}', '@{1x.name}', '@{t.na-me}', '@ {t.name}', '${t.name}']) expect(refsIn(s)).toEqual([])
  })

  it('pseudo parameters use the reserved id aws', () => {
    expect(refsIn('@{aws.accountId}/@{queue.name}').map((r) => `${r.entity}.${r.attribute}`)).toEqual(['aws.accountId', 'queue.name'])
  })

  it('escaped literal text parses back to itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(substituteRefs(escapeRefText(s), () => 'X')).toBe(s)
        expect(refsIn(escapeRefText(s))).toEqual([])
      }),
    )
  })

  it('format(parse(s)) is stable for any mix of text and references (property)', () => {
    const part = fc.oneof(
      fc.string(),
      fc.record({ entity: fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), attribute: fc.constantFrom('name', 'arn', 'url'), start: fc.constant(0), end: fc.constant(0) }),
    )
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const text = formatRefs(parts)
        expect(formatRefs(parseRefs(text))).toBe(text)
      }),
    )
  })
})
