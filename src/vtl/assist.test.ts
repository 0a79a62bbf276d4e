import { describe, expect, it } from 'vitest'
import { aDesign } from '../model/builders'
import { applyPreset } from '../model/presets'
import { completionsAt, hoverAt } from './assist'
import { templateOptionsFor } from './designOptions'
import { testMessage } from './testMessage'
import { validateTemplate } from './validate'

const at = (withCursor: string) => ({ text: withCursor.replace('|', ''), offset: withCursor.indexOf('|') })
const labels = (withCursor: string, opts = {}) => {
  const { text, offset } = at(withCursor)
  return completionsAt(text, offset, opts).items.map((i) => i.label)
}

describe('completionsAt', () => {
  it('offers the roots after $', () => {
    expect(labels('{"a": "$|"}')).toEqual(['context', 'input', 'util', 'stageVariables'])
    expect(labels('$con|')).toEqual(['context'])
  })
  it('offers context children level by level', () => {
    expect(labels('$context.|')).toEqual(expect.arrayContaining(['connectionId', 'identity', 'authorizer', 'requestTimeEpoch']))
    expect(labels('$context.identity.s|')).toEqual(['sourceIp'])
    expect(labels('${context.conn|')).toEqual(['connectionId', 'connectedAt'])
  })
  it('offers $input/$util members as snippets and stage variable names', () => {
    const { text, offset } = at("$input.p|")
    const c = completionsAt(text, offset)
    expect(c.items.map((i) => i.label)).toEqual(['path', 'params'])
    expect(c.from).toBe(offset - 1)
    expect(c.items[0]).toMatchObject({ kind: 'function', snippet: true })
    expect(labels('$util.url|')).toEqual(['urlEncode', 'urlDecode'])
    expect(labels('$stageVariables.|', { stageVariableNames: ['table', 'queue'] })).toEqual(['table', 'queue'])
  })
  it('offers directives after #', () => {
    expect(labels('#fo|')).toEqual(['#foreach'])
    expect(labels('#|')).toContain('#if')
  })
})

describe('hoverAt', () => {
  it('documents context variables and flags REST-only ones', () => {
    const t = '{"a": "$context.identity.sourceIp", "b": "$context.httpMethod"}'
    expect(hoverAt(t, t.indexOf('sourceIp') + 2)?.markdown).toMatch(/^`\$context\.identity\.sourceIp`\n\nSource IP/)
    expect(hoverAt(t, t.indexOf('httpMethod') + 2)?.markdown).toMatch(/REST only/)
    expect(hoverAt(t, 2)).toBeUndefined()
  })
  it('documents $util and $input members', () => {
    const t = "$util.urlEncode($input.json('$.a'))"
    expect(hoverAt(t, 8)?.markdown).toMatch(/URLEncoder/)
    expect(hoverAt(t, t.indexOf('json'))?.markdown).toMatch(/JSON text/)
  })
})

