/**
 * AsyncAPI documents we did not export (see __corpus__/README.md for where each pattern comes from) import
 * cleanly: no import errors, the routes, models, replies, stages and server messages their operations describe,
 * and a design whose only check errors are the things an import cannot know (the authorizer's function).
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../model/checks'
import { parseDocument } from '../model/document/parse'
import { serializeDocument } from '../model/document/serialize'
import type { Design } from '../model/types'
import { importAsyncApiForDialog, importAsyncApiText } from './importText'

const CORPUS = join(__dirname, '__corpus__')

async function load(file: string): Promise<{ design: Design; codes: string[]; checkErrors: string[] }> {
  const r = await importAsyncApiText(readFileSync(join(CORPUS, file), 'utf8'))
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '))
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  // The imported design is a valid design file.
  const again = parseDocument(serializeDocument(r.document))
  expect(again.ok).toBe(true)
  const checkErrors = checkDocument(r.document).filter((d) => d.severity === 'error').map((d) => d.code)
  return { design: r.document.design, codes: r.diagnostics.map((d) => d.code), checkErrors }
}

const keys = (d: Design) => Object.values(d.routes).map((r) => r.key).sort()

describe('AsyncAPI corpus', () => {
  it('exchange-request-reply: event pinned by const → routes, replies from the reply channel, a server push', async () => {
    const { design, checkErrors } = await load('exchange-request-reply.yaml')
    expect(design.api.routeSelectionExpression).toBe('$request.body.event')
    expect(keys(design)).toEqual(['ping', 'subscribe'])
    expect(design.routes.ping).toMatchObject({ twoWay: true, requestModels: { ping: 'ping' }, responseModels: { $default: 'pong' } })
    expect(design.routes.subscribe.responseModels).toEqual({ $default: 'subscribeReply' })
    expect(Object.values(design.messages).map((m) => m.name)).toEqual(['heartbeat'])
    expect(Object.values(design.stages)).toEqual([{ name: 'v2', autoDeploy: true }])
    // draft 6 numeric exclusiveMinimum → draft 4 boolean form, $refs inlined, const → enum.
    const ping = Object.values(design.models).find((m) => m.name === 'ping')!.schema as { properties: Record<string, unknown> }
    expect(ping.properties.reqid).toEqual({ type: 'integer', minimum: 0, exclusiveMinimum: true })
    expect(ping.properties.event).toEqual({ type: 'string', enum: ['ping'] })
    expect(checkErrors).toEqual([])
  })

  it('market-stream: a server-only stream → a server message and $connect with the query binding', async () => {
    const { design, checkErrors } = await load('market-stream.yaml')
    expect(keys(design)).toEqual(['$connect'])
    expect(Object.values(design.routes)[0].requestParameters).toEqual({
      'route.request.querystring.heartbeat': { required: false },
      'route.request.querystring.trades': { required: false },
    })
    expect(Object.values(design.messages).map((m) => m.name)).toEqual(['marketData'])
    expect(checkErrors).toEqual([])
  })

  it('team-chat-rtm: one-value type enums, a query token → a Lambda authorizer to wire', async () => {
    const { design, codes, checkErrors } = await load('team-chat-rtm.yaml')
    expect(design.api.routeSelectionExpression).toBe('$request.body.type')
    expect(keys(design)).toEqual(['$connect', 'message', 'typing'])
    expect(Object.values(design.authorizers)).toEqual([{ type: 'lambda', identitySource: ['route.request.querystring.token'], name: 'token' }])
    expect(Object.values(design.routes).find((r) => r.key === '$connect')!.authorizer).toBe('token')
    expect(Object.values(design.messages).map((m) => m.name).sort()).toEqual(['hello', 'message'])
    expect(codes).toContain('AAI008')
    expect(checkErrors).toEqual(['MDL036'])
  })

  it('rpc-headers.json: JSON, const without type, a catch-all → $default, header binding, non-WebSocket server skipped', async () => {
    const { design, codes, checkErrors } = await load('rpc-headers.json')
    expect(design.api.routeSelectionExpression).toBe('$request.body.method')
    expect(keys(design)).toEqual(['$connect', '$default', 'sum'])
    expect(design.routes.sum).toMatchObject({ twoWay: true, responseModels: { $default: 'sumResult' } })
    expect(Object.values(design.stages).map((s) => s.name)).toEqual(['staging', 'prod'])
    expect(codes).toContain('AAI006')
    expect(checkErrors).toEqual([])
  })

  it('legacy-2x-chat: AsyncAPI 2.6 converted with @asyncapi/converter; oneOf messages → one route each', async () => {
    const { design, codes, checkErrors } = await load('legacy-2x-chat.yaml')
    expect(codes).toContain('AAI010')
    expect(keys(design)).toEqual(['join', 'say'])
    expect(Object.values(design.models).map((m) => m.name).sort()).toEqual(['join', 'say'])
    expect(Object.keys(design.messages)).toHaveLength(1)
    expect(checkErrors).toEqual([])
  })

  it('hostile: prototype keys stay data, token look-alikes stay text, recursion is cut', async () => {
    const { design, checkErrors } = await load('hostile.yaml')
    expect(Object.getPrototypeOf(design.routes)).toBe(Object.prototype)
    expect(keys(design)).toEqual(['${Token[TOKEN.3]}', '__proto__'])
    expect(design.api.name).toBe('${Token[TOKEN.3]}')
    const model = Object.values(design.models).find((m) => Object.keys((m.schema as { properties: object }).properties).includes('__proto__'))
    expect(model).toBeDefined()
    // A custom key starting with $ is the document's own mistake: reported, never dropped.
    expect(checkErrors).toEqual(['MDL002'])
  })

  it('the import dialog gets the same import, with every entity listed', async () => {
    const r = await importAsyncApiForDialog(readFileSync(join(CORPUS, 'rpc-headers.json'), 'utf8'))
    if (!r.ok) throw new Error('import failed')
    expect(r.format).toBe('json')
    expect(r.summary.imported.map((i) => i.detail)).toEqual(expect.arrayContaining(['route sum', 'model sumResult', 'stage prod']))
    expect(r.summary.generated.every((g) => g.type === 'Mock placeholder')).toBe(true)
  })

  it('refuses what is not AsyncAPI 3 or 2', async () => {
    const r = await importAsyncApiText('asyncapi: 1.2.0\ninfo: {title: x, version: "1"}\n')
    expect(r.ok).toBe(false)
  })
})
