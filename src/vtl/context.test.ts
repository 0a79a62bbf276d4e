import { describe, expect, it } from 'vitest'
import { identityMap, mergeContext, sampleContext, MAX_CONTEXT_DEPTH } from './context'
import { renderTemplate } from './render'

describe('mergeContext is copy-on-write', () => {
  it('leaves the base and the overrides untouched, and copies only the written path', () => {
    const base = sampleContext()
    const before = structuredClone(base)
    const overrides = { 'identity.sourceIp': '198.51.100.7', stage: 'prod' }
    const out = mergeContext(base, overrides)
    expect(base).toEqual(before)
    expect(overrides).toEqual({ 'identity.sourceIp': '198.51.100.7', stage: 'prod' })
    expect(out.identity).toEqual({ ...(before.identity as object), sourceIp: '198.51.100.7' })
    expect(out.identity).not.toBe(base.identity)
    // Not written, so shared rather than cloned.
    expect(out.error).toBe(base.error)
  })

  it('two dotted writes under the same parent land in one copy', () => {
    const base = sampleContext()
    const out = mergeContext(base, { 'identity.sourceIp': '1', 'identity.userAgent': '2' })
    expect(out.identity).toMatchObject({ sourceIp: '1', userAgent: '2', caller: null })
    expect((base.identity as Record<string, unknown>).sourceIp).toBe('203.0.113.10')
  })

  it('a nested object override merges into a copy of the sample one', () => {
    const base = sampleContext()
    const out = mergeContext(base, { identity: { cognitoIdentityId: 'x', custom: 'y' } })
    expect(out.identity).toMatchObject({ cognitoIdentityId: 'x', custom: 'y', sourceIp: '203.0.113.10' })
    expect((base.identity as Record<string, unknown>).cognitoIdentityId).toBeNull()
    expect(Object.keys(base.identity as object)).not.toContain('custom')
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

/** Two Lambda proxy events recorded on AWS: a 2019 $connect (eu-west-1) and a 2020 MESSAGE (ap-southeast-2). */
const RECORDED_IDENTITY_ORDER = 'cognitoIdentityPoolId cognitoIdentityId principalOrgId cognitoAuthenticationType userArn userAgent accountId caller sourceIp accessKey cognitoAuthenticationProvider user'

describe('$context.identity as AWS records it', () => {
  it('holds every identity field in the recorded HashMap order, null where the caller has none', () => {
    const identity = identityMap({ sourceIp: '203.0.113.10', userAgent: 'ua' })
    expect(Object.keys(identity).join(' ')).toBe(RECORDED_IDENTITY_ORDER)
    expect(identity).toMatchObject({ sourceIp: '203.0.113.10', userAgent: 'ua', caller: null, accountId: null })
  })

  it('prints as a Java map, and a null field prints nothing', () => {
    const r = renderTemplate('$context.identity|$context.identity.caller|$context.identity.keySet().size()', { context: { identity: identityMap({ sourceIp: '1.2.3.4' }) } })
    expect(r).toMatchObject({
      ok: true,
      output: '{cognitoIdentityPoolId=null, cognitoIdentityId=null, principalOrgId=null, cognitoAuthenticationType=null, userArn=null, userAgent=null, accountId=null, caller=null, sourceIp=1.2.3.4, accessKey=null, cognitoAuthenticationProvider=null, user=null}||12',
    })
  })

  it('an API key lands where a 32-bucket HashMap iterates it', () => {
    const keys = Object.keys(identityMap({ sourceIp: 'x', apiKey: 'k', apiKeyId: 'id' }))
    // String.hashCode spreads "apiKey" to bucket 4 (behind principalOrgId, inserted first) and "apiKeyId" to 9.
    expect(keys.slice(0, 8)).toEqual(['cognitoIdentityPoolId', 'cognitoIdentityId', 'principalOrgId', 'apiKey', 'cognitoAuthenticationType', 'userArn', 'apiKeyId', 'userAgent'])
    expect(keys).toHaveLength(14)
  })
})
