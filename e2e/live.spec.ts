/**
 * The Live panel in the real app (production build): the seed design runs in the page — connect, the $connect
 * PutItem lands in the in-memory table with the connection's request id, a message with no route gets the
 * Forbidden frame, the canvas outlines the route and integration used; a recorded session saved as a script
 * replays with one click; the chat example's Lambda (CommonJS and ES module) runs in a Web Worker and posts to the
 * other connection through @connections; a Python function says it needs serve; attached to a real `serve`.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseDocument } from '../src/model/document/parse'
import type { DesignDocument } from '../src/model/types'
import { expect, test } from './fixtures'
import { Live } from './pages/Live'

function example(name: string): DesignDocument {
  const parsed = parseDocument(readFileSync(resolve(process.cwd(), 'examples', `${name}.yaml`), 'utf8'))
  if (!parsed.ok) throw new Error(name)
  return parsed.document
}

test('seed: connect writes the table item, a message shows on the timeline, the canvas highlights the route', async ({ app, canvas }) => {
  const live = new Live(app)
  await live.open()
  await live.start()
  await live.connect()
  await expect(live.event('connected')).toHaveCount(1)
  // The item's id is the $connect request id, which the `connected` step names.
  const id = /\$connect request ([A-Za-z0-9+/]+=)/.exec((await live.event('connected').textContent()) ?? '')?.[1]
  expect(id).toBeTruthy()
  await expect(live.state).toContainText(`"S": "${id}"`)
  // Each step expands to what it carried: the rendered PutItem request.
  const template = live.event('template').first()
  await template.locator('summary').click()
  await expect(template.locator('pre')).toContainText('TableName')
  await expect(canvas.node('connect')).toHaveClass(/live-hit/)
  await expect(canvas.node('putItem')).toHaveClass(/live-hit/)
  // The seed's $default route validates messages against its model (a JSON object with a string action).
  await live.send('{"hello":1}')
  await expect(live.received).toContainText('"message":"Invalid request body"')
  await expect(live.event('errorFrame')).toHaveCount(1)
})

test('a recorded session saved as a script is stored in the design and replays with one click', async ({ app, api }) => {
  await api.load(example('mock-ping'))
  const live = new Live(app)
  await live.open()
  await live.start()
  await live.connect()
  await live.send('{"action":"ping"}')
  await expect(live.received).toContainText('"action":"pong"')
  await live.saveScript('pingPong')
  const doc = await api.document()
  expect(doc.design.scripts?.pingPong).toMatchObject({ steps: [{ connect: { as: 'a' } }, { send: '{"action":"ping"}' }, { expect: { json: { action: 'pong' } } }] })
  await live.runScript('pingPong')
  await expect(app.getByTestId('live.script-result')).toContainText('pingPong: passed')
})

/** The chat handler as an ES module (same logic): `import` of both AWS SDK clients must reach the stand-ins too. */
function asEsModule(doc: DesignDocument): DesignDocument {
  const fn = doc.design.resources.handler
  if (fn.type !== 'lambda-function') throw new Error('chat handler')
  fn.code = fn.code
    .replace(/const \{ ([^}]+) \} = require\('([^']+)'\);/g, "import { $1 } from '$2';")
    .replace('exports.handler =', 'export const handler =')
  expect(fn.code).toContain("import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';")
  return doc
}

for (const [label, load] of [
  ['CommonJS', () => example('chat')],
  ['ES module', () => asEsModule(example('chat'))],
] as const) {
  test(`chat (${label}): the Lambda runs in a Web Worker; a's message reaches b through @connections, the table holds both connections`, async ({ app, api }) => {
    await api.load(load())
    const live = new Live(app)
    await live.open()
    await live.start()
    await live.connect()
    await live.connect()
    await expect(live.event('connected')).toHaveCount(2)
    await expect(live.state).toContainText('"connectionId"')
    await live.select('a')
    await live.send('{"action":"sendMessage","message":"hi b"}')
    await expect(live.event('management')).toHaveCount(1)
    await expect(live.received.locator('li')).toHaveCount(0)
    await live.select('b')
    await expect(live.received).toContainText('"message":"hi b"')
  })
}

test('chat: the saved two-client script replays with one click', async ({ app, api }) => {
  await api.load(example('chat'))
  const live = new Live(app)
  await live.open()
  await live.start()
  await live.runScript('twoClients')
  await expect(app.getByTestId('live.script-result')).toContainText('twoClients: passed')
})

test('connect with a query string, headers and an API key: the Lambda authorizer admits one token and refuses another', async ({ app, api }) => {
  const doc = example('lambda-authorizer')
  doc.design.routes.connect.apiKeyRequired = true
  await api.load(doc)
  const live = new Live(app)
  await live.open()
  await live.start()
  await live.connect('token=letmein', { headers: 'X-Trace=abc123', apiKey: 'key-1' })
  await expect(live.event('connected')).toHaveCount(1)
  await expect(live.event('apiKey')).toContainText('API key present')
  const connect = live.event('connect').first()
  await connect.locator('summary').click()
  await expect(connect.locator('pre')).toContainText('"X-Trace": "abc123"')
  await expect(connect.locator('pre')).toContainText('"letmein"')
  await live.connect('token=wrong', { apiKey: 'key-1' })
  await expect(app.getByTestId('live.error')).toContainText('connection refused: 403')
  await expect(live.event('connected')).toHaveCount(1)
})

test('a Python function: the panel says it needs serve', async ({ app, api }) => {
  const doc = example('chat')
  doc.design.resources.handler = { type: 'lambda-function', runtime: 'python3.12', handler: 'index.handler', code: 'def handler(event, context):\n    return {"statusCode": 200}\n' }
  await api.load(doc)
  const live = new Live(app)
  await live.open()
  await expect(app.getByTestId('live.needs-serve')).toContainText('Python functions (handler) need python3')
  await expect(app.getByTestId('live.needs-serve')).toContainText('serve')
})

test('attached to a running serve: connect, send, the reply, serve\'s timeline and state', async ({ app }) => {
  // A real `serve` of the mock-ping example on an ephemeral loopback port; stopped at the end of the test.
  const child = spawn(process.execPath, ['scripts/cli.cjs', 'serve', 'examples/mock-ping.yaml', '--port', '0'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let err = ''
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000)
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString()
        const m = /serving \S+ at (ws:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(err)
        if (m) {
          clearTimeout(timer)
          resolve(m[1])
        }
      })
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)))
    })
    const live = new Live(app)
    await live.open()
    await live.attach(url)
    await live.connect()
    await live.send('{"action":"ping"}')
    await expect(live.received).toContainText('"action":"pong"')
    // The timeline is serve's own, streamed from /_events.
    await expect(live.event('route')).toContainText('route ping')
    await expect(live.event('reply')).toHaveCount(1)
    await expect(live.state).toContainText('"connections"')
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
  }
})
