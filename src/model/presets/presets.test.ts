import { describe, expect, it } from 'vitest'
import { aDesign } from '../builders'
import { refsIn } from '../refs'
import { RESOURCE_TYPES } from '../types'
import { applyPreset, bindPresetTarget, findPreset, PRESETS, presetsForResourceType } from '.'

const design = () =>
  aDesign()
    .withResource('table', { type: 'dynamodb-table', tableName: 'Connections', partitionKey: { name: 'connectionId', type: 'S' } })
    .withResource('queue', { type: 'sqs-queue', queueName: 'inbox' })
    .withResource('oldQueue', { type: 'existing', kind: 'sqs-queue', arn: 'arn:aws:sqs:us-east-1:123456789012:old', name: 'old' })
    .withIntegration('integ', { type: 'aws' })
    .withRoute('send', { key: 'sendmessage', integration: 'integ' })
    .build()

describe('preset catalog', () => {
  it('has unique ids and covers every action the issue lists', () => {
    const ids = PRESETS.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining([
        'dynamodb-putitem', 'dynamodb-getitem', 'dynamodb-updateitem', 'dynamodb-deleteitem', 'dynamodb-query',
        'sqs-sendmessage', 'sqs-sendmessage-fifo', 'sns-publish', 'kinesis-putrecord', 'eventbridge-putevents',
        'stepfunctions-startexecution', 'stepfunctions-startsyncexecution', 'lambda-nonproxy', 'mock',
      ]),
    )
  })

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s only references its target or AWS pseudo parameters', (_id, p) => {
    const texts = [...Object.values(p.requestTemplates), p.path ?? '']
    for (const r of texts.flatMap(refsIn)) {
      expect(['target', 'aws']).toContain(r.entity)
      expect(r.entity === 'aws' ? ['accountId', 'region', 'partition'] : ['name', 'arn', 'url']).toContain(r.attribute)
    }
    if (!p.targetType) expect(texts.flatMap(refsIn).filter((r) => r.entity === 'target')).toEqual([])
  })

  it('form-encoded services declare the Content-Type header', () => {
    for (const p of PRESETS.filter((x) => x.contentType === 'application/x-www-form-urlencoded'))
      expect(p.requestParameters?.['integration.request.header.Content-Type']).toBe("'application/x-www-form-urlencoded'")
  })

  it('finds presets by id and by resource type, looking through existing resources', () => {
    expect(findPreset('sns-publish')?.action).toBe('Publish')
    expect(findPreset('nope')).toBeUndefined()
    expect(presetsForResourceType('sqs-queue').map((p) => p.id)).toEqual(['sqs-sendmessage', 'sqs-sendmessage-fifo'])
    expect(presetsForResourceType({ type: 'existing', kind: 'state-machine', arn: 'x' }).map((p) => p.id)).toEqual([
      'stepfunctions-startexecution',
      'stepfunctions-startsyncexecution',
    ])
    for (const t of RESOURCE_TYPES) expect(Array.isArray(presetsForResourceType(t))).toBe(true)
    expect(presetsForResourceType('iam-role')).toEqual([])
  })
})

describe('applyPreset', () => {
  it('fills the integration and binds the template to the target', () => {
    const before = design()
    const after = applyPreset(before, 'integ', 'dynamodb-putitem', 'table')
    const i = after.integrations.integ
    expect(i).toMatchObject({ type: 'aws', service: 'dynamodb', action: 'PutItem', method: 'POST', target: 'table', passthroughBehavior: 'NEVER', templateSelectionExpression: '\\$default' })
    expect(i.requestTemplates?.$default).toContain('"TableName": "@{table.name}"')
    // A role was generated and wired up; the input design is untouched.
    expect(i.credentials).toEqual({ role: 'integRole' })
    expect(after.resources.integRole).toEqual({ type: 'iam-role' })
    expect(before.integrations.integ).toEqual({ type: 'aws' })
    expect(before.resources.integRole).toBeUndefined()
  })

  it('writes DynamoDB templates against the table\'s partition key', () => {
    const d = design()
    d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'N' } }
    const put = applyPreset(d, 'integ', 'dynamodb-putitem', 'table').integrations.integ.requestTemplates!.$default
    expect(put).toContain('"pk": {"N": "$context.connectionId"}')
    expect(put).not.toContain('"connectionId":')
    const query = applyPreset(d, 'integ', 'dynamodb-query', 'table').integrations.integ.requestTemplates!.$default
    expect(query).toContain('"ExpressionAttributeNames": {"#k": "pk"}')
    expect(query).toContain("$input.path('$.pk')")
    // Without key information (an existing table) the preset's default key is used.
    d.resources.old = { type: 'existing', kind: 'dynamodb-table', arn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Old' }
    expect(applyPreset(d, 'integ', 'dynamodb-getitem', 'old').integrations.integ.requestTemplates!.$default).toContain('"id": {"S":')
  })

  it('uses path-style URIs for SQS and keeps an existing credentials choice', () => {
    const d = design()
    d.integrations.integ.credentials = { arn: 'arn:aws:iam::123456789012:role/mine' }
    const i = applyPreset(d, 'integ', 'sqs-sendmessage', 'oldQueue').integrations.integ
    expect(i.path).toBe('@{aws.accountId}/@{oldQueue.name}')
    expect(i.action).toBeUndefined()
    expect(i.credentials).toEqual({ arn: 'arn:aws:iam::123456789012:role/mine' })
    expect(i.requestParameters).toEqual({ 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" })
  })

  it('switching presets clears fields the new preset does not use', () => {
    const sqs = applyPreset(design(), 'integ', 'sqs-sendmessage', 'queue')
    const ddb = applyPreset(sqs, 'integ', 'dynamodb-getitem', 'table')
    expect(ddb.integrations.integ.path).toBeUndefined()
    expect(ddb.integrations.integ.requestParameters).toBeUndefined()
    expect(ddb.integrations.integ.action).toBe('GetItem')
    // The role generated for the first preset is reused, not duplicated.
    expect(Object.values(ddb.resources).filter((r) => r.type === 'iam-role')).toHaveLength(1)
  })

  it('mock needs no target and no role; lambda needs no role', () => {
    const mock = applyPreset(design(), 'integ', 'mock').integrations.integ
    expect(mock).toMatchObject({ type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' } })
    expect(mock.credentials).toBeUndefined()
    const d = design()
    d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: '' }
    const lambda = applyPreset(d, 'integ', 'lambda-nonproxy', 'fn')
    expect(lambda.integrations.integ).toMatchObject({ type: 'lambda', target: 'fn', method: 'POST' })
    expect(lambda.integrations.integ.credentials).toBeUndefined()
    expect(Object.keys(lambda.resources)).not.toContain('integRole')
  })

  it('returns the same design for unknown ids or a target of the wrong type', () => {
    const d = design()
    expect(applyPreset(d, 'integ', 'nope', 'table')).toBe(d)
    expect(applyPreset(d, 'missing', 'dynamodb-putitem', 'table')).toBe(d)
    expect(applyPreset(d, 'integ', 'dynamodb-putitem', 'queue')).toBe(d)
    expect(applyPreset(d, 'integ', 'dynamodb-putitem')).toBe(d)
  })

  it('bindPresetTarget leaves other references and escaped text alone', () => {
    expect(bindPresetTarget('@{target.arn} @{aws.region} @@{target.x}', 'fn')).toBe('@{fn.arn} @{aws.region} @@{target.x}')
  })
})
