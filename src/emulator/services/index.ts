/** The local AWS services of a session, built from the design's resources (names as the templates resolve them). */

import { effectiveResourceType } from '../../model/queries'
import type { Design } from '../../model/types'
import { previewArn, previewName } from '../../vtl/refValues'
import { InMemoryDynamoDb, type TableInfo } from './dynamodb'
import { InMemoryEventBridge } from './events'
import { InMemoryKinesis } from './kinesis'
import { InMemorySns } from './sns'
import { InMemorySqs } from './sqs'
import { InMemoryStepFunctions } from './states'
import type { AwsService, NewId } from './types'

export type { AwsService, AwsServiceRequest, AwsServiceAnswer } from './types'
export { InMemoryDynamoDb, checkAttributeValue, type TableInfo } from './dynamodb'

/** The design's DynamoDB tables with the names the templates render (`@{table.name}`). */
export function designTables(design: Design): TableInfo[] {
  const out: TableInfo[] = []
  for (const [id, r] of Object.entries(design.resources)) {
    if (r.type !== 'dynamodb-table') continue
    const t: TableInfo = { name: previewName(design, id)!, partitionKey: r.partitionKey }
    if (r.sortKey) t.sortKey = r.sortKey
    out.push(t)
  }
  return out
}

/** Streams by name (the CLI creates them in kinesalite). */
export function designStreams(design: Design): { name: string; shardCount: number }[] {
  return Object.entries(design.resources)
    .filter(([, r]) => r.type === 'kinesis-stream')
    .map(([id, r]) => ({ name: previewName(design, id)!, shardCount: (r.type === 'kinesis-stream' && r.shardCount) || 1 }))
}

export function inMemoryServices(design: Design, newId: NewId, now: () => number): Record<string, AwsService> {
  const of = (type: string) => Object.entries(design.resources).filter(([, r]) => effectiveResourceType(r) === type)
  const fifo = (r: unknown) => !!(r as { fifo?: boolean }).fifo
  return {
    dynamodb: new InMemoryDynamoDb(designTables(design)),
    kinesis: new InMemoryKinesis(designStreams(design).map((s) => s.name)),
    sqs: new InMemorySqs(of('sqs-queue').map(([id, r]) => ({ name: previewName(design, id)!, fifo: fifo(r) })), newId, now),
    sns: new InMemorySns(of('sns-topic').map(([id, r]) => ({ arn: previewArn(design, id)!, fifo: fifo(r) })), newId, now),
    events: new InMemoryEventBridge(new Set(of('eventbridge-bus').map(([id]) => previewName(design, id)!)), newId, now),
    states: new InMemoryStepFunctions(new Set(of('state-machine').map(([id]) => previewArn(design, id)!)), newId, now),
  }
}
