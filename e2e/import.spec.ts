import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { test, expect } from './fixtures'
import { ImportDialog } from './pages/ImportDialog'

const PLAIN = readFileSync(new URL('../src/import/__fixtures__/handwritten-plain.yaml', import.meta.url), 'utf8')
const HAND = readFileSync(new URL('../src/import/__fixtures__/handwritten.yaml', import.meta.url), 'utf8')

const mockApi = (id: string, name: string) => ({
  [id]: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: name, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
  [`${id}Mock`]: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: id }, IntegrationType: 'MOCK' } },
  [`${id}Route`]: {
    Type: 'AWS::ApiGatewayV2::Route',
    Properties: { ApiId: { Ref: id }, RouteKey: '$default', Target: { 'Fn::Join': ['', ['integrations/', { Ref: `${id}Mock` }]] } },
  },
})
const TWO_JSON = { Resources: { ...mockApi('First', 'first'), ...mockApi('Second', 'second') } }

test.describe('import a CloudFormation template', () => {
  test('toolbar → file picker → summary → import replaces the design, undo brings it back', async ({ app, toolbar, api: designer, canvas }) => {
    const dialog = new ImportDialog(app)
    await toolbar.click('import')
    await expect(dialog.root).toBeVisible()
    await expect(dialog.confirm).toBeDisabled()
    await dialog.pick('chat.yaml', HAND)
    await expect(dialog.summary).toBeVisible()
    expect(Number(await dialog.count('imported'))).toBeGreaterThan(5)
    expect(await dialog.count('verbatim')).toBe('8')
    expect(await dialog.count('skipped')).toBe('0')
    await expect(app.getByTestId('import.warnings')).toContainText('IMP023')
    await dialog.importIt()
    const doc = await designer.document()
    expect(Object.values(doc.design.routes).map((r) => r.key).sort()).toEqual(['$connect', 'save'])
    expect(doc.design.cloudformation?.Outputs).toBeDefined()
    // The readable first zoom may leave the imported integration off screen: bring it into view first.
    await canvas.reveal('saveIntegration')
    await expect(canvas.node('saveIntegration')).toBeVisible()
    await app.keyboard.press('ControlOrMeta+z')
    await expect.poll(async () => (await designer.document()).design.api.name).toBe('mywsapi')
  })

  test('a template dropped on the window opens the import; several APIs ask which one', async ({ app, api: designer }) => {
    const dialog = new ImportDialog(app)
    await dialog.dropOnWindow('two.template.json', JSON.stringify(TWO_JSON))
    await expect(dialog.apiChoice).toBeVisible()
    await dialog.chooseApi('Second')
    await expect(dialog.summary).toBeVisible()
    expect(await dialog.count('verbatim')).toBe('3')
    await dialog.importIt()
    expect((await designer.document()).design.api.name).toBe('second')
  })

  test('a YAML template dropped on the open dialog imports', async ({ app, toolbar, api: designer }) => {
    const dialog = new ImportDialog(app)
    await toolbar.click('import')
    await dialog.dropOnDialog('plain.yaml', PLAIN)
    await expect(dialog.summary).toBeVisible()
    await dialog.importIt()
    expect((await designer.document()).design.api.name).toBe('queue-api')
  })

  test('a broken template shows located errors and leaves the design untouched', async ({ app, toolbar, api: designer }) => {
    const before = await designer.serialize()
    const dialog = new ImportDialog(app)
    await toolbar.click('import')
    await dialog.pick('bad.yaml', 'Resources:\n  A: [1,\n')
    await expect(dialog.errors).toContainText('line 3')
    await expect(dialog.confirm).toBeDisabled()
    await dialog.pick('plain.yaml', PLAIN)
    await expect(dialog.summary).toBeVisible()
    await app.getByTestId('import.cancel').click()
    await expect(dialog.root).toBeHidden()
    expect(await designer.serialize()).toBe(before)
  })
})

test.describe('CloudFormation import (the import module’s dialog, wired here)', () => {
  test('the toolbar opens the import dialog', async ({ app, toolbar }) => {
    await toolbar.click('import')
    await expect(app.getByTestId('import.dialog')).toBeVisible()
    await app.getByTestId('import.cancel').click()
    await expect(app.getByTestId('import.dialog')).toHaveCount(0)
  })

  test('dropping a template on the window imports it as one undoable step', async ({ app, api, canvas }) => {
    const text = await readFile('src/import/__fixtures__/handwritten-plain.yaml', 'utf8')
    await app.evaluate((content) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], 'stack.yaml', { type: 'application/yaml' }))
      document.querySelector('.toolbar')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, text)
    await expect(app.getByTestId('import.dialog')).toBeVisible()
    await expect(app.getByTestId('import.confirm')).toBeEnabled({ timeout: 20_000 })
    await app.getByTestId('import.confirm').click()
    await expect(canvas.nodeTitle('api')).toHaveText('queue-api')
    expect((await api.document()).design.api.name).toBe('queue-api')
    await app.getByTestId('toolbar.undo').click()
    await expect(canvas.nodeTitle('api')).toHaveText('mywsapi')
  })
})
