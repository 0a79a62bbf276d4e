/**
 * In-memory Kinesis PutRecord / PutRecords for the browser (the CLI uses kinesalite). Kinesis API Reference:
 * PutRecord needs `Data` (base64, ≤ 1 MB decoded), `PartitionKey` (1–256 chars) and `StreamName` or `StreamARN`;
 * answer `{ShardId, SequenceNumber}`.
 */

import type { Json } from '../../model/types'
import { jsonAnswer, jsonError, parseJsonObject, type AwsService, type AwsServiceAnswer, type AwsServiceRequest } from './types'

const CT = 'application/x-amz-json-1.1'
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export class InMemoryKinesis implements AwsService {
  private readonly streams = new Map<string, { partitionKey: string; data: string; sequenceNumber: string }[]>()
  private seq = 0
  constructor(streams: string[]) {
    for (const s of streams) this.streams.set(s, [])
  }

  call(request: AwsServiceRequest): AwsServiceAnswer {
    const body = parseJsonObject(request.body)
    if (!body) return jsonError(400, 'SerializationException', 'the request body is not a JSON object', CT)
    const action = request.action ?? 'PutRecord'
    const name = typeof body.StreamName === 'string' ? body.StreamName : typeof body.StreamARN === 'string' ? body.StreamARN.split('/').pop()! : undefined
    if (name === undefined) return jsonError(400, 'ValidationException', 'Either StreamName or StreamARN should be provided.', CT)
    const stream = this.streams.get(name)
    if (!stream) return jsonError(400, 'ResourceNotFoundException', `Stream ${name} under account 123456789012 not found.`, CT)
    const put = (r: Record<string, unknown>) => {
      if (typeof r.Data !== 'string' || !BASE64.test(r.Data)) return { error: "1 validation error detected: Value at 'data' failed to satisfy constraint: Member must be base64" }
      if (typeof r.PartitionKey !== 'string' || r.PartitionKey.length < 1 || r.PartitionKey.length > 256)
        return { error: "1 validation error detected: Value at 'partitionKey' failed to satisfy constraint: Member must have length between 1 and 256" }
      const sequenceNumber = String(49_600_000_000_000_000_000n + BigInt(++this.seq))
      stream.push({ partitionKey: r.PartitionKey, data: r.Data, sequenceNumber })
      return { SequenceNumber: sequenceNumber, ShardId: 'shardId-000000000000' }
    }
    if (action === 'PutRecord') {
      const r = put(body)
      return 'error' in r ? jsonError(400, 'ValidationException', r.error!, CT) : jsonAnswer(200, r, CT)
    }
    if (action === 'PutRecords' && Array.isArray(body.Records)) {
      const results = body.Records.map((r) => put((r ?? {}) as Record<string, unknown>))
      const failed = results.filter((r) => 'error' in r).length
      return jsonAnswer(200, { FailedRecordCount: failed, Records: results.map((r) => ('error' in r ? { ErrorCode: 'ValidationException', ErrorMessage: r.error } : r)) }, CT)
    }
    return jsonError(400, 'UnknownOperationException', `unsupported action ${action}`, CT)
  }

  state(): Json {
    const out: Record<string, Json> = {}
    for (const [name, records] of this.streams) out[name] = records
    return out
  }
}
