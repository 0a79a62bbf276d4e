/**
 * References are user text. An id named like an Object.prototype member must read as missing, the
 * same as any other unknown id, wherever a reference is followed.
 */
import { describe, expect, it } from 'vitest'
import { templateOptionsFor } from '../vtl/designOptions'
import { testMessage } from '../vtl/testMessage'
import { aDesign } from './builders'
import { authorizerPermission, integrationPermission } from './permissions'
import { ownEntry } from './queries'

const PROTOTYPE_NAMES = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__']

describe('ownEntry', () => {
  it('finds own keys, including ones named like prototype members', () => {
    const map: Record<string, number> = { a: 1 }
    Object.defineProperty(map, '__proto__', { value: 2, enumerable: true })
    map.toString = 3 as never
    expect(ownEntry(map, 'a')).toBe(1)
    expect(ownEntry(map, '__proto__')).toBe(2)
    expect(ownEntry(map, 'toString')).toBe(3)
  })

  it.each(PROTOTYPE_NAMES)('reads %s as missing when the map does not hold it', (name) => {
    expect(ownEntry({ a: 1 }, name)).toBeUndefined()
    expect(ownEntry({ a: 1 }, undefined)).toBeUndefined()
  })
})

describe.each(PROTOTYPE_NAMES)('a reference named %s that the design does not hold', (name) => {
  const design = aDesign('api')
    .withIntegration('real', { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' } })
    .withRoute('ping', { key: 'ping', integration: name, twoWay: true })
    .build()

  it('is a missing integration in the message tester, as an unknown id is', () => {
    const result = testMessage(design, { message: '{"action":"ping"}', routeKey: 'ping' })
    const unknown = testMessage({ ...design, routes: { ping: { key: 'ping', integration: 'nope', twoWay: true } } }, { message: '{"action":"ping"}', routeKey: 'ping' })
    expect(result.request).toBeUndefined()
    expect(result.diagnostics.map((d) => d.code)).toEqual(['VTL025'])
    expect(result.diagnostics[0].message).toContain(JSON.stringify(name))
    expect(unknown.request).toBeUndefined()
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['VTL025'])
  })

  it('has no permission to derive', () => {
    expect(integrationPermission(design, name)).toEqual({ ok: false, reason: `no integration "${name}"` })
    expect(authorizerPermission(design, name)).toEqual({ ok: false, reason: `no authorizer "${name}"` })
  })

  it('gives a template only its key as options', () => {
    expect(templateOptionsFor(design, name, '$default')).toEqual({ templateKey: '$default' })
  })

  it('names no permission rule when the service is so named', () => {
    const withService = aDesign('api').withIntegration('i', { type: 'aws', service: name, action: 'PutItem' }).build()
    expect(integrationPermission(withService, 'i')).toEqual({ ok: false, reason: `no permission rule for service "${name}"` })
  })
})