describe('templateOptionsFor + testMessage on a wired design', () => {
  const design = () => {
    const d = aDesign('chat')
      .withStage('dev', { name: 'dev', stageVariables: { env: 'dev' } })
      .withResource('table', { type: 'dynamodb-table', tableName: 'Rooms', partitionKey: { name: 'roomId', type: 'S' } })
      .withIntegration('update', { type: 'aws' })
      .withRoute('send', { key: 'sendmessage', integration: 'update' })
      .withMockRoute('dflt', '$default')
      .build()
    return applyPreset(d, 'update', 'dynamodb-updateitem', 'table')
  }
  it('derives the options from the design', () => {
    const o = templateOptionsFor(design(), 'update', '$default')
    expect(o).toMatchObject({ routeKey: 'sendmessage', service: 'dynamodb', integrationType: 'aws', templateSelectionExpression: '\\$default', templateKeys: ['$default'], stageVariables: { env: 'dev' } })
    const d = design()
    expect(validateTemplate(d.integrations.update.requestTemplates!.$default, o)).toEqual([])
    expect(validateTemplate('$stageVariables.nope', templateOptionsFor(d, 'update', '$default')).map((x) => x.code)).toContain('VTL018')
  })
  it('testMessage: route → template → pretty JSON request with the physical table name', () => {
    const r = testMessage(design(), { message: '{"action":"sendmessage","roomId":"r1","message":"hi"}', context: { requestTimeEpoch: 1700000000000 } })
    expect(r.route).toMatchObject({ key: 'sendmessage', id: 'send' })
    expect(r.template).toMatchObject({ kind: 'template', key: '$default' })
    expect(r.request?.isJson).toBe(true)
    expect(JSON.parse(r.request!.body)).toEqual({
      TableName: 'Rooms',
      Key: { roomId: { S: 'r1' } },
      UpdateExpression: 'SET lastMessage = :m, updatedAt = :t',
      ExpressionAttributeValues: { ':m': { S: 'hi' }, ':t': { N: '1700000000000' } },
    })
    expect(r.request!.pretty.split('\n').length).toBeGreaterThan(5)
    expect(r.diagnostics).toEqual([])
  })
  it('testMessage: unmatched messages go to $default (mock), non-JSON too; errors come back as diagnostics', () => {
    expect(testMessage(design(), { message: 'plain' }).route?.key).toBe('$default')
    const noDefault = design()
    delete noDefault.routes.dflt
    const r = testMessage(noDefault, { message: '{"action":"x"}' })
    expect(r.route).toBeUndefined()
    expect(r.diagnostics[0]).toMatchObject({ code: 'VTL024', severity: 'error' })
    expect(testMessage(design(), { message: '', routeKey: '$nope' }).diagnostics[0]).toMatchObject({ code: 'VTL026', severity: 'error' })
    const bare = design()
    bare.routes.bare = { key: 'bare' }
    expect(testMessage(bare, { message: '{"action":"bare"}' }).diagnostics).toEqual([expect.objectContaining({ code: 'VTL025', severity: 'info', entity: 'bare' })])
  })
  it('testMessage: a template error is located and attached to the integration', () => {
    const d = design()
    d.integrations.update.requestTemplates = { $default: '{"a": "$context.httpMethod"}' }
    const r = testMessage(d, { message: '{"action":"sendmessage"}' })
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'VTL008', entity: 'update', field: 'requestTemplates.$default', range: expect.objectContaining({ line: 1, column: 8 }) })])
  })
  it('testMessage: passthrough and rejection follow the passthrough behaviour', () => {
    const d = design()
    d.integrations.update.templateSelectionExpression = '${request.body.type}'
    d.integrations.update.requestTemplates = { chat: '{}' }
    d.integrations.update.passthroughBehavior = 'WHEN_NO_MATCH'
    const pass = testMessage(d, { message: '{"action":"sendmessage","type":"other"}' })
    expect(pass.template?.kind).toBe('passthrough')
    expect(pass.request?.body).toBe('{"action":"sendmessage","type":"other"}')
    d.integrations.update.passthroughBehavior = 'NEVER'
    const rej = testMessage(d, { message: '{"action":"sendmessage","type":"other"}' })
    expect(rej.template?.kind).toBe('rejected')
    expect(rej.request).toBeUndefined()
  })
  it('testMessage: $connect sees headers and query strings', () => {
    const d = design()
    d.routes.connect = { key: '$connect', integration: 'cInt' }
    d.integrations.cInt = { type: 'mock', templateSelectionExpression: '\\$default', requestTemplates: { $default: '{"statusCode": 200, "room": "$input.params(\'room\')"}' } }
    const r = testMessage(d, { message: '', routeKey: '$connect', params: { querystring: { room: 'lobby' } } })
    expect(JSON.parse(r.request!.body)).toEqual({ statusCode: 200, room: 'lobby' })
    expect(r.diagnostics).toEqual([])
  })
})
