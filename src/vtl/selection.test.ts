/**
 * Route and template selection, per the WebSocket selection-expression rules:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html
 */
import { describe, expect, it } from 'vitest'
import { aDesign } from '../model/builders'
import type { Integration } from '../model/types'
import { evaluateExpression, parseExpression, selectRoute, selectTemplate, unreachableTemplateKeys } from './selection'

const chat = (expr = '$request.body.action', withDefault = true) => {
  const b = aDesign()
    .with((d) => (d.api.routeSelectionExpression = expr))
    .withMockRoute('connect', '$connect')
    .withMockRoute('send', 'sendmessage')
    .withMockRoute('v1', 'chat/v1')
    .withMockRoute('num', '42')
    .withMockRoute('list', '[a, b]')
  if (withDefault) b.withMockRoute('dflt', '$default')
  return b.build()
}

describe('selection expressions', () => {
  it.each([
    ['$request.body.action', { action: 'x' }, 'x'],
    ['${request.body.action}', { action: 'x' }, 'x'],
    ['$request.body.message.type', { message: { type: 't' } }, 't'],
    ['${request.body.service}/${request.body.version}', { service: 'chat', version: 'v1' }, 'chat/v1'],
    ['${request.body.version}-beta', { version: 2 }, '2-beta'],
    ['$request.body.missing', { a: 1 }, ''],
    ['$request.body.n', { n: 42 }, '42'],
    ['$request.body.b', { b: true }, 'true'],
    ['$request.body.items', { items: ['a', 'b'] }, '[a, b]'],
    ['\\$default', {}, '$default'],
    ['static', {}, 'static'],
  ])('%s → %j', (expr, body, value) => {
    expect(evaluateExpression(expr, body)).toBe(value)
  })

  it('parses escaped dollars and variables with positions', () => {
    expect(parseExpression('\\$a-${request.body.x}')).toEqual([
      { kind: 'text', text: '$a-' },
      { kind: 'var', name: 'request.body.x', start: 4, end: 21 },
    ])
  })
})

describe('selectRoute', () => {
  it('matches the evaluated key exactly', () => {
    expect(selectRoute(chat(), '{"action":"sendmessage"}')).toMatchObject({ ok: true, routeKey: 'sendmessage', routeId: 'send' })
  })
  it('stringifies non-strings (numbers, arrays)', () => {
    expect(selectRoute(chat(), '{"action":42}')).toMatchObject({ ok: true, routeKey: '42' })
    expect(selectRoute(chat(), '{"action":["a","b"]}')).toMatchObject({ ok: true, routeKey: '[a, b]' })
  })
  it('uses static text around variables', () => {
    expect(selectRoute(chat('${request.body.service}/${request.body.v}'), '{"service":"chat","v":"v1"}')).toMatchObject({ ok: true, routeKey: 'chat/v1' })
  })
  it('falls back to $default when nothing matches, the path is missing, or the message is not JSON', () => {
    expect(selectRoute(chat(), '{"action":"nope"}')).toMatchObject({ ok: true, routeKey: '$default', value: 'nope' })
    expect(selectRoute(chat(), '{"other":1}')).toMatchObject({ ok: true, routeKey: '$default', value: '' })
    expect(selectRoute(chat(), 'hello')).toMatchObject({ ok: true, routeKey: '$default' })
  })
  it('never selects $connect from a message', () => {
    expect(selectRoute(chat(), '{"action":"$connect"}')).toMatchObject({ ok: true, routeKey: '$default' })
  })
  it('is an error without a $default route', () => {
    const r = selectRoute(chat(undefined, false), '{"action":"nope"}')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VTL024', severity: 'error' })
    expect(selectRoute(chat(undefined, false), 'not json').ok).toBe(false)
  })
})

describe('selectTemplate', () => {
  const integ = (over: Partial<Integration>): Integration => ({ type: 'aws', ...over })
  it('\\$default selects the $default template', () => {
    expect(selectTemplate(integ({ templateSelectionExpression: '\\$default', requestTemplates: { $default: 'D' } }), '{}')).toMatchObject({ kind: 'template', key: '$default', template: 'D' })
  })
  it('${request.body.type} picks per message type, with $default as the fallback', () => {
    const i = integ({ templateSelectionExpression: '${request.body.type}', requestTemplates: { chat: 'C', typing: 'T', $default: 'D' } })
    expect(selectTemplate(i, '{"type":"typing"}')).toMatchObject({ key: 'typing' })
    expect(selectTemplate(i, '{"type":"other"}')).toMatchObject({ key: '$default', value: 'other' })
    expect(selectTemplate(i, 'not json')).toMatchObject({ key: '$default' })
  })
  it('static expression without a matching key falls back to $default', () => {
    expect(selectTemplate(integ({ templateSelectionExpression: 'request.body.action', requestTemplates: { $default: 'D' } }), '{}')).toMatchObject({ key: '$default' })
  })
  it('passthrough behaviour decides when nothing matches', () => {
    const t = { templateSelectionExpression: '${request.body.type}', requestTemplates: { chat: 'C' } }
    expect(selectTemplate(integ({ ...t }), '{"type":"x"}').kind).toBe('passthrough')
    expect(selectTemplate(integ({ ...t, passthroughBehavior: 'WHEN_NO_MATCH' }), '{"type":"x"}').kind).toBe('passthrough')
    expect(selectTemplate(integ({ ...t, passthroughBehavior: 'NEVER' }), '{"type":"x"}').kind).toBe('rejected')
    expect(selectTemplate(integ({ ...t, passthroughBehavior: 'WHEN_NO_TEMPLATES' }), '{"type":"x"}').kind).toBe('rejected')
    expect(selectTemplate(integ({ passthroughBehavior: 'WHEN_NO_TEMPLATES' }), '{"type":"x"}').kind).toBe('passthrough')
  })
  it('proxy integrations use no template', () => {
    expect(selectTemplate({ type: 'lambda-proxy' }, '{}').kind).toBe('none')
  })
  it('a single template with no expression applies (the CDK sample shape)', () => {
    expect(selectTemplate(integ({ requestTemplates: { 'application/json': 'J' } }), '{}')).toMatchObject({ kind: 'template', key: 'application/json' })
  })
})

describe('unreachableTemplateKeys', () => {
  it.each([
    ['\\$default', ['$default', 'application/json'], ['application/json']],
    ['application/json', ['$default', 'application/json'], ['$default']],
    ['request.body.action', ['$default', 'x'], ['x']],
    ['$default', ['$default', 'x'], ['x']],
    ['${request.body.type}', ['$default', 'chat'], []],
    [undefined, ['a', 'b'], []],
  ])('%s with %j → %j', (expr, keys, dead) => {
    expect(unreachableTemplateKeys(expr, keys)).toEqual(dead)
  })
})
