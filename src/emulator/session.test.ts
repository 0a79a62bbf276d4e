/**
 * The emulator core, one behaviour per test, each with the AWS source it follows (see the comments in the
 * modules and websocket-rules.md). Runs with a recording host and fake Lambda functions; no sockets.
 */

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../model/document/parse'
import type { Design } from '../model/types'
import { sequentialIds } from './ids'
import { RecordingHost, type FakeFunction } from './recordingHost'
import { EmulatorSession } from './session'
import type { EmulatorOptions, TimelineEvent } from './types'

function example(name: string): Design {
  const parsed = parseDocument(readFileSync(resolve(__dirname, '../../examples', `${name}.yaml`), 'utf8'))
  if (!parsed.ok) throw new Error(name)
  return parsed.document.design
}

function session(design: Design, functions: Record<string, FakeFunction> = {}, opts: Partial<EmulatorOptions> = {}) {
  const host = new RecordingHost(functions, opts.host ? undefined : undefined)
  const events: TimelineEvent[] = []
  let clock = Date.UTC(2026, 0, 15, 12, 0, 0)
  const s = new EmulatorSession({ design, host, newId: sequentialIds(), now: () => clock, onEvent: (e) => events.push(e), ...opts })
  return { s, host, events, tick: (ms: number) => (clock += ms) }
}

const frames = (host: RecordingHost) => host.sent.map((m) => m.data)

