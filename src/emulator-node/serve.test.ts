/**
 * End to end through the server `serve` runs: real `ws` clients and real AWS SDK clients, loopback only, every
 * wait bounded. Each test starts and stops its own server on an ephemeral port.
 */

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { ApiGatewayManagementApiClient, GetConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi'
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { parseDocument } from '../model/document/parse'
import type { Design } from '../model/types'
import type { TimelineEvent } from '../emulator'
import { startServer, type RunningServer, type ServeOptions } from './server'

const root = resolve(__dirname, '../..')
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }

function example(name: string): Design {
  const parsed = parseDocument(readFileSync(resolve(root, 'examples', `${name}.yaml`), 'utf8'))
  if (!parsed.ok) throw new Error(`examples/${name}.yaml does not parse`)
  return parsed.document.design
}

const running: RunningServer[] = []
const sockets: WebSocket[] = []
const temps: string[] = []
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await Promise.all(running.splice(0).map((s) => s.close()))
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function serve(design: Design, opts: Partial<ServeOptions> = {}): Promise<{ server: RunningServer; events: TimelineEvent[] }> {
  const events: TimelineEvent[] = []
  const server = await startServer({ design, port: 0, onEvent: (e) => events.push(e), ...opts })
  running.push(server)
  return { server, events }
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))])
}

interface Client {
  ws: WebSocket
  id: string
  /** The next message, waiting at most `ms` (5 s unless told). */
  next(ms?: number): Promise<string>
  closed: Promise<{ code: number; reason: string }>
}

/** Opens a client; resolves with its connection id (from the `connected` timeline event) or rejects with the refusal status. */
async function open(server: RunningServer, events: TimelineEvent[], query = '', options: { headers?: Record<string, string>; protocols?: string[] } = {}): Promise<Client> {
  const ws = new WebSocket(`${server.url}${query}`, options.protocols ?? [], { headers: options.headers })
  sockets.push(ws)
  const inbox: string[] = []
  const waiters: ((m: string) => void)[] = []
  ws.on('message', (d: Buffer) => {
    const w = waiters.shift()
    if (w) w(d.toString())
    else inbox.push(d.toString())
  })
  const closed = new Promise<{ code: number; reason: string }>((res) => ws.on('close', (code, reason) => res({ code, reason: reason.toString() })))
  await within(
    new Promise<void>((res, rej) => {
      ws.once('open', () => res())
      ws.once('unexpected-response', (_q, r) => rej(Object.assign(new Error(`refused ${r.statusCode}`), { status: r.statusCode })))
      ws.once('error', rej)
    }),
    5000,
    'the connection',
  )
  const connected = events.filter((e) => e.kind === 'connected').pop()!
  return {
    ws,
    id: connected.connectionId!,
    closed,
    next: (ms = 5000) => within(inbox.length ? Promise.resolve(inbox.shift()!) : new Promise<string>((res) => waiters.push(res)), ms, 'a message'),
  }
}

