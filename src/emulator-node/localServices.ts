/**
 * DynamoDB through dynalite and Kinesis through kinesalite, both in memory on loopback. The rendered request
 * template is POSTed as is (JSON protocol, `X-Amz-Target: DynamoDB_20120810.<Action>` / `Kinesis_20131202.<Action>`),
 * so a malformed item fails with DynamoDB's own validation answer.
 */

import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AwsService, AwsServiceAnswer, AwsServiceRequest } from '../emulator'
import { designStreams, designTables } from '../emulator'
import type { Design, Json } from '../model/types'

const require = createRequire(import.meta.url)
const AUTH = 'AWS4-HMAC-SHA256 Credential=emulator/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00'

async function post(endpoint: string, target: string, contentType: string, body: string): Promise<AwsServiceAnswer> {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': contentType, 'X-Amz-Target': target, Authorization: AUTH, 'X-Amz-Date': '20260101T000000Z' }, body })
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => (headers[k] = v))
  return { status: res.status, headers, body: await res.text() }
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()))
}

export class DynaliteService implements AwsService {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    private tables: string[],
  ) {}

  static async start(design: Design): Promise<DynaliteService> {
    const dynalite = require('dynalite') as (o: object) => Server
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
    const endpoint = await listen(server)
    const s = new DynaliteService(server, endpoint, [])
    await s.createTables(design)
    return s
  }

  async createTables(design: Design): Promise<void> {
    for (const t of designTables(design)) {
      if (this.tables.includes(t.name)) continue
      const keys = [{ ...t.partitionKey, role: 'HASH' }, ...(t.sortKey ? [{ ...t.sortKey, role: 'RANGE' }] : [])]
      const res = await post(this.endpoint, 'DynamoDB_20120810.CreateTable', 'application/x-amz-json-1.0', JSON.stringify({ TableName: t.name, AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })), KeySchema: keys.map((k) => ({ AttributeName: k.name, KeyType: k.role })), BillingMode: 'PAY_PER_REQUEST' }))
      if (res.status !== 200 && !res.body.includes('ResourceInUseException')) throw new Error(`dynalite refused table ${t.name}: ${res.body}`)
      this.tables.push(t.name)
    }
  }

  call(request: AwsServiceRequest): Promise<AwsServiceAnswer> {
    return post(this.endpoint, `DynamoDB_20120810.${request.action ?? ''}`, 'application/x-amz-json-1.0', request.body)
  }

  async state(): Promise<Json> {
    const out: Record<string, Json> = {}
    for (const name of this.tables) {
      const res = await post(this.endpoint, 'DynamoDB_20120810.Scan', 'application/x-amz-json-1.0', JSON.stringify({ TableName: name }))
      out[name] = res.status === 200 ? ((JSON.parse(res.body) as { Items: Json }).Items ?? []) : { error: res.body }
    }
    return out
  }

  stop(): Promise<void> {
    return close(this.server)
  }
}

export class KinesaliteService implements AwsService {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    private streams: string[],
  ) {}

  static async start(design: Design): Promise<KinesaliteService> {
    const kinesalite = require('kinesalite') as (o: object) => Server
    const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 })
    const endpoint = await listen(server)
    const s = new KinesaliteService(server, endpoint, [])
    await s.createStreams(design)
    return s
  }

  async createStreams(design: Design): Promise<void> {
    for (const st of designStreams(design)) {
      if (this.streams.includes(st.name)) continue
      const res = await post(this.endpoint, 'Kinesis_20131202.CreateStream', 'application/x-amz-json-1.1', JSON.stringify({ StreamName: st.name, ShardCount: st.shardCount }))
      if (res.status !== 200 && !res.body.includes('ResourceInUseException')) throw new Error(`kinesalite refused stream ${st.name}: ${res.body}`)
      this.streams.push(st.name)
    }
  }

  call(request: AwsServiceRequest): Promise<AwsServiceAnswer> {
    return post(this.endpoint, `Kinesis_20131202.${request.action ?? ''}`, 'application/x-amz-json-1.1', request.body)
  }

  async state(): Promise<Json> {
    const out: Record<string, Json> = {}
    for (const name of this.streams) {
      const d = await post(this.endpoint, 'Kinesis_20131202.DescribeStream', 'application/x-amz-json-1.1', JSON.stringify({ StreamName: name }))
      const shards = d.status === 200 ? ((JSON.parse(d.body) as { StreamDescription: { Shards: { ShardId: string }[] } }).StreamDescription.Shards ?? []) : []
      const records: Json[] = []
      for (const shard of shards) {
        const it = await post(this.endpoint, 'Kinesis_20131202.GetShardIterator', 'application/x-amz-json-1.1', JSON.stringify({ StreamName: name, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))
        if (it.status !== 200) continue
        const got = await post(this.endpoint, 'Kinesis_20131202.GetRecords', 'application/x-amz-json-1.1', JSON.stringify({ ShardIterator: (JSON.parse(it.body) as { ShardIterator: string }).ShardIterator, Limit: 1000 }))
        if (got.status === 200) for (const r of (JSON.parse(got.body) as { Records: { PartitionKey: string; Data: string; SequenceNumber: string }[] }).Records) records.push({ shardId: shard.ShardId, partitionKey: r.PartitionKey, data: r.Data, sequenceNumber: r.SequenceNumber })
      }
      out[name] = records
    }
    return out
  }

  stop(): Promise<void> {
    return close(this.server)
  }
}