describe('messages', () => {
  it('MOCK two-way route: the request template statusCode selects the integration response; its template is the reply (websocket-rules.md §6)', async () => {
    const { s, host } = session(example('mock-ping'))
    const c = await s.connect({})
    if (!c.ok) throw new Error('connect')
    await s.message(c.connectionId, '{"action":"ping"}')
    expect(JSON.parse(frames(host)[0])).toEqual({ action: 'pong', connectionId: c.connectionId, at: Date.UTC(2026, 0, 15, 12, 0, 0) })
  })

  it('a message that is not JSON goes to $default (websocket-rules.md §3.1)', async () => {
    const { s, host, events } = session(example('mock-ping'))
    const c = await s.connect({})
    await s.message(c.connectionId, 'plain text')
    expect(frames(host)[0]).toContain('unknown action')
    expect(events.find((e) => e.kind === 'route')?.entity).toBe('default')
  })

  it('no matching route and no $default: the Forbidden error frame with connectionId and requestId (recorded, aws-samples/simple-websockets-chat-app#24)', async () => {
    const design = example('seed')
    delete design.routes.default // the seed's $default route would take the message
    const { s, host } = session(design)
    const c = await s.connect({})
    await s.message(c.connectionId, '{"action":"nope"}')
    const frame = JSON.parse(frames(host)[0])
    expect(frame).toEqual({ message: 'Forbidden', connectionId: c.connectionId, requestId: expect.stringMatching(/^id\d+=$/) })
  })

  it('binary frames close the connection with 1003 (websocket-rules.md §5.6)', async () => {
    const { s, host } = session(example('mock-ping'))
    const c = await s.connect({})
    await s.message(c.connectionId, '', { binary: true, bytes: 4 })
    expect(host.closed[0]).toMatchObject({ code: 1003 })
  })

  it('a message over 128 KB closes with 1009, then $disconnect runs with that status (quotas page; websocket-rules.md §11)', async () => {
    const design = example('chat')
    const seen: string[] = []
    const { s, host } = session(design, { handler: (ev) => void seen.push(JSON.stringify((ev as { requestContext: object }).requestContext)) })
    const c = await s.connect({})
    await s.message(c.connectionId, 'x'.repeat(128 * 1024 + 1))
    expect(host.closed[0]).toMatchObject({ code: 1009, reason: 'Message too big' })
    expect(JSON.parse(seen.pop()!)).toMatchObject({ eventType: 'DISCONNECT', disconnectStatusCode: 1009, disconnectReason: 'Message too big' })
  })

  it('a frame over 32 KB closes with 1009 even when the message is under 128 KB; 32 KB frames of a 100 KB message pass (quotas page)', async () => {
    const { s, host } = session(example('mock-ping'))
    const ok = await s.connect({})
    const big = `{"action":"ping","pad":"${'x'.repeat(100 * 1024)}"}`
    await s.message(ok.connectionId, big, { largestFrameBytes: 32 * 1024 })
    expect(host.closed).toEqual([])
    expect(JSON.parse(frames(host)[0])).toMatchObject({ action: 'pong' })
    await s.message(ok.connectionId, big, { largestFrameBytes: 32 * 1024 + 1 })
    expect(host.closed[0]).toMatchObject({ connectionId: ok.connectionId, code: 1009, reason: 'Message too big' })
  })

  it('without frame sizes a message is one frame (browsers do not fragment): 33 KB closes with 1009', async () => {
    const { s, host } = session(example('mock-ping'))
    const c = await s.connect({})
    await s.message(c.connectionId, `{"action":"ping","pad":"${'x'.repeat(33 * 1024)}"}`)
    expect(host.closed[0]).toMatchObject({ code: 1009 })
  })

  it('limits are configurable: a smaller message limit closes earlier', async () => {
    const { s, host } = session(example('mock-ping'), {}, { limits: { maxMessageBytes: 10 } })
    const c = await s.connect({})
    await s.message(c.connectionId, '{"action":"ping"}')
    expect(host.closed[0].code).toBe(1009)
  })

  it('idle timeout (10 min) and connection duration (2 h) close with 1001 Going away', async () => {
    const { s, host, tick } = session(example('mock-ping'))
    const a = await s.connect({})
    tick(9 * 60 * 1000)
    await s.sweep()
    expect(host.closed).toHaveLength(0)
    tick(60 * 1000)
    await s.sweep()
    expect(host.closed[0]).toMatchObject({ connectionId: a.connectionId, code: 1001 })
    const b = await s.connect({})
    for (let i = 0; i < 14; i++) {
      tick(9 * 60 * 1000)
      await s.message(b.connectionId, '{"action":"ping"}')
      await s.sweep()
    }
    expect(host.closed[1]).toMatchObject({ connectionId: b.connectionId, code: 1001 })
  })

  it('the template sees the full WebSocket $context and the stage variables', async () => {
    const design = example('mock-ping')
    design.stages.dev.stageVariables = { env: 'test' }
    design.integrations.pingMock.responses!.$default.templates!.$default =
      '{"c":"$context.connectionId","r":"$context.requestId","m":"$context.messageId","k":"$context.routeKey","t":"$context.eventType","s":"$context.stage","d":"$context.domainName","ip":"$context.identity.sourceIp","dir":"$context.messageDirection","env":"$stageVariables.env","at":$context.connectedAt}'
    const { s, host } = session(design, {}, { domainName: 'example.test' })
    const c = await s.connect({ sourceIp: '198.51.100.7' })
    await s.message(c.connectionId, '{"action":"ping"}')
    expect(JSON.parse(frames(host)[0])).toMatchObject({ c: c.connectionId, k: 'ping', t: 'MESSAGE', s: 'dev', d: 'example.test', ip: '198.51.100.7', dir: 'IN', env: 'test', at: Date.UTC(2026, 0, 15, 12, 0, 0) })
    const f = JSON.parse(frames(host)[0])
    expect(f.r).not.toBe(f.m)
  })

  it('a one-way route sends nothing back; a failing Lambda sends the Internal server error frame', async () => {
    const design = example('chat')
    design.routes.sendMessage.twoWay = false
    const { s, host } = session(design, {
      handler: (ev) => {
        if ((ev as { body?: string }).body === 'boom') throw new Error('boom')
        return { statusCode: 200, body: 'ignored' }
      },
    })
    const c = await s.connect({})
    await s.message(c.connectionId, '{"action":"sendMessage","message":"hi"}')
    expect(host.sent).toHaveLength(0)
    await s.message(c.connectionId, 'boom')
    expect(JSON.parse(frames(host)[0])).toMatchObject({ message: 'Internal server error', connectionId: c.connectionId })
  })

  it('Lambda proxy: the event has the documented WebSocket shape for each event type', async () => {
    const seen: Record<string, unknown>[] = []
    const { s } = session(example('chat'), { handler: (ev) => (seen.push(ev as Record<string, unknown>), { statusCode: 200, body: 'ok' }) })
    const c = await s.connect({ headers: { 'User-Agent': 'ua', Host: 'h' }, query: { room: ['a', 'b'] } })
    await s.message(c.connectionId, '{"action":"sendMessage","message":"hi"}')
    await s.disconnected(c.connectionId, 1000, 'bye')
    const [connect, message, disconnect] = seen
    expect(connect).toMatchObject({ headers: { 'User-Agent': 'ua', Host: 'h' }, multiValueHeaders: { Host: ['h'] }, queryStringParameters: { room: 'b' }, multiValueQueryStringParameters: { room: ['a', 'b'] }, isBase64Encoded: false, requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId: c.connectionId, stage: 'prod', messageDirection: 'IN', identity: { sourceIp: '127.0.0.1', userAgent: 'ua' } } })
    expect(connect).not.toHaveProperty('body')
    expect(message).toMatchObject({ body: '{"action":"sendMessage","message":"hi"}', requestContext: { routeKey: 'sendMessage', eventType: 'MESSAGE', messageId: expect.any(String) } })
    expect(message).not.toHaveProperty('headers')
    expect(disconnect).toMatchObject({ requestContext: { eventType: 'DISCONNECT', disconnectStatusCode: 1000, disconnectReason: 'bye' } })
  })

  it('Lambda non-proxy: the integration response is selected by errorMessage (websocket-rules.md §4.2)', async () => {
    const design = example('mock-ping')
    design.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: '' }
    design.integrations.pingMock = {
      type: 'lambda',
      target: 'fn',
      requestTemplates: { $default: '{"n": $input.json(\'$.n\')}' },
      templateSelectionExpression: '\\$default',
      responses: { '/.*bad.*/': { templates: { $default: '{"error":true}' } }, $default: { templates: { $default: '{"doubled":$input.json(\'$.v\')}' } } },
    }
    const { s, host } = session(design, {
      fn: (ev) => {
        const n = (ev as { n: number }).n
        if (n < 0) throw new Error('bad input')
        return { v: n * 2 }
      },
    })
    const c = await s.connect({})
    await s.message(c.connectionId, '{"action":"ping","n":21}')
    await s.message(c.connectionId, '{"action":"ping","n":-1}')
    expect(frames(host)).toEqual(['{"doubled":42}', '{"error":true}'])
  })

  it('HTTP integration: a real request with the rendered body and mapped headers; HTTP_PROXY replies with the backend body', async () => {
    const design = example('mock-ping')
    design.integrations.pingMock = {
      type: 'http',
      uri: 'http://backend.test/${stageVariables.path}',
      method: 'PUT',
      requestParameters: { 'integration.request.header.X-Conn': 'context.connectionId', 'integration.request.header.X-Static': "'yes'" },
      requestTemplates: { $default: '{"wrapped":$input.body}' },
      templateSelectionExpression: '\\$default',
      responses: { $default: { templates: { $default: 'got $input.path(\'$.status\')' } } },
    }
    design.integrations.fallbackMock = { type: 'http-proxy', uri: 'http://backend.test/proxy', method: 'POST' }
    design.stages.dev.stageVariables = { path: 'msgs' }
    const host = new RecordingHost({}, (r) => ({ status: 201, headers: {}, body: r.url.endsWith('proxy') ? `echo ${r.body}` : '{"status":"stored"}' }))
    const s = new EmulatorSession({ design, host, newId: sequentialIds() })
    const c = await s.connect({})
    await s.message(c.connectionId, '{"action":"ping"}')
    await s.message(c.connectionId, 'raw')
    expect(host.httpRequests[0]).toEqual({ method: 'PUT', url: 'http://backend.test/msgs', headers: { 'X-Conn': c.connectionId, 'X-Static': 'yes' }, body: '{"wrapped":{"action":"ping"}}' })
    expect(host.sent.map((m) => m.data)).toEqual(['got stored', 'echo raw'])
  })

  it('request validation: the model selected by modelSelectionExpression, falling back to $default; no model at all fails (AWS docs, "Request validation for WebSocket APIs")', async () => {
    const design = example('mock-ping')
    design.models.a = { name: 'A', contentType: 'application/json', schema: { type: 'object', required: ['a'] } }
    design.routes.ping.requestModels = { typeA: 'A' }
    design.routes.ping.modelSelectionExpression = '${request.body.kind}'
    const { s, host } = session(design)
    const c = await s.connect({})
    await s.message(c.connectionId, '{"action":"ping","kind":"typeA","a":1}')
    await s.message(c.connectionId, '{"action":"ping","kind":"typeA"}')
    await s.message(c.connectionId, '{"action":"ping","kind":"other","a":1}')
    const got = frames(host).map((f) => JSON.parse(f).message ?? JSON.parse(f).action)
    expect(got).toEqual(['pong', 'Invalid request body', 'Invalid request body'])
  })

  it('reload keeps open connections; later messages follow the new routes', async () => {
    const { s, host } = session(example('mock-ping'))
    const c = await s.connect({})
    const next = example('mock-ping')
    delete next.routes.ping
    s.reload(next)
    await s.message(c.connectionId, '{"action":"ping"}')
    expect(frames(host)[0]).toContain('unknown action')
  })
})

