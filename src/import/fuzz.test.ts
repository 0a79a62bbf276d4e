import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { importTemplateSync, type ImportResult } from './importTemplate'
import { load } from 'js-yaml'
import type { Json } from '../model/types'
import { parseDocument } from '../model/document/parse'
import { serializeDocument } from '../model/document/serialize'
import { cfnSchema, MAX_TEMPLATE_BYTES } from './parseTemplate'
import { handwrittenTemplate } from './__fixtures__/fixtures'

const IMP_CODE = /^IMP\d{3}$/

/** Every outcome is data: a document, or errors with IMP codes and messages; never a throw or IMP099 (a bug). */
function expectClean(r: ImportResult): void {
  if (r.ok) {
    expect(r.document.design.api).toBeDefined()
    for (const d of r.diagnostics) expect(d.code).toMatch(IMP_CODE)
    // The design is a valid design file: it serialises and parses back without shape errors.
    const parsed = parseDocument(serializeDocument(r.document))
    if (!parsed.ok) throw new Error(`imported design does not re-parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`)
    return
  }
  expect(r.errors.length).toBeGreaterThan(0)
  for (const e of r.errors) {
    expect(e.code).toMatch(IMP_CODE)
    expect(e.code).not.toBe('IMP099')
    expect(e.message.length).toBeGreaterThan(0)
  }
}

const API = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } }
const TYPES = ['Route', 'Integration', 'IntegrationResponse', 'RouteResponse', 'Authorizer', 'Stage', 'Deployment', 'DomainName', 'ApiMapping', 'Model'].map((t) => `AWS::ApiGatewayV2::${t}`)
  .concat(['AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Lambda::Permission', 'AWS::Logs::LogGroup'])
const PROPS = ['ApiId', 'RouteKey', 'Target', 'IntegrationType', 'IntegrationUri', 'RequestTemplates', 'CredentialsArn', 'AuthorizationType', 'AuthorizerId',
  'StageName', 'DefaultRouteSettings', 'AccessLogSettings', 'IntegrationId', 'RouteId', 'DomainName', 'Stage', 'KeySchema', 'AttributeDefinitions',
  'FunctionName', 'SourceArn', 'Roles', 'PolicyDocument', 'Code', 'Role', 'Name', 'Schema', '__proto__', 'constructor']

const leaf = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('Api', 'X', '$default', 'integrations/', 'AWS::Region'))
const intrinsic = (inner: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.record({ Ref: fc.constantFrom('Api', 'R0', 'R1', 'Missing', 'AWS::Region') }),
    fc.record({ 'Fn::GetAtt': fc.tuple(fc.constantFrom('Api', 'R0', 'R1'), fc.constantFrom('Arn', 'ApiEndpoint', 'QueueName')) }),
    fc.record({ 'Fn::Sub': fc.constantFrom('integrations/${R0}', '${Api}', '${!x}', '${', 'arn:${AWS::Partition}:x') }),
    fc.record({ 'Fn::Join': fc.tuple(fc.constantFrom('', '/'), fc.array(inner, { maxLength: 3 })) }),
    fc.dictionary(fc.constantFrom('Fn::If', 'Fn::Nope', 'Condition', 'Fn::Select'), inner, { maxKeys: 1 }),
  )
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, intrinsic(tie('v')), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...PROPS), tie('v'), { maxKeys: 4 })),
})).v
const resource = fc.record({ Type: fc.oneof(fc.constantFrom(...TYPES), leaf), Properties: fc.oneof(fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 6 }), value) }, { requiredKeys: ['Type'] })

