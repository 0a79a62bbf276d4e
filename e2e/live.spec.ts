/**
 * The Live panel in the real app (production build): the seed design runs in the page — connect, the $connect
 * PutItem lands in the in-memory table with the connection's request id, a message with no route gets the
 * Forbidden frame, the canvas outlines the route and integration used; a recorded session saved as a script
 * replays with one click; the chat example's Lambda runs in a Web Worker and posts back through @connections.
 */
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
  await live.send('{"action":"hello"}')
  await expect(live.received).toContainText('"message":"Forbidden"')
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

test('chat: the Lambda runs in a Web Worker and posts back through @connections', async ({ app, api }) => {
  await api.load(example('chat'))
  const live = new Live(app)
  await live.open()
  await live.start()
  await live.connect()
  await live.send('{"action":"sendMessage","message":"hi"}')
  await expect(live.received).toContainText('{"echo":"hi"}')
})
