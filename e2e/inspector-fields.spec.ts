/**
 * Issue 12 item 9 on the production build at 1440×900: the inspector lists the fields each type uses, in words a
 * user knows, and keeps CloudFormation detail in a collapsed "Advanced (CloudFormation)" section.
 */
import { seedDocument } from '../src/model/seed'
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1440, height: 900 } })

/** Labels a Lambda proxy integration must not show on its form (issue 12 item 9). */
const NOT_ON_A_LAMBDA_PROXY = ['Service', 'AWS service', 'Action', 'Path', 'Subdomain', 'Region', 'Uri', 'URI', 'Method', 'HTTP method', 'Connection id', 'VPC link id', 'Cfn extra']

test('1440×900: a Lambda proxy integration shows its function, role and timeout; the rest is under a collapsed Advanced', async ({ api, inspector, palette }) => {
  await palette.item('integration.lambda-proxy').click()
  await expect.poll(async () => (await api.selection()).length).toBe(1)
  const [id] = await api.selection()
  expect((await api.document()).design.integrations[id]).toMatchObject({ type: 'lambda-proxy' })
  await inspector.expectTitle(id)

  expect(await inspector.mainLabels()).toEqual(['Type', 'Description', 'Acts on', 'Credentials', 'Timeout'])
  for (const label of NOT_ON_A_LAMBDA_PROXY) await expect(inspector.root.locator('.inspector-form > .field').getByText(label, { exact: true })).toHaveCount(0)
  // No template editor fields for a proxy: API Gateway ignores them.
  await expect(inspector.field('integration', 'requestTemplates')).toHaveCount(0)

  await expect(inspector.advanced).not.toHaveAttribute('open', '')
  await expect(inspector.field('integration', 'uri')).toBeHidden()
  expect(await inspector.advancedLabels()).toEqual(['CDK construct id', 'URI', 'HTTP method', 'Content handling', 'Resource attributes', 'Other CloudFormation properties'])
  await inspector.openAdvanced()
  await expect(inspector.field('integration', 'uri')).toBeVisible()
  // Never the AWS service URI parts, not even under Advanced.
  for (const f of ['service', 'action', 'path', 'subdomain', 'region', 'connectionId']) await expect(inspector.field('integration', f)).toHaveCount(0)
})

test('1440×900: a DynamoDB PutItem integration shows service, action, table, role and templates; no path or VPC link', async ({ canvas, inspector }) => {
  await canvas.select('putItem')
  await inspector.expectTitle('putItem')
  const main = await inspector.mainLabels()
  expect(main).toEqual([
    'Type',
    'Description',
    'AWS service',
    'Action',
    'Acts on',
    'Credentials',
    'Passthrough behavior',
    'Request parameters',
    'Request templates',
    'Template selection expression',
    'Timeout',
    'Integration responses',
  ])
  await expect(inspector.field('integration', 'service')).toHaveValue('dynamodb')
  await expect(inspector.field('integration', 'action')).toHaveValue('PutItem')
  await expect(inspector.field('integration', 'target')).toHaveValue('table')
  await expect(inspector.field('integration', 'path')).toHaveCount(0)
  await expect(inspector.field('integration', 'connectionId')).toHaveCount(0)
  expect(await inspector.advancedLabels()).toEqual(['CDK construct id', 'Subdomain', 'Region', 'URI', 'HTTP method', 'Content handling', 'Resource attributes', 'Other CloudFormation properties'])
})

test('1440×900: route labels read as words and $connect-only fields are only on $connect', async ({ canvas, inspector }) => {
  await canvas.select('connect')
  const connect = await inspector.mainLabels()
  expect(connect).toContain('API key required')
  expect(connect).toContain('Authorizer')
  await canvas.select('default')
  const other = await inspector.mainLabels()
  expect(other).not.toContain('API key required')
  expect(other).not.toContain('Authorizer')
  await expect(inspector.root).not.toContainText('Route response extra')
  await expect(inspector.root).not.toContainText('Api key')
})

test('1440×900: a problem on a field under Advanced opens the section and focuses the field', async ({ api, app, inspector, problems }) => {
  const doc = seedDocument()
  // AWS integrations are called with POST: MDL013 on the method, which is Advanced for an AWS integration.
  doc.design.integrations.putItem.method = 'GET'
  await api.load(doc)
  await problems.open()
  await problems.itemFor('putItem', 'MDL013').first().click()
  await inspector.expectTitle('putItem')
  await expect(inspector.advanced).toHaveAttribute('open', '')
  await expect(inspector.field('integration', 'method')).toBeFocused()
  await expect(app.getByTestId('inspector.advanced.summary')).toContainText('1 problem')
})