describe('$connect', () => {
  const authorizer: FakeFunction = (ev) => {
    const token = (ev as { queryStringParameters?: { token?: string } }).queryStringParameters?.token
    if (token === 'throw') throw new Error('Unauthorized')
    if (token === 'crash') throw new Error('something else')
    return { principalId: `user-${token}`, context: { n: 1, ok: true }, policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: token === 'letmein' ? 'Allow' : 'Deny', Resource: (ev as { methodArn: string }).methodArn }] } }
  }
  const fns = { authFn: authorizer, connectFn: () => ({ statusCode: 200 }) }

  it('Lambda REQUEST authorizer: Allow admits (context values as strings), Deny is 403, "Unauthorized" is 401, other errors 500', async () => {
    const { s, host } = session(example('lambda-authorizer'), fns)
    const ok = await s.connect({ query: { token: ['letmein'] } })
    expect(ok.ok).toBe(true)
    await s.message(ok.connectionId, '{}')
    expect(JSON.parse(frames(host)[0])).toEqual({ principal: 'user-letmein' })
    expect(s.connections.get(ok.connectionId)?.authorizer).toEqual({ principalId: 'user-letmein', n: '1', ok: 'true' })
    for (const [token, status] of [['nope', 403], ['throw', 401], ['crash', 500]] as const) {
      const r = await s.connect({ query: { token: [token] } })
      expect(r).toMatchObject({ ok: false, status })
    }
  })

  it('a missing identity source is 401 without calling the authorizer', async () => {
    let calls = 0
    const { s } = session(example('lambda-authorizer'), { authFn: (e) => (calls++, authorizer(e, undefined as never)), connectFn: () => ({ statusCode: 200 }) })
    expect(await s.connect({})).toMatchObject({ ok: false, status: 401 })
    expect(calls).toBe(0)
  })

  it('the authorizer event has the documented REQUEST shape and methodArn', async () => {
    let seen: Record<string, unknown> = {}
    const { s } = session(example('lambda-authorizer'), { authFn: (e) => ((seen = e as Record<string, unknown>), authorizer(e, undefined as never)), connectFn: () => ({ statusCode: 200 }) })
    await s.connect({ query: { token: ['letmein'] }, headers: { Authorization: 'x' } })
    expect(seen).toMatchObject({ type: 'REQUEST', methodArn: 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev/$connect', headers: { Authorization: 'x' }, queryStringParameters: { token: 'letmein' }, stageVariables: {}, requestContext: { routeKey: '$connect', eventType: 'CONNECT' } })
  })

  it('IAM authorization is allowed and the timeline says it was not checked', async () => {
    const design = example('mock-ping')
    design.authorizers.iam = { type: 'iam' }
    design.routes.connect = { key: '$connect', authorizer: 'iam' }
    const { s, events } = session(design)
    expect((await s.connect({})).ok).toBe(true)
    expect(events.find((e) => e.kind === 'authorizer')).toMatchObject({ unknown: true })
  })

  it('required request parameters: a missing one refuses the connection (400, status marked unknown)', async () => {
    const { s, events } = session(example('lambda-authorizer'), fns)
    const design = s.design
    design.authorizers = {}
    delete design.routes.connect.authorizer
    expect(await s.connect({})).toMatchObject({ ok: false, status: 400 })
    expect(events.find((e) => e.kind === 'rejected')).toMatchObject({ unknown: true })
    expect((await s.connect({ query: { token: ['x'] } })).ok).toBe(true)
  })

  it('API keys: x-api-key required; with known keys only those pass; from usageIdentifierKey when selected so (websocket-rules.md §8)', async () => {
    const design = example('mock-ping')
    design.api.apiKeySelectionExpression = '$request.header.x-api-key'
    design.routes.connect = { key: '$connect', apiKeyRequired: true }
    const open = session(design)
    expect(await open.s.connect({})).toMatchObject({ ok: false, status: 403 })
    expect((await open.s.connect({ headers: { 'X-Api-Key': 'anything' } })).ok).toBe(true)
    expect(open.events.find((e) => e.kind === 'apiKey' && !e.error)).toMatchObject({ unknown: true })
    const strict = session(design, {}, { apiKeys: ['k1'] })
    expect(await strict.s.connect({ headers: { 'x-api-key': 'k2' } })).toMatchObject({ ok: false, status: 403 })
    expect((await strict.s.connect({ headers: { 'x-api-key': 'k1' } })).ok).toBe(true)
  })

  it('Sec-WebSocket-Protocol: negotiated only when the $connect integration echoes one of the offered protocols', async () => {
    const design = example('chat')
    const { s } = session(design, { handler: (ev) => ({ statusCode: 200, headers: { 'Sec-WebSocket-Protocol': (ev as { headers: Record<string, string> }).headers['Sec-WebSocket-Protocol'].split(',')[1].trim() } }) })
    expect(await s.connect({ headers: { 'Sec-WebSocket-Protocol': 'v1, v2' } })).toMatchObject({ ok: true, protocol: 'v2' })
    const silent = session(design, { handler: () => ({ statusCode: 200 }) })
    const r = await silent.s.connect({ headers: { 'Sec-WebSocket-Protocol': 'v1' } })
    expect(r).toMatchObject({ ok: true })
    expect(r.ok && r.protocol).toBeFalsy()
    expect(silent.events.some((e) => e.kind === 'note' && e.error)).toBe(true)
  })

  it('a failing $connect integration refuses the connection with 500', async () => {
    const { s } = session(example('chat'), { handler: () => { throw new Error('no') } })
    expect(await s.connect({})).toMatchObject({ ok: false, status: 500 })
  })

  it('seed: $connect PutItem lands in the in-memory table with the request id; a malformed item fails like DynamoDB and refuses the connection', async () => {
    const design = example('seed')
    const { s } = session(design)
    const c = await s.connect({})
    if (!c.ok) throw new Error('connect')
    const state = (await s.state()) as { services: { dynamodb: Record<string, unknown[]> } }
    expect(state.services.dynamodb[s.resourceName('table')!]).toEqual([{ id: { S: c.requestId } }])
    design.integrations.putItem.requestTemplates = { 'application/json': '{"TableName":"@{table.name}","Item":{"id":{"N":"not-a-number"}}}' }
    const bad = await s.connect({})
    expect(bad).toMatchObject({ ok: false, status: 400 })
    expect(s.connections.size).toBe(1)
  })
})

describe('@connections', () => {
  it('POST sends, GET describes, DELETE disconnects (204) and a stale id is 410 GoneException', async () => {
    const { s, host } = session(example('mock-ping'))
    const c = await s.connect({ headers: { 'User-Agent': 'ua' } })
    expect((await s.manage('POST', c.connectionId, 'hi')).status).toBe(200)
    expect(frames(host)).toEqual(['hi'])
    const info = await s.manage('GET', c.connectionId, '')
    expect(JSON.parse(info.body)).toEqual({ connectedAt: '2026-01-15T12:00:00.000Z', identity: { sourceIp: '127.0.0.1', userAgent: 'ua' }, lastActiveAt: '2026-01-15T12:00:00.000Z' })
    expect((await s.manage('POST', c.connectionId, 'x'.repeat(128 * 1024 + 1))).status).toBe(413)
    expect((await s.manage('DELETE', c.connectionId, '')).status).toBe(204)
    expect(host.closed[0].connectionId).toBe(c.connectionId)
    const gone = await s.manage('POST', c.connectionId, 'late')
    expect(gone).toMatchObject({ status: 410, headers: { 'x-amzn-ErrorType': 'GoneException' } })
  })
})
