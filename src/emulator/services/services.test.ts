/** The in-memory AWS services: documented parameters checked, documented answers, what was sent kept. */

import { describe, expect, it } from 'vitest'
import { sequentialIds } from '../ids'
import { InMemoryDynamoDb } from './dynamodb'
import { InMemoryEventBridge } from './events'
import { InMemoryKinesis } from './kinesis'
import { md5Hex } from '../../export/ir/md5'
import { InMemorySns } from './sns'
import { InMemorySqs } from './sqs'
import { InMemoryStepFunctions } from './states'

const now = () => 1_700_000_000_000
const form = { 'Content-Type': 'application/x-www-form-urlencoded' }

describe('SQS (query and JSON protocols, SQS API Reference SendMessage)', () => {
  const sqs = () => new InMemorySqs([{ name: 'q', fifo: false }, { name: 'f.fifo', fifo: true }], sequentialIds(), now)
  it('query protocol: SendMessage answers the XML with MD5OfMessageBody and keeps the message and its attributes', () => {
    const s = sqs()
    const a = s.call({ service: 'sqs', path: '123456789012/q', headers: form, body: 'Action=SendMessage&MessageBody=hello&MessageAttribute.1.Name=connectionId&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=abc%3D' })
    expect(a.status).toBe(200)
    expect(a.body).toContain(`<MD5OfMessageBody>${md5Hex('hello')}</MD5OfMessageBody>`)
    expect(md5Hex('hello')).toBe('5d41402abc4b2a76b9719d911017c592')
    expect(s.state()).toMatchObject({ q: [{ body: 'hello', attributes: { connectionId: { DataType: 'String', StringValue: 'abc=' } } }] })
  })
  it('query protocol: a missing MessageBody is MissingParameter; FIFO needs MessageGroupId; unknown queue NonExistentQueue', () => {
    const s = sqs()
    expect(s.call({ service: 'sqs', path: '1/q', headers: form, body: 'Action=SendMessage' }).body).toContain('<Code>MissingParameter</Code>')
    expect(s.call({ service: 'sqs', path: '1/f.fifo', headers: form, body: 'Action=SendMessage&MessageBody=x' }).body).toContain('MessageGroupId')
    expect(s.call({ service: 'sqs', path: '1/nope', headers: form, body: 'Action=SendMessage&MessageBody=x' }).body).toContain('NonExistentQueue')
  })
  it('JSON protocol: X-Amz-Target AmazonSQS.SendMessage answers JSON', () => {
    const s = sqs()
    const a = s.call({ service: 'sqs', path: '1/q', headers: { 'X-Amz-Target': 'AmazonSQS.SendMessage', 'Content-Type': 'application/x-amz-json-1.0' }, body: '{"QueueUrl":"https://sqs/1/q","MessageBody":"hi"}' })
    expect(JSON.parse(a.body)).toEqual({ MD5OfMessageBody: md5Hex('hi'), MessageId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
  })
  it('SendMessageBatch reports each entry', () => {
    const a = sqs().call({ service: 'sqs', path: '1/q', headers: form, body: 'Action=SendMessageBatch&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=x&SendMessageBatchRequestEntry.2.Id=b' })
    expect(a.body).toContain('<SendMessageBatchResultEntry><Id>a</Id>')
    expect(a.body).toContain('<BatchResultErrorEntry><Id>b</Id><Code>MissingParameter</Code>')
  })
})

describe('SNS Publish (SNS API Reference)', () => {
  it('needs Message and a topic; answers PublishResponse; keeps the notification', () => {
    const sns = new InMemorySns([{ arn: 'arn:aws:sns:us-east-1:1:t', fifo: false }], sequentialIds(), now)
    expect(sns.call({ service: 'sns', action: 'Publish', headers: form, body: 'TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At' }).body).toContain('ValidationError')
    expect(sns.call({ service: 'sns', action: 'Publish', headers: form, body: 'Message=x' }).body).toContain('InvalidParameter')
    const ok = sns.call({ service: 'sns', action: 'Publish', headers: form, body: 'TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Message=hello+there' })
    expect(ok.body).toMatch(/^<PublishResponse xmlns="http:\/\/sns.amazonaws.com\/doc\/2010-03-31\/"><PublishResult><MessageId>/)
    expect(sns.state()).toMatchObject({ 'arn:aws:sns:us-east-1:1:t': [{ message: 'hello there' }] })
  })
})

describe('EventBridge PutEvents (EventBridge API Reference)', () => {
  it('fails entries one by one and counts them; keeps the good ones', () => {
    const ev = new InMemoryEventBridge(new Set(), sequentialIds(), now)
    const a = ev.call({ service: 'events', action: 'PutEvents', headers: {}, body: JSON.stringify({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{"a":1}' }, { Source: 's', Detail: '{}' }, { Source: 's', DetailType: 'd', Detail: 'not json' }] }) })
    const body = JSON.parse(a.body)
    expect(body.FailedEntryCount).toBe(2)
    expect(body.Entries[0]).toHaveProperty('EventId')
    expect(body.Entries[1]).toMatchObject({ ErrorCode: 'InvalidArgument' })
    expect(ev.state()).toMatchObject([{ source: 's', detailType: 'd', detail: { a: 1 } }])
    expect(ev.call({ service: 'events', action: 'PutEvents', headers: {}, body: '{}' }).status).toBe(400)
  })
})

describe('Step Functions StartExecution (Step Functions API Reference)', () => {
  it('checks the state machine and input; answers executionArn and startDate; keeps the execution', () => {
    const arn = 'arn:aws:states:us-east-1:1:stateMachine:m'
    const sf = new InMemoryStepFunctions(new Set([arn]), sequentialIds(), now)
    expect(JSON.parse(sf.call({ service: 'states', action: 'StartExecution', headers: {}, body: '{}' }).body).__type).toBe('ValidationException')
    expect(JSON.parse(sf.call({ service: 'states', action: 'StartExecution', headers: {}, body: JSON.stringify({ stateMachineArn: arn, input: '{bad' }) }).body).__type).toBe('InvalidExecutionInput')
    const ok = JSON.parse(sf.call({ service: 'states', action: 'StartExecution', headers: {}, body: JSON.stringify({ stateMachineArn: arn, input: '{"a":1}', name: 'run1' }) }).body)
    expect(ok).toEqual({ executionArn: 'arn:aws:states:us-east-1:1:execution:m:run1', startDate: 1_700_000_000 })
    expect(JSON.parse(sf.call({ service: 'states', action: 'StartExecution', headers: {}, body: JSON.stringify({ stateMachineArn: arn, name: 'run1' }) }).body).__type).toBe('ExecutionAlreadyExists')
  })
})

describe('Kinesis PutRecord (in-memory, for the browser)', () => {
  it('needs base64 Data and a PartitionKey; answers ShardId and SequenceNumber', () => {
    const k = new InMemoryKinesis(['s'])
    expect(k.call({ service: 'kinesis', action: 'PutRecord', headers: {}, body: '{"StreamName":"s","Data":"!!","PartitionKey":"p"}' }).status).toBe(400)
    const ok = JSON.parse(k.call({ service: 'kinesis', action: 'PutRecord', headers: {}, body: '{"StreamName":"s","Data":"aGk=","PartitionKey":"p"}' }).body)
    expect(ok).toMatchObject({ ShardId: 'shardId-000000000000', SequenceNumber: expect.any(String) })
  })
})

describe('DynamoDB subset (DynamoDB API Reference, AttributeValue)', () => {
  const table = () => new InMemoryDynamoDb([{ name: 'T', partitionKey: { name: 'id', type: 'S' }, sortKey: { name: 'n', type: 'N' } }])
  const call = (d: InMemoryDynamoDb, action: string, body: unknown) => {
    const a = d.call({ service: 'dynamodb', action, headers: {}, body: JSON.stringify(body) })
    return { status: a.status, body: JSON.parse(a.body) }
  }
  it('rejects malformed attribute values, wrong key types and unknown tables the way DynamoDB does', () => {
    const d = table()
    expect(call(d, 'PutItem', { TableName: 'T', Item: { id: { S: 'a' }, n: { N: 'x' } } }).body.__type).toBe('com.amazon.coral.validate#ValidationException')
    expect(call(d, 'PutItem', { TableName: 'T', Item: { id: { S: 'a', N: '1' }, n: { N: '1' } } }).body.message).toContain('more than one datatypes')
    expect(call(d, 'PutItem', { TableName: 'T', Item: { id: { N: '1' }, n: { N: '1' } } }).body.message).toContain('Type mismatch for key id')
    expect(call(d, 'PutItem', { TableName: 'T', Item: { n: { N: '1' } } }).body.message).toContain('Missing the key id')
    expect(call(d, 'PutItem', { TableName: 'T', Item: { id: { S: 'a' }, n: { N: '1' }, s: { SS: ['x', 'x'] } } }).body.message).toContain('duplicates')
    expect(call(d, 'GetItem', { TableName: 'Nope', Key: {} }).body.__type).toContain('ResourceNotFoundException')
  })
  it('PutItem / GetItem / UpdateItem / Query / Scan / DeleteItem', () => {
    const d = table()
    for (const n of ['1', '2', '3']) expect(call(d, 'PutItem', { TableName: 'T', Item: { id: { S: 'a' }, n: { N: n }, c: { N: '10' } } }).status).toBe(200)
    expect(call(d, 'GetItem', { TableName: 'T', Key: { id: { S: 'a' }, n: { N: '2' } } }).body.Item.c).toEqual({ N: '10' })
    const up = call(d, 'UpdateItem', { TableName: 'T', Key: { id: { S: 'a' }, n: { N: '2' } }, UpdateExpression: 'SET c = c + :one, #t = :t REMOVE gone', ExpressionAttributeNames: { '#t': 'text' }, ExpressionAttributeValues: { ':one': { N: '1' }, ':t': { S: 'hi' } }, ReturnValues: 'ALL_NEW' })
    expect(up.body.Attributes).toMatchObject({ c: { N: '11' }, text: { S: 'hi' } })
    const q = call(d, 'Query', { TableName: 'T', KeyConditionExpression: 'id = :id AND n >= :n', ExpressionAttributeValues: { ':id': { S: 'a' }, ':n': { N: '2' } }, ScanIndexForward: false })
    expect(q.body.Items.map((i: { n: { N: string } }) => i.n.N)).toEqual(['3', '2'])
    expect(call(d, 'DeleteItem', { TableName: 'T', Key: { id: { S: 'a' }, n: { N: '1' } } }).status).toBe(200)
    expect(call(d, 'Scan', { TableName: 'T' }).body.Count).toBe(2)
  })
  it('item keys named like Object.prototype members are plain data', () => {
    const d = new InMemoryDynamoDb([{ name: 'T', partitionKey: { name: 'id', type: 'S' } }])
    expect(call(d, 'PutItem', { TableName: 'T', Item: JSON.parse('{"id":{"S":"__proto__"},"constructor":{"S":"x"},"__proto__":{"S":"y"}}') }).status).toBe(200)
    expect(call(d, 'GetItem', { TableName: 'T', Key: { id: { S: '__proto__' } } }).body.Item.constructor).toEqual({ S: 'x' })
  })
})
