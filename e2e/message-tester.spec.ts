/**
 * The message tester in the real app: which route the route selection expression picks (with the `$default`
 * fallback, the empty-string rule and non-JSON messages), which template the template selection expression picks,
 * and the rendered integration request with the context values the user typed, pretty-printed when it is JSON.
 */
import { aDesign } from '../src/model/builders'
import type { DesignDocument } from '../src/model/types'
import { expect, test } from './fixtures'

const SEND_TEMPLATE = [
  "#set($body = $input.path('$'))",
  '{',
  '  "connection": "$context.connectionId",',
  '  "user": "$context.authorizer.principalId",',
  '  "room": "$body.room",',
  '  "text": "$util.escapeJavaScript($body.message)",',
  '  "env": "$stageVariables.env"',
  '}',
].join('\n')

const IMAGE_TEMPLATE = '{"image": $input.json(\'$.url\'), "from": "$context.connectionId"}'

/** Parses a JSON string carried inside the message: fails on line 3 when it is not JSON. */
const RAW_TEMPLATE = '{\n  "kind": "raw",\n  "data": $util.parseJson($input.path(\'$.payload\')).value\n}'

function chatDocument(opts: { withDefaultRoute?: boolean } = {}): DesignDocument {
  const builder = aDesign('chat')
    .withStage('dev', { name: 'dev', autoDeploy: true, stageVariables: { env: 'dev' } })
    .withIntegration('connectMock', { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' })
    .withIntegration('sendHttp', {
      type: 'http',
      uri: 'https://backend.example.com/messages',
      method: 'POST',
      requestTemplates: { $default: SEND_TEMPLATE, image: IMAGE_TEMPLATE, raw: RAW_TEMPLATE },
      templateSelectionExpression: '$request.body.kind',
    })
    .withRoute('connect', { key: '$connect', integration: 'connectMock' })
    .withRoute('send', { key: 'sendmessage', integration: 'sendHttp' })
  if (opts.withDefaultRoute !== false) {
    builder
      .withIntegration('defaultMock', { type: 'mock', requestTemplates: { $default: '{"statusCode": 404}' }, templateSelectionExpression: '\\$default' })
      .withRoute('default', { key: '$default', integration: 'defaultMock' })
  }
  const design = builder.build()
  const layout = Object.fromEntries(['api', ...Object.keys(design.routes), ...Object.keys(design.integrations), 'dev'].map((id, i) => [id, { x: (i % 3) * 320, y: Math.floor(i / 3) * 160 }]))
  return { design, layout }
}

test.describe('message tester', () => {
  test.beforeEach(async ({ api }) => {
    await api.load(chatDocument())
  })

  test('shows the route, the template and the rendered request, pretty-printed', async ({ canvas, messageTester: tester }) => {
    await canvas.select('send')
    await tester.open()
    // The initial sample message reaches the selected route.
    await expect(tester.route).toHaveText('sendmessage')

    await tester.send('{"action":"sendmessage","room":"lobby","message":"hi \\"there\\""}')
    await expect(tester.route).toHaveText('sendmessage')
    await expect(tester.routeReason).toContainText('$request.body.action = "sendmessage"')
    await expect(tester.template).toHaveAttribute('data-key', '$default')
    await expect(tester.rendered).toHaveAttribute('data-json', 'true')
    const rendered = await tester.rendered.textContent()
    expect(JSON.parse(rendered!)).toEqual({ connection: 'L0SM9cOFvHcCIhw=', user: 'user-0001', room: 'lobby', text: 'hi "there"', env: 'dev' })
    // Pretty-printed: one property per line, two-space indent.
    expect(rendered).toContain('\n  "connection": "L0SM9cOFvHcCIhw=",\n  "user": "user-0001",')
    await expect(tester.error).toHaveCount(0)
  })

  test('the template selection expression picks the template', async ({ canvas, messageTester: tester }) => {
    await canvas.select('send')
    await tester.open()
    await tester.send('{"action":"sendmessage","kind":"image","url":"https://img.example/cat.png"}')
    await expect(tester.template).toHaveAttribute('data-key', 'image')
    await expect(tester.page.getByTestId('tester.result.template-reason')).toContainText('$request.body.kind = "image"')
    expect(JSON.parse((await tester.rendered.textContent())!)).toEqual({ image: 'https://img.example/cat.png', from: 'L0SM9cOFvHcCIhw=' })

    await tester.send('{"action":"sendmessage","kind":"video","room":"r","message":"m"}')
    await expect(tester.template).toHaveAttribute('data-key', '$default')
    await expect(tester.page.getByTestId('tester.result.template-reason')).toContainText('no template for "video"; $default applies')
  })

  test('falls back to $default: unknown key, missing key (empty string), non-JSON message', async ({ messageTester: tester }) => {
    await tester.open()
    await tester.send('{"action":"nope"}')
    await expect(tester.route).toHaveText('$default')
    await expect(tester.routeReason).toContainText('no route has the key "nope"')
    await tester.page.getByTestId('tester.format').click()
    await expect(tester.message).toHaveValue('{\n  "action": "nope"\n}')

    // A message without the selection field evaluates to the empty string.
    await tester.send('{"message":"no action here"}')
    await expect(tester.route).toHaveText('$default')
    await expect(tester.routeReason).toContainText('no route has the key ""')

    await tester.send('hello, plain text')
    await expect(tester.panel).toContainText('raw text, not JSON')
    await expect(tester.route).toHaveText('$default')
    await expect(tester.routeReason).toContainText('not JSON')
    await expect(tester.rendered).toHaveText('{\n  "statusCode": 404\n}')
  })

  test('without a $default route an unmatched message is an error', async ({ api, messageTester: tester }) => {
    await api.load(chatDocument({ withDefaultRoute: false }))
    await tester.open()
    await tester.send('{"action":"nope"}')
    await expect(tester.route).toHaveText('No route')
    await expect(tester.error.first()).toContainText('no $default route')
  })

  test('context values feed the rendered request', async ({ canvas, messageTester: tester }) => {
    await canvas.select('send')
    await tester.open()
    await tester.send('{"action":"sendmessage","room":"lobby","message":"hi"}')
    await tester.field('connection-id').fill('abcDEF123=')
    await tester.field('authorizer').fill('principalId=alice\ntenant=acme')
    await tester.field('stage-variables').fill('env=prod')
    await expect.poll(async () => JSON.parse((await tester.rendered.textContent())!)).toEqual({
      connection: 'abcDEF123=',
      user: 'alice',
      room: 'lobby',
      text: 'hi',
      env: 'prod',
    })
    // A malformed line is reported, not silently dropped.
    await tester.field('authorizer').fill('principalId=alice\njust-a-word')
    await expect(tester.page.getByTestId('tester.input-errors')).toContainText('Authorizer fields: line 2 needs the form name=value')
  })

  test('a route can be forced ($connect), and render errors are located', async ({ canvas, messageTester: tester, page }) => {
    await canvas.select('send')
    await tester.open()
    await page.getByTestId('tester.route').selectOption('$connect')
    await expect(tester.route).toHaveText('$connect')
    await expect(tester.routeReason).toHaveText('route given explicitly')
    await expect(page.getByTestId('tester.context.headers')).toBeVisible()
    await expect(tester.rendered).toHaveText('{\n  "statusCode": 200\n}')

    // Back to automatic selection; a payload that is not JSON makes $util.parseJson fail on line 3 of `raw`.
    await page.getByTestId('tester.route').selectOption('')
    await tester.send('{"action":"sendmessage","kind":"raw","payload":"{oops"}')
    await expect(tester.route).toHaveText('sendmessage')
    await expect(tester.template).toHaveAttribute('data-key', 'raw')
    const error = tester.error.filter({ hasText: 'parseJson' }).first()
    await expect(error).toHaveAttribute('data-code', 'VTL011')
    await expect(error).toHaveAttribute('data-line', '3')
    await expect(error).toContainText('line 3')
    await expect(tester.rendered).toHaveCount(0)
    // A valid payload renders.
    await tester.send('{"action":"sendmessage","kind":"raw","payload":"{\\"value\\": 7}"}')
    await expect(tester.rendered).toHaveText('{\n  "kind": "raw",\n  "data": 7\n}')
  })

  test('follows design edits live', async ({ api, canvas, messageTester: tester }) => {
    await canvas.select('send')
    await tester.open()
    await tester.send('{"action":"post","room":"r","message":"m"}')
    await expect(tester.route).toHaveText('$default')
    // Rename the route key in the design: the same message now reaches it.
    const doc = await api.document()
    doc.design.routes.send.key = 'post'
    await api.load(doc)
    await tester.open()
    await tester.send('{"action":"post","room":"r","message":"m"}')
    await expect(tester.route).toHaveText('post')
  })
})
