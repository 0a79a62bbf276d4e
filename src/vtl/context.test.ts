import { describe, expect, it } from 'vitest'
import { mergeContext, sampleContext, MAX_CONTEXT_DEPTH } from './context'
import { renderTemplate } from './render'

describe('mergeContext is copy-on-write', () => {
  it('leaves the base and the overrides untouched, and copies only the written path', () => {
    const base = sampleContext()
    const before = structuredClone(base)
    const overrides = { 'identity.sourceIp': '198.51.100.7', stage: 'prod' }
    const out = mergeContext(base, overrides)
    expect(base).toEqual(before)
    expect(overrides).toEqual({ 'identity.sourceIp': '198.51.100.7', stage: 'prod' })
    expect(out.identity).toEqual({ sourceIp: '198.51.100.7', userAgent: (before.identity as Record<string, unknown>).userAgent })
    expect(out.identity).not.toBe(base.identity)
    // Not written, so shared rather than cloned.
    expect(out.error).toBe(base.error)
  })

  it('two dotted writes under the same parent land in one copy', () => {
    const base = sampleContext()
    const out = mergeContext(base, { 'identity.sourceIp': '1', 'identity.userAgent': '2' })
    expect(out.identity).toEqual({ sourceIp: '1', userAgent: '2' })
    expect((base.identity as Record<string, unknown>).sourceIp).toBe('203.0.113.10')
  })

  it('a nested object override merges into a copy of the sample one', () => {
    const base = sampleContext()
    const out = mergeContext(base, { identity: { cognitoIdentityId: 'x' } })
    expect(Object.keys(out.identity as object)).toEqual(['sourceIp', 'userAgent', 'cognitoIdentityId'])
    expect(Object.keys(base.identity as object)).toEqual(['sourceIp', 'userAgent'])
  })

  it('never writes through __proto__ or constructor keys', () => {
    const out = mergeContext(sampleContext(), JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2}') as Record<string, unknown>)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(out, 'constructor')).toBe(false)
  })
})

describe('a render never mutates the caller’s context (the emulator reuses one per connection)', () => {
  it('the authorizer object keeps its number values across messages', () => {
    const authorizer = { principalId: 'u1', n: 1 }
    const context = { authorizer }
    for (let i = 0; i < 3; i++) {
      const r = renderTemplate('#set($x = $context.authorizer.put("added", "yes"))$context.authorizer.n', { context })
      expect(r).toMatchObject({ ok: true, output: '1' })
    }
    expect(authorizer).toEqual({ principalId: 'u1', n: 1 })
  })

  it('adding to a nested list inside the context does not leak to the caller', () => {
    const context = { authorizer: { principalId: 'u1' }, custom: { lists: [[1, 2]] } }
    const r = renderTemplate('#set($x = $context.custom.lists.get(0).add(3))$context.custom.lists.get(0).size()', { context })
    expect(r).toMatchObject({ ok: true, output: '3' })
    expect(context.custom.lists).toEqual([[1, 2]])
  })

  it('a context nested deeper than the bound is a located failure, not a stack overflow', () => {
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < MAX_CONTEXT_DEPTH * 10; i++) {
      const next: Record<string, unknown> = {}
      deep.a = next
      deep = next
    }
    const r = renderTemplate('$context.routeKey', { context: { custom: root } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/nested deeper than 100 levels/)
  })
})
