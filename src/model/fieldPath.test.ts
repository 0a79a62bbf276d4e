import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fieldPath, splitFieldPath } from './fieldPath'

describe('field paths', () => {
  it('writes plain segments dotted and others bracketed', () => {
    expect(fieldPath('requestTemplates', '$default')).toBe('requestTemplates.$default')
    expect(fieldPath('requestTemplates', 'application/json')).toBe('requestTemplates.application/json')
    expect(fieldPath('requestParameters', 'integration.request.header.Content-Type')).toBe('requestParameters["integration.request.header.Content-Type"]')
    expect(fieldPath('identitySource', 0)).toBe('identitySource.0')
  })

  it('round-trips any segments (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }), (segments) => {
        expect(splitFieldPath(fieldPath(...segments))).toEqual(segments)
      }),
    )
  })
})