describe('serve', () => {
  it('seed: $connect writes an item whose id is the connection request id into dynalite (read back with the AWS SDK)', async () => {
    const { server, events } = await serve(example('seed'))
    await open(server, events)
    const connectRequestId = events.find((e) => e.kind === 'connected')!.requestId
    const ddb = new DynamoDBClient({ endpoint: server.dynamodbEndpoint, region: 'us-east-1', credentials })
    const scan = await ddb.send(new ScanCommand({ TableName: server.session.resourceName('table') }))
    expect(scan.Items).toEqual([{ id: { S: connectRequestId } }])
    ddb.destroy()
  })

  it('chat: sendMessage posts to every other connection through @connections (two real ws clients); the table follows connect and disconnect', async () => {
    const { server, events } = await serve(example('chat'))
    const a = await open(server, events)
    const b = await open(server, events)
    const c = await open(server, events)
    const ddb = new DynamoDBClient({ endpoint: server.dynamodbEndpoint, region: 'us-east-1', credentials })
    const ids = async () => ((await ddb.send(new ScanCommand({ TableName: server.session.resourceName('connections') }))).Items ?? []).map((i) => i.connectionId.S).sort()
    expect(await ids()).toEqual([a.id, b.id, c.id].sort())
    a.ws.send(JSON.stringify({ action: 'sendMessage', message: 'hello all' }))
    expect(JSON.parse(await b.next())).toEqual({ from: a.id, message: 'hello all' })
    expect(JSON.parse(await c.next())).toEqual({ from: a.id, message: 'hello all' })
    c.ws.close()
    await within(c.closed, 5000, 'the close of c')
    await within(
      (async () => {
        while ((await ids()).length !== 2) await new Promise((r) => setTimeout(r, 20))
      })(),
      5000,
      '$disconnect removing c from the table',
    )
    b.ws.send(JSON.stringify({ action: 'sendMessage', message: 'only a' }))
    expect(JSON.parse(await a.next())).toEqual({ from: b.id, message: 'only a' })
    // The sender never hears its own message: a's inbox got exactly b's one message.
    expect(events.filter((e) => e.kind === 'management' && e.connectionId === a.id)).toHaveLength(1)
    ddb.destroy()
  })

  it('chat as an ES module: `import` of the management client is redirected to the emulator too', async () => {
    const design = example('chat')
    const fn = design.resources.handler
    if (fn.type !== 'lambda-function') throw new Error('chat handler')
    fn.code = [
      "import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';",
      'export const handler = async (event) => {',
      '  const { routeKey, connectionId, domainName, stage } = event.requestContext;',
      "  if (routeKey !== 'sendMessage') return { statusCode: 200 };",
      '  const api = new ApiGatewayManagementApiClient({ endpoint: `https://${domainName}/${stage}` });',
      '  const { to, message } = JSON.parse(event.body);',
      '  await api.send(new PostToConnectionCommand({ ConnectionId: to, Data: JSON.stringify({ from: connectionId, message }) }));',
      '  return { statusCode: 200 };',
      '};',
    ].join('\n')
    const { server, events } = await serve(design)
    const a = await open(server, events)
    const b = await open(server, events)
    a.ws.send(JSON.stringify({ action: 'sendMessage', to: b.id, message: 'from esm' }))
    expect(JSON.parse(await b.next())).toEqual({ from: a.id, message: 'from esm' })
  })

  it('mock ping: a two-way reply; a non-JSON message goes to $default', async () => {
    const { server, events } = await serve(example('mock-ping'))
    const c = await open(server, events)
    c.ws.send('{"action":"ping"}')
    expect(JSON.parse(await c.next())).toMatchObject({ action: 'pong', connectionId: c.id })
    c.ws.send('not json at all')
    expect(JSON.parse(await c.next())).toEqual({ error: 'unknown action', hint: 'send {"action":"ping"}' })
    expect(events.some((e) => e.kind === 'route' && e.summary.includes('not JSON'))).toBe(true)
  })

  it('Lambda authorizer: allows one client, denies another (403), and a missing token is 401', async () => {
    const { server, events } = await serve(example('lambda-authorizer'))
    const ok = await open(server, events, '?token=letmein')
    ok.ws.send('{"action":"anything"}')
    expect(JSON.parse(await ok.next())).toEqual({ principal: 'user-letmein' })
    await expect(open(server, events, '?token=wrong')).rejects.toMatchObject({ status: 403 })
    await expect(open(server, events, '')).rejects.toMatchObject({ status: 401 })
  })

  it('a route with a model rejects an invalid message with the Invalid request body frame', async () => {
    const design = example('mock-ping')
    design.models.pingModel = { name: 'PingModel', contentType: 'application/json', schema: { type: 'object', required: ['action', 'seq'], properties: { action: { type: 'string' }, seq: { type: 'integer' } } } }
    design.routes.ping.requestModels = { $default: 'PingModel' }
    const { server, events } = await serve(design)
    const c = await open(server, events)
    c.ws.send('{"action":"ping","seq":"one"}')
    expect(JSON.parse(await c.next())).toMatchObject({ message: 'Invalid request body', connectionId: c.id })
    c.ws.send('{"action":"ping","seq":1}')
    expect(JSON.parse(await c.next())).toMatchObject({ action: 'pong' })
  })

  it('limits: a message over 128 KB closes the connection with 1009', async () => {
    const { server, events } = await serve(example('mock-ping'))
    const c = await open(server, events)
    c.ws.send('x'.repeat(128 * 1024 + 1))
    expect(await within(c.closed, 5000, 'the close')).toMatchObject({ code: 1009 })
  })

  it('limits: a 100 KB message in 25 KB frames passes; a 40 KB single frame closes with 1009 (32 KB frame quota)', async () => {
    const { server, events } = await serve(example('mock-ping'))
    const c = await open(server, events)
    const message = `{"action":"ping","pad":"${'x'.repeat(100 * 1024)}"}`
    const step = 25 * 1024
    for (let at = 0; at < message.length; at += step) c.ws.send(message.slice(at, at + step), { fin: at + step >= message.length })
    expect(JSON.parse(await c.next())).toMatchObject({ action: 'pong' })
    c.ws.send(`{"action":"ping","pad":"${'x'.repeat(40 * 1024)}"}`)
    expect(await within(c.closed, 5000, 'the close')).toMatchObject({ code: 1009 })
    expect(events.some((e) => e.kind === 'limit' && e.summary.includes('frame limit'))).toBe(true)
  })

  it('limits: the idle timeout (shortened for the test) closes with 1001', async () => {
    const { server, events } = await serve(example('mock-ping'), { limits: { idleTimeoutMs: 150 }, sweepMs: 25 })
    const c = await open(server, events)
    expect(await within(c.closed, 5000, 'the idle close')).toMatchObject({ code: 1001 })
  })

  it('@connections: GET and POST work for a live id; a stale id is 410 GoneException through the AWS SDK', async () => {
    const { server, events } = await serve(example('mock-ping'))
    const c = await open(server, events)
    const api = new ApiGatewayManagementApiClient({ endpoint: `http://127.0.0.1:${server.port}/${server.session.stage}`, region: 'us-east-1', credentials })
    const info = await api.send(new GetConnectionCommand({ ConnectionId: c.id }))
    expect(info.Identity?.SourceIp).toBe('127.0.0.1')
    await api.send(new PostToConnectionCommand({ ConnectionId: c.id, Data: 'pushed' }))
    expect(await c.next()).toBe('pushed')
    await expect(api.send(new PostToConnectionCommand({ ConnectionId: 'AAAAAAAAAAAAAAA=', Data: 'x' }))).rejects.toBeInstanceOf(GoneException)
    const del = await fetch(`http://127.0.0.1:${server.port}/${server.session.stage}/@connections/${encodeURIComponent(c.id)}`, { method: 'DELETE' })
    expect(del.status).toBe(204)
    await within(c.closed, 5000, 'the close after DELETE')
    api.destroy()
  })

  it('GET /_state lists what the local services hold', async () => {
    const { server, events } = await serve(example('seed'))
    await open(server, events)
    const state = (await (await fetch(`http://127.0.0.1:${server.port}/_state`)).json()) as { services: { dynamodb: Record<string, unknown[]> } }
    expect(Object.values(state.services.dynamodb)[0]).toHaveLength(1)
  })

  it('sqs-fan-in: every message lands in the in-memory queue, with the connection id as an attribute', async () => {
    const { server, events } = await serve(example('sqs-fan-in'))
    const c = await open(server, events)
    c.ws.send('{"hello":"queue"}')
    await within(
      (async () => {
        while (!events.some((e) => e.kind === 'integration' && e.summary.includes('answered 200'))) await new Promise((r) => setTimeout(r, 20))
      })(),
      5000,
      'the SQS answer',
    )
    const state = (await (await fetch(`http://127.0.0.1:${server.port}/_state`)).json()) as { services: { sqs: Record<string, { body: string; attributes: Record<string, { StringValue: string }> }[]> } }
    const [queue] = Object.values(state.services.sqs)
    expect(queue).toEqual([expect.objectContaining({ body: '{"hello":"queue"}', attributes: { connectionId: { DataType: 'String', StringValue: c.id } } })])
  })

  it('HTTP integration: a real request to the backend with the rendered body; the integration response is the reply', async () => {
    const received: { method?: string; url?: string; body: string; header?: string }[] = []
    const backend = createServer((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d.toString()))
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, body, header: req.headers['x-conn'] as string })
        res.writeHead(201, { 'Content-Type': 'application/json' })
        res.end('{"stored":true}')
      })
    })
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', () => r()))
    try {
      const design = example('mock-ping')
      design.integrations.pingMock = {
        type: 'http',
        uri: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/messages`,
        method: 'POST',
        requestParameters: { 'integration.request.header.X-Conn': 'context.connectionId' },
        requestTemplates: { $default: '{"from":"$context.connectionId","text":$input.json(\'$.text\')}' },
        templateSelectionExpression: '\\$default',
        responses: { '/2\\d\\d/': { templates: { $default: '{"ok":$input.json(\'$.stored\'),"status":"$context.status"}' } } },
      }
      const { server, events } = await serve(design)
      const c = await open(server, events)
      c.ws.send('{"action":"ping","text":"over http"}')
      expect(JSON.parse(await c.next())).toMatchObject({ ok: true })
      expect(received).toEqual([{ method: 'POST', url: '/messages', body: `{"from":"${c.id}","text":"over http"}`, header: c.id }])
    } finally {
      await new Promise<void>((r) => backend.close(() => r()))
    }
  })

  it('Kinesis: PutRecord goes to kinesalite and the record is in the state', async () => {
    const design = example('mock-ping')
    design.resources.stream = { type: 'kinesis-stream', shardCount: 1 }
    design.integrations.pingMock = {
      type: 'aws',
      service: 'kinesis',
      action: 'PutRecord',
      target: 'stream',
      method: 'POST',
      requestTemplates: { $default: '{"StreamName":"@{stream.name}","Data":"$util.base64Encode($input.body)","PartitionKey":"$context.connectionId"}' },
      templateSelectionExpression: '\\$default',
      responses: { $default: { templates: { $default: '{"seq":$input.json(\'$.SequenceNumber\')}' } } },
    }
    const { server, events } = await serve(design)
    const c = await open(server, events)
    c.ws.send('{"action":"ping","n":1}')
    expect(JSON.parse(await c.next())).toEqual({ seq: expect.any(String) })
    const state = (await (await fetch(`http://127.0.0.1:${server.port}/_state`)).json()) as { services: { kinesis: Record<string, { data: string; partitionKey: string }[]> } }
    const [records] = Object.values(state.services.kinesis)
    expect(records).toEqual([expect.objectContaining({ partitionKey: c.id, data: Buffer.from('{"action":"ping","n":1}').toString('base64') })])
  })

  it('reload keeps open connections; their next message follows the new design', async () => {
    const { server, events } = await serve(example('mock-ping'))
    const c = await open(server, events)
    const next = example('mock-ping')
    next.integrations.pingMock.responses!.$default.templates!.$default = '{"action":"pong v2"}'
    await server.reload(next)
    c.ws.send('{"action":"ping"}')
    expect(JSON.parse(await c.next())).toEqual({ action: 'pong v2' })
  })

  /** A design whose ping route is a two-way Lambda proxy running `fn` (code from an asset folder below `base`). */
  function assetDesign(fn: { runtime: string; handler: string; codeAsset: string }): Design {
    const design = example('mock-ping')
    design.resources.fn = { type: 'lambda-function', code: '', environment: { WHO: 'asset' }, ...fn }
    design.integrations.pingMock = { type: 'lambda-proxy', target: 'fn' }
    return design
  }

  function assetFolder(files: Record<string, string>): string {
    const base = mkdtempSync(join(tmpdir(), 'emu-asset-'))
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(base, 'design', name)), { recursive: true })
      writeFileSync(join(base, 'design', name), text)
    }
    temps.push(base)
    return join(base, 'design')
  }

  it('Lambda code from an asset folder relative to the design: CommonJS with a sibling module, and an ES module package', async () => {
    const baseDir = assetFolder({
      'functions/cjs/app.js': "const { greet } = require('./greet');\nexports.main = async (event) => ({ statusCode: 200, body: JSON.stringify({ said: greet(process.env.WHO), route: event.requestContext.routeKey }) });\n",
      'functions/cjs/greet.js': "exports.greet = (who) => 'hello ' + who;\n",
      'functions/esm/package.json': '{"type":"module"}\n',
      'functions/esm/index.js': "import { greet } from './greet.js';\nexport const handler = async () => ({ statusCode: 200, body: JSON.stringify({ said: greet(process.env.WHO) }) });\n",
      'functions/esm/greet.js': "export const greet = (who) => 'esm ' + who;\n",
    })
    const cjs = await serve(assetDesign({ runtime: 'nodejs20.x', handler: 'app.main', codeAsset: 'functions/cjs' }), { baseDir })
    const c = await open(cjs.server, cjs.events)
    c.ws.send('{"action":"ping"}')
    expect(JSON.parse(await c.next())).toEqual({ said: 'hello asset', route: 'ping' })
    const esm = await serve(assetDesign({ runtime: 'nodejs22.x', handler: 'index.handler', codeAsset: 'functions/esm' }), { baseDir })
    const e = await open(esm.server, esm.events)
    e.ws.send('{"action":"ping"}')
    expect(JSON.parse(await e.next())).toEqual({ said: 'esm asset' })
  })

  it('a missing asset folder fails the invocation with a message naming it (Internal server error frame)', async () => {
    const { server, events } = await serve(assetDesign({ runtime: 'nodejs20.x', handler: 'index.handler', codeAsset: 'nowhere' }), { baseDir: assetFolder({}) })
    const c = await open(server, events)
    c.ws.send('{"action":"ping"}')
    expect(JSON.parse(await c.next())).toMatchObject({ message: 'Internal server error' })
    expect(events.some((e) => e.kind === 'integration' && e.summary.includes('code asset folder nowhere does not exist'))).toBe(true)
  })

  const hasPython = (() => {
    try {
      execFileSync('python3', ['--version'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()

  it.runIf(hasPython)('a Python Lambda runs with python3, with the function environment, and replies on a two-way route', async () => {
    const design = example('chat')
    design.resources.handler = {
      type: 'lambda-function',
      runtime: 'python3.12',
      handler: 'index.handler',
      environment: { GREETING: 'hello from python' },
      code: 'import json, os\ndef handler(event, context):\n    return {"statusCode": 200, "body": json.dumps({"greeting": os.environ["GREETING"], "route": event["requestContext"]["routeKey"], "fn": context.function_name})}\n',
    }
    design.routes.sendMessage.twoWay = true
    const { server, events } = await serve(design)
    const c = await open(server, events)
    c.ws.send('{"action":"sendMessage","message":"hi"}')
    expect(JSON.parse(await c.next())).toMatchObject({ greeting: 'hello from python', route: 'sendMessage' })
  })

  const hasBoto3 = (() => {
    try {
      execFileSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()

  it.runIf(hasBoto3)('a Python Lambda posts to another connection with boto3 and the https://{domainName}/{stage} endpoint', async () => {
    const design = example('chat')
    design.resources.handler = {
      type: 'lambda-function',
      runtime: 'python3.12',
      handler: 'index.handler',
      code: [
        'import json, boto3',
        'def handler(event, context):',
        '    ctx = event["requestContext"]',
        '    if ctx["routeKey"] != "sendMessage":',
        '        return {"statusCode": 200}',
        '    body = json.loads(event["body"])',
        '    api = boto3.client("apigatewaymanagementapi", endpoint_url=f"https://{ctx[\'domainName\']}/{ctx[\'stage\']}")',
        '    api.post_to_connection(ConnectionId=body["to"], Data=json.dumps({"from": ctx["connectionId"], "message": body["message"]}).encode())',
        '    return {"statusCode": 200}',
        '',
      ].join('\n'),
    }
    const { server, events } = await serve(design)
    const a = await open(server, events)
    const b = await open(server, events)
    a.ws.send(JSON.stringify({ action: 'sendMessage', to: b.id, message: 'from python' }))
    // Each invocation is a Python process importing boto3 (0.3 s idle, 1.5 s on a busy 2-core machine): 20 s bound.
    expect(JSON.parse(await b.next(20_000))).toEqual({ from: a.id, message: 'from python' })
  })

  it.runIf(hasPython)('a Python Lambda from an asset folder imports its sibling module (the folder is on sys.path)', async () => {
    const baseDir = assetFolder({
      'py/app.py': 'import json, os\nfrom helper import shout\ndef handler(event, context):\n    return {"statusCode": 200, "body": json.dumps({"said": shout(os.environ["WHO"])})}\n',
      'py/helper.py': 'def shout(s):\n    return s.upper()\n',
    })
    const { server, events } = await serve(assetDesign({ runtime: 'python3.12', handler: 'app.handler', codeAsset: 'py' }), { baseDir })
    const c = await open(server, events)
    c.ws.send('{"action":"ping"}')
    expect(JSON.parse(await c.next())).toEqual({ said: 'ASSET' })
  })
})
