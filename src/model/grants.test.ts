import { describe, expect, it } from 'vitest'
import { checkDocument } from './checks'
import { broaderGrants, grantStatementJson, grantStatements, grantsCover, narrowedGrants, GRANT_METHODS } from './grants'
import { seedDocument } from './seed'
import type { DesignDocument } from './types'

function seedWith(grants: Record<string, string[]>): DesignDocument {
  const doc = structuredClone(seedDocument())
  const role = doc.design.resources.apiRole
  if (role.type === 'iam-role') role.grants = grants
  return doc
}

describe('grants', () => {
  it("adds <table ARN>/index/* to a table grant once the table has an index, as aws-cdk-lib's table grants do", () => {
    const doc = seedWith({ table: ['grantWriteData'] })
    const [statement] = grantStatements(doc.design, 'table', 'grantWriteData')!
    expect((grantStatementJson(doc.design, 'table', statement) as { Resource: string[] }).Resource).toEqual(['@{table.arn}'])
    const table = doc.design.resources.table
    if (table.type === 'dynamodb-table') table.globalSecondaryIndexes = { byRoom: { partitionKey: { name: 'room', type: 'S' } } }
    expect((grantStatementJson(doc.design, 'table', statement) as { Resource: string[] }).Resource).toEqual(['@{table.arn}', '@{table.arn}/index/*'])
  })

  it('lists every grant method of issue 9', () => {
    const methods = Object.fromEntries(Object.entries(GRANT_METHODS).map(([k, m]) => [k, Object.keys(m ?? {})]))
    expect(methods).toEqual({
      'dynamodb-table': ['grantReadData', 'grantWriteData', 'grantReadWriteData', 'grantFullAccess'],
      'sqs-queue': ['grantSendMessages', 'grantConsumeMessages'],
      'sns-topic': ['grantPublish'],
      'kinesis-stream': ['grantRead', 'grantWrite', 'grantReadWrite'],
      'eventbridge-bus': ['grantPutEventsTo'],
      'state-machine': ['grantStartExecution', 'grantStartSyncExecution'],
      'lambda-function': ['grantInvoke'],
      'log-group': ['grantWrite'],
      api: ['grantManageConnections'],
      stage: ['grantManagementApiAccess'],
    })
  })

  it('writes statements the way the CDK does (Resource list for DynamoDB, stage-scoped connections ARN)', () => {
    const { design } = seedDocument()
    expect(grantStatements(design, 'table', 'grantWriteData')!.map((s) => grantStatementJson(design, 'table', s))).toEqual([
      { Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable'], Effect: 'Allow', Resource: ['@{table.arn}'] },
    ])
    const stage = Object.keys(design.stages)[0]
    expect(grantStatementJson(design, stage, grantStatements(design, stage, 'grantManagementApiAccess')![0])).toEqual({
      Action: 'execute-api:ManageConnections',
      Effect: 'Allow',
      Resource: `arn:@{aws.partition}:execute-api:@{aws.region}:@{aws.accountId}:@{api.id}/${design.stages[stage].name}/*/@connections/*`,
    })
    expect(grantStatements(design, 'table', 'grantPublish')).toBeUndefined()
    expect(grantStatements(design, 'constructor', 'grantWriteData')).toBeUndefined()
  })

  it('a grant covers the needs it includes; dynamodb:* covers every DynamoDB action', () => {
    const { design } = seedDocument()
    expect(grantsCover(design, { table: ['grantWriteData'] }, 'table', ['dynamodb:PutItem'])).toBe(true)
    expect(grantsCover(design, { table: ['grantReadData'] }, 'table', ['dynamodb:PutItem'])).toBe(false)
    expect(grantsCover(design, { table: ['grantFullAccess'] }, 'table', ['dynamodb:PutItem'])).toBe(true)
    expect(grantsCover(design, undefined, 'table', ['dynamodb:PutItem'])).toBe(false)
  })

  it('says where a role could be narrower (info, never applied by itself) and narrows on request', () => {
    const doc = seedWith({ table: ['grantWriteData'] })
    expect(broaderGrants(doc.design, 'apiRole')).toEqual([
      { entity: 'table', granted: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable'], needed: ['dynamodb:PutItem'] },
    ])
    const d = checkDocument(doc).find((x) => x.code === 'MDL057')!
    expect(d).toMatchObject({ severity: 'info', entity: 'apiRole' })
    expect(d.message).toContain('apiRole may do 5 dynamodb actions on table; its integrations need PutItem')
    expect(narrowedGrants(doc.design, 'apiRole')).toBeUndefined()
    expect(doc.design.resources.apiRole).toMatchObject({ grants: { table: ['grantWriteData'] } })
  })

  it('reports a grant the export cannot write (MDL056), prototype-named entities included', () => {
    const doc = seedWith({ table: ['grantPublish'], constructor: ['grantWriteData'] })
    expect(checkDocument(doc).filter((x) => x.code === 'MDL056').map((x) => x.field)).toEqual(['grants.table', 'grants.constructor'])
  })
})
