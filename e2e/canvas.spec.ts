import { expect, test } from './fixtures'

test.describe('first start', () => {
  test('opens the seed example: API mywsapi, stage dev, $connect → DynamoDB PutItem with role and template', async ({ canvas, api }) => {
    await expect(canvas.nodeTitle('api')).toHaveText('mywsapi')
    await expect(canvas.nodeTitle('dev')).toHaveText('dev')
    await expect(canvas.nodeTitle('connect')).toHaveText('$connect')
    // The first sight is readable (canvas-readable.spec.ts), so the right-hand part of the seed is a zoom-out away.
    await canvas.zoomOut(3)
    await expect(canvas.node('putItem')).toContainText('PutItem')
    await expect(canvas.node('table')).toBeVisible()
    await expect(canvas.node('apiRole')).toBeVisible()
    const doc = await api.document()
    expect(doc.design.routes.connect.integration).toBe('putItem')
  })
})
