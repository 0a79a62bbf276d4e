import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeUniqueId, nodeUniqueId } from '../ir/logicalIds'
import { md5Hex } from '../ir/md5'

describe('md5Hex', () => {
  it('matches node:crypto on arbitrary text (including astral characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => md5Hex(s) === createHash('md5').update(s, 'utf8').digest('hex')),
      { numRuns: 300 },
    )
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(md5Hex('a'.repeat(1000))).toBe(createHash('md5').update('a'.repeat(1000)).digest('hex'))
  })
})

describe('makeUniqueId (CDK logical ids, values from real synths of aws-cdk-lib 2.276)', () => {
  it.each([
    [['mywsapi', 'Resource'], 'mywsapi32E6CE11'],
    [['mywsapi', '$connect-Route', 'Resource'], 'mywsapiconnectRoute45A0ED6A'],
    [['mywsapi', '$connect-Route', 'DynamodbPutItem', 'Resource'], 'mywsapiconnectRouteDynamodbPutItem9E189A39'],
    [['Table', 'Resource'], 'TableCD117FA1'],
    [['ApiGatewayRole', 'DefaultPolicy', 'Resource'], 'ApiGatewayRoleDefaultPolicyC1776BBE'],
    [['mystage', 'Resource'], 'mystage114C35EC'],
    [['ChatApi', '$default-Route', 'Response'], 'ChatApidefaultRouteResponse97066C49'],
    [['PingIntegrationResponse'], 'PingIntegrationResponse'],
  ])('%j → %s', (path, id) => {
    expect(makeUniqueId(path)).toBe(id)
  })

  it('drops Default components and repeated suffixes from the human part, but hashes the full path', () => {
    expect(makeUniqueId(['Api', 'Default', 'Resource'])).toBe(makeUniqueId(['Api', 'Resource']))
    expect(makeUniqueId(['FnRole', 'Role', 'Resource'])).toMatch(/^FnRole[0-9A-F]{8}$/)
  })

  it('nodeUniqueId includes the stack (authorizer permission ids)', () => {
    expect(`${nodeUniqueId('Example3Stack', ['Api', 'Authorizer'])}`).toBe('Example3StackApiAuthorizer43724554')
  })
})