describe('import fuzz: malformed and hostile templates give a clean result every time', () => {
  it('random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => expectClean(importTemplateSync(text))), { numRuns: 300 })
  })

  it('random YAML-ish text with CloudFormation tags', () => {
    const token = fc.constantFrom('Resources:', '\n  ', 'Api:', 'Type: ', '!Ref ', '!Sub ', '!GetAtt ', '!Foo ', '[', ']', '{', '}', '&a ', '*a ', '- ', ': ', '"', "'", 'AWS::ApiGatewayV2::Route', 'x', '\t', '#')
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (parts) => expectClean(importTemplateSync(parts.join('')))), { numRuns: 300 })
  })

  it('random resources around a valid API', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('R0', 'R1', 'R2', 'R3', '__proto__', 'constructor'), fc.oneof(resource, value), { maxKeys: 5 }), (resources) => {
        const text = JSON.stringify({ Resources: { Api: API, ...resources } })
        const r = importTemplateSync(text)
        expectClean(r)
        // The API itself is valid, so the import must succeed: broken neighbours are skipped, not fatal.
        expect(r.ok).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('deep nesting', () => {
    const depth = 5000
    expectClean(importTemplateSync(`${'['.repeat(depth)}${']'.repeat(depth)}`))
    expectClean(importTemplateSync(`{"Resources": {"Api": ${JSON.stringify(API)}, "X": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`))
    const r = importTemplateSync(`${'a:\n'.split('').join('')}${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1`)
    expectClean(r)
    expect(r.ok).toBe(false)
  })

  it('huge strings and oversize files', () => {
    const big = 'x'.repeat(2_000_000)
    const r = importTemplateSync(JSON.stringify({ Resources: { Api: { ...API, Properties: { ...API.Properties, Description: big } } } }))
    expectClean(r)
    expect(r.ok && r.document.design.api.description?.length).toBe(2_000_000)
    const over = importTemplateSync(`# ${'y'.repeat(MAX_TEMPLATE_BYTES + 10)}`)
    expect(over.ok ? 'ok' : over.errors[0].code).toBe('IMP001')
  })

  it('__proto__ and constructor keys stay plain data', () => {
    const text = `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: a
      ProtocolType: WEBSOCKET
      __proto__: {polluted: true}
      constructor: {prototype: {polluted: true}}
  __proto__:
    Type: AWS::SNS::Topic
Parameters:
  __proto__: {Type: String}
`
    const r = importTemplateSync(text)
    expectClean(r)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    if (!r.ok) throw new Error('expected ok')
    expect(Object.keys(r.document.design.api.cfnExtra ?? {})).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(r.document.design.api.cfnExtra)).toBe(Object.prototype)
    expect(Object.keys(r.document.design.cloudformation?.Parameters ?? {})).toEqual(['__proto__'])
    expect(r.summary.skipped.map((s) => s.logicalId)).toEqual(['__proto__'])
  })

  it('YAML alias bombs are refused', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`)
    lines.push('Resources: {Api: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: *a11, ProtocolType: WEBSOCKET}}}')
    const r = importTemplateSync(lines.join('\n'))
    expectClean(r)
    expect(r.ok ? 'ok' : r.errors[0].code).toBe('IMP003')
    // Few aliases but a huge expansion: caught by the node budget.
    const wide = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 7; i++) wide.push(`a${i}: &a${i} [${Array(20).fill(`*a${i - 1}`).join(', ')}]`)
    wide.push('Resources: {X: *a6}')
    const w = importTemplateSync(wide.join('\n'))
    expectClean(w)
    expect(w.ok ? 'ok' : w.errors[0].code).toBe('IMP003')
  })
})

describe('import fuzz: mutated real templates', () => {
  const bases = [handwrittenTemplate('handwritten.yaml'), handwrittenTemplate('handwritten-auth.yaml'), handwrittenTemplate('handwritten-plain.yaml')].map(
    (t) => JSON.parse(JSON.stringify(load(t, { schema: cfnSchema() }))) as Json,
  )
  /** Every path to a value inside a template. */
  function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(at)
    if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...at, k], out)
    return out
  }
  function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
    if (!path.length) return value ?? null
    const copy = structuredClone(root) as Record<string | number, Json>
    let node = copy as Record<string | number, Json>
    for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, Json>
    const last = path[path.length - 1]
    if (value === undefined) {
      if (Array.isArray(node)) node.splice(last as number, 1)
      else delete node[last]
    } else node[last] = value
    return copy as Json
  }
  const replacement = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom<Json>(null, 0, -1, 1.5, true, '', 'x', [], {}, [1, 2], { Ref: 'Missing' }, { Ref: 'Api' }, { 'Fn::GetAtt': ['Api', 'Nope'] },
      { 'Fn::Sub': '${Nope}' }, { 'Fn::Join': ['', [{ Ref: 'AWS::Region' }]] }, { 'Fn::Unknown': 1 }, { Ref: 'AWS::NoValue' }, '$default', 'AWS::ApiGatewayV2::Api'),
  )

  it('replacing or deleting any value gives a clean result', () => {
    const cases = bases.map((b) => ({ base: b, all: paths(b) }))
    fc.assert(
      fc.property(fc.nat(cases.length - 1), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 4 }), (which, edits) => {
        let t = cases[which].base
        for (const [n, value] of edits) {
          const all = paths(t)
          t = setAt(t, all[n % all.length], value)
        }
        expectClean(importTemplateSync(JSON.stringify(t)))
      }),
      { numRuns: 1500 },
    )
  })
})
