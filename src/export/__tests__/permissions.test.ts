import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../model/builders'
import { authorizerPermission, integrationPermission, permissionResourceTexts, SERVICE_PERMISSIONS } from '../../model/permissions'
import type { Design, Integration, Resource } from '../../model/types'

function design(target: Resource, integration: Integration): Design {
  const d = emptyDesign()
  d.resources.target = target
  d.integrations.i = integration
  return d
}

const table: Resource = { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' } }

describe('integrationPermission (least privilege per action)', () => {
  it.each([
    ['dynamodb', 'PutItem', table, 'dynamodb:PutItem'],
    ['dynamodb', 'DeleteItem', table, 'dynamodb:DeleteItem'],
    ['sqs', 'SendMessage', { type: 'sqs-queue' } as Resource, 'sqs:SendMessage'],
    ['sns', 'Publish', { type: 'sns-topic' } as Resource, 'sns:Publish'],
    ['kinesis', 'PutRecord', { type: 'kinesis-stream' } as Resource, 'kinesis:PutRecord'],
    ['events', 'PutEvents', { type: 'eventbridge-bus', eventBusName: 'b' } as Resource, 'events:PutEvents'],
    ['states', 'StartExecution', { type: 'state-machine', definition: '{}' } as Resource, 'states:StartExecution'],
    ['states', 'StartSyncExecution', { type: 'state-machine', definition: '{}' } as Resource, 'states:StartSyncExecution'],
  ])('%s %s → %s on exactly the target', (service, action, target, expected) => {
    const r = integrationPermission(design(target, { type: 'aws', service, action, target: 'target' }), 'i')
    expect(r).toEqual({ ok: true, permission: { actions: [expected], resource: 'target' } })
  })

  it('a DynamoDB Query or Scan on a secondary index is granted on the index ARN too (DynamoDB authorizes it there)', () => {
    const query = (template: string, action = 'Query') =>
      integrationPermission(design(table, { type: 'aws', service: 'dynamodb', action, target: 'target', requestTemplates: { 'application/json': template } }), 'i')
    expect(query('{"TableName":"@{target.name}","IndexName":"byRoom","KeyConditionExpression":"room = :r"}')).toEqual({
      ok: true,
      permission: { actions: ['dynamodb:Query'], resource: 'target', indexes: ['byRoom'] },
    })
    // Chosen per message: every index of the table.
    expect(query('{"TableName":"@{target.name}","IndexName":"$input.path(\'$.index\')"}', 'Scan')).toMatchObject({ permission: { indexes: ['*'] } })
    expect(query('{"TableName":"@{target.name}","IndexName": $input.json(\'$.index\')}')).toMatchObject({ permission: { indexes: ['*'] } })
    // No index, or an action that takes none: the table ARN only.
    expect(query('{"TableName":"@{target.name}"}')).toEqual({ ok: true, permission: { actions: ['dynamodb:Query'], resource: 'target' } })
    expect(query('{"IndexName":"byRoom"}', 'GetItem')).toEqual({ ok: true, permission: { actions: ['dynamodb:GetItem'], resource: 'target' } })
    expect(permissionResourceTexts({ actions: ['dynamodb:Query'], resource: 't', indexes: ['a', 'b'] })).toEqual(['@{t.arn}', '@{t.arn}/index/a', '@{t.arn}/index/b'])
  })

  it('SQS path-style URIs (no action) send messages', () => {
    const r = integrationPermission(design({ type: 'sqs-queue' }, { type: 'aws', service: 'sqs', path: '1/q', target: 'target' }), 'i')
    expect(r).toEqual({ ok: true, permission: { actions: ['sqs:SendMessage'], resource: 'target' } })
  })

  it('Lambda non-proxy invokes the function', () => {
    const fn: Resource = { type: 'lambda-function', runtime: 'nodejs22.x', handler: 'i.h', code: '' }
    expect(integrationPermission(design(fn, { type: 'lambda', target: 'target' }), 'i')).toEqual({ ok: true, permission: { actions: ['lambda:InvokeFunction'], resource: 'target' } })
  })

  it('an existing resource counts as the kind it stands for', () => {
    const existing: Resource = { type: 'existing', kind: 'sqs-queue', arn: 'arn:aws:sqs:eu-west-1:1:q' }
    expect(integrationPermission(design(existing, { type: 'aws', service: 'sqs', action: 'SendMessage', target: 'target' }), 'i').ok).toBe(true)
  })

  it('proxy, mock and HTTP integrations need no role permission', () => {
    for (const type of ['lambda-proxy', 'mock', 'http', 'http-proxy'] as const) {
      expect(integrationPermission(design(table, { type }), 'i')).toEqual({ ok: true, permission: undefined })
    }
  })

  it('refuses what it cannot grant precisely', () => {
    expect(integrationPermission(design(table, { type: 'aws', service: 'dynamodb', action: 'PutItem' }), 'i').ok).toBe(false)
    expect(integrationPermission(design({ type: 'sqs-queue' }, { type: 'aws', service: 'dynamodb', action: 'PutItem', target: 'target' }), 'i').ok).toBe(false)
    expect(integrationPermission(design(table, { type: 'aws', service: 'dynamodb', action: 'DropEverything', target: 'target' }), 'i').ok).toBe(false)
    expect(integrationPermission(design(table, { type: 'aws', service: 'ec2', action: 'RunInstances', target: 'target' }), 'i').ok).toBe(false)
  })

  it('every service rule names at least one action and target type', () => {
    for (const rule of Object.values(SERVICE_PERMISSIONS)) {
      expect(rule.actions.length).toBeGreaterThan(0)
      expect(rule.targets.length).toBeGreaterThan(0)
    }
  })

  it('a Lambda authorizer with credentials needs lambda:InvokeFunction on its function', () => {
    const d = emptyDesign()
    d.resources.fn = { type: 'lambda-function', runtime: 'nodejs22.x', handler: 'i.h', code: '' }
    d.authorizers.a = { type: 'lambda', function: 'fn' }
    d.authorizers.b = { type: 'iam' }
    expect(authorizerPermission(d, 'a')).toEqual({ ok: true, permission: { actions: ['lambda:InvokeFunction'], resource: 'fn' } })
    expect(authorizerPermission(d, 'b')).toEqual({ ok: true, permission: undefined })
  })
})
