/**
 * The message contract in the real app: a model's schema edited in Monaco (draft-04 problems as you type,
 * generate from a sample), server messages edited the same way, the message tester's model rejection, the
 * AsyncAPI 3 export tab, and an AsyncAPI document imported back into an empty designer.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { expect, test } from './fixtures'
import { ImportDialog } from './pages/ImportDialog'
import { ModelEditor } from './pages/ModelEditor'

test.describe('message contract', () => {
  test('a model schema is edited in Monaco: not-draft-4 is flagged, bad JSON is never written, a sample generates a schema', async ({ app, api, canvas, inspector }) => {
    await canvas.select('Message')
    await inspector.expectTitle('Message')
    const editor = new ModelEditor(app)
    await editor.ready()
    await expect(editor.monaco).toContainText('"action"')

    // Valid JSON, but not draft 4: Monaco (meta-schema) and the design checks (MDL070) both say so.
    await editor.setText('{"type": "objekt"}')
    await expect(editor.problems.first()).toBeVisible({ timeout: 10_000 })
    await expect.poll(async () => (await api.document()).design.models.Message.schema).toEqual({ type: 'objekt' })
    // The design checks run when the typing gesture ends (leaving the editor).
    await inspector.title.click()
    await expect(app.getByTestId('inspector.issues')).toContainText('MDL070')

    // Not JSON: the design keeps the last valid schema.
    await editor.setText('{"type": ')
    await expect(editor.jsonError).toBeVisible()
    expect((await api.document()).design.models.Message.schema).toEqual({ type: 'objekt' })

    // Generate from a sample: an editable draft-4 schema that accepts it; the problems go away.
    await editor.generateFrom('{"action": "sendmessage", "text": "hi", "count": 2}')
    await expect.poll(async () => (await api.document()).design.models.Message.schema).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'Message',
      type: 'object',
      properties: { action: { type: 'string' }, text: { type: 'string' }, count: { type: 'integer' } },
      required: ['action', 'text', 'count'],
    })
    await expect(editor.monaco).toContainText('"count"')
    await expect(editor.problems).toHaveCount(0)
    await expect(app.getByTestId('inspector.issues')).toHaveCount(0)
    // One undo step brings the hand-edited schema back.
    await app.keyboard.press('ControlOrMeta+Z')
    await expect.poll(async () => (await api.document()).design.models.Message.schema).toEqual({ type: 'objekt' })
    await expect(editor.monaco).toContainText('objekt')
  })

  test('a server message is added from the palette, shown on the canvas and edited like a model', async ({ app, api, canvas }) => {
    await canvas.dropFromPalette('message', { x: 200, y: 420 })
    const [id] = await api.selection()
    await expect(canvas.node(id)).toBeVisible()
    await expect(canvas.node(id)).toContainText('Server message')
    const editor = new ModelEditor(app, 'message')
    await editor.ready()
    await editor.generateFrom('{"echo": "hi"}')
    await expect.poll(async () => (await api.document()).design.messages[id].schema).toMatchObject({ properties: { echo: { type: 'string' } }, required: ['echo'] })
  })

  test('the message tester validates against the route model and shows API Gateway\'s rejection frame', async ({ app, messageTester: tester }) => {
    await tester.open()
    // The seed's $default route takes any message and validates it against model Message (a string action).
    await tester.send('{"action": "save"}')
    await expect(tester.route).toHaveText('$default')
    await expect(app.getByTestId('tester.result.model')).toHaveAttribute('data-ok', 'true')
    await expect(tester.rendered).toBeVisible()

    await tester.send('{"hello": 1}')
    const model = app.getByTestId('tester.result.model')
    await expect(model).toHaveAttribute('data-ok', 'false')
    await expect(model).toHaveAttribute('data-model', 'Message')
    await expect(app.getByTestId('tester.result.model-error')).toContainText("must have required property 'action'")
    const frame = JSON.parse((await app.getByTestId('tester.result.rejection').textContent()) ?? '{}') as Record<string, string>
    expect(frame).toMatchObject({ message: 'Invalid request body', connectionId: await tester.field('connection-id').inputValue() })
    // The backend is never called: no integration request.
    await expect(tester.rendered).toHaveCount(0)
  })

  test('the AsyncAPI 3 tab shows the contract, checked in the browser, and it imports back into an empty designer', async ({ app, api, exportPane, toolbar }) => {
    const routesBefore = Object.values((await api.document()).design.routes).map((r) => r.key).sort()
    await exportPane.open()
    await exportPane.choose('asyncapi', 'snippet')
    await expect(app.getByTestId('export.asyncapi.check')).toHaveText(/^Valid AsyncAPI 3\.0/, { timeout: 20_000 })
    const file = await exportPane.download()
    expect(file.download.suggestedFilename()).toBe('mywsapi.asyncapi.yaml')
    const doc = load(file.text) as { asyncapi: string; operations: Record<string, { action: string }>; components: { schemas: Record<string, unknown> } }
    expect(doc.asyncapi).toBe('3.0.0')
    expect(Object.values(doc.operations).map((o) => o.action)).toEqual(['receive'])
    expect(Object.keys(doc.components.schemas)).toEqual(['Message'])

    // An empty designer, then the document through the import dialog.
    await toolbar.click('new')
    await expect.poll(async () => Object.keys((await api.document()).design.routes).length).toBe(0)
    const dialog = new ImportDialog(app)
    await toolbar.click('import')
    await dialog.pick('mywsapi.asyncapi.yaml', file.text)
    await expect(dialog.summary).toBeVisible()
    await dialog.importIt()
    const imported = (await api.document()).design
    expect(Object.values(imported.routes).map((r) => r.key).sort()).toEqual(routesBefore)
    expect(imported.routes.default.requestModels).toEqual({ $default: 'Message' })
    expect(Object.values(imported.models).map((m) => m.name)).toEqual(['Message'])
    expect(Object.values(imported.stages).map((s) => s.name)).toEqual(['dev'])
  })
})

test('the production bundle holds no @asyncapi/parser code: the browser checks AsyncAPI with @asyncapi/specs only', () => {
  // vite build ran before this suite (npm run e2e). The parser marks what it parsed with `x-parser-*` extension
  // names, string literals that survive minification and appear nowhere else; the schema check in the browser is a
  // lazy chunk with Ajv and the specs' JSON Schema.
  const assets = join(process.cwd(), 'dist', 'assets')
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'))
  expect(scripts.length).toBeGreaterThan(0)
  const withParser = scripts.filter((f) => /x-parser-spec-parsed|x-parser-message-parsed/.test(readFileSync(join(assets, f), 'utf8')))
  expect(withParser).toEqual([])
  expect(scripts.some((f) => /^validateSpec-/.test(f))).toBe(true)
})
