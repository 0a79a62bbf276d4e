/**
 * In-memory SQS: SendMessage and SendMessageBatch in both protocols SQS speaks — the query protocol
 * (`Action=SendMessage&MessageBody=…`, XML answers; what the designer's presets send) and the JSON protocol
 * (`X-Amz-Target: AmazonSQS.SendMessage`, `application/x-amz-json-1.0`). Parameters and answers follow the
 * SQS API Reference (SendMessage: QueueUrl, MessageBody required; MessageAttribute.N.Name/Value.DataType/
 * Value.StringValue; MessageGroupId required for FIFO; answer MessageId, MD5OfMessageBody, SequenceNumber for FIFO).
 */

import type { Json } from '../../model/types'
import { md5Hex } from '../../export/ir/md5'
import { actionOf, header, jsonAnswer, jsonError, parseForm, parseJsonObject, queryError, uuidFrom, xmlEscape, type AwsService, type AwsServiceAnswer, type AwsServiceRequest, type NewId } from './types'

export interface QueueInfo {
  name: string
  fifo: boolean
}

export interface SqsMessage {
  messageId: string
  body: string
  attributes: Record<string, { DataType: string; StringValue?: string }>
  groupId?: string
  deduplicationId?: string
  sentAt: number
}

const NS = 'http://queue.amazonaws.com/doc/2012-11-05/'

export class InMemorySqs implements AwsService {
  private readonly queues = new Map<string, { info: QueueInfo; messages: SqsMessage[]; seq: number }>()
  constructor(
    queues: QueueInfo[],
    private readonly newId: NewId,
    private readonly now: () => number,
  ) {
    for (const q of queues) this.queues.set(q.name, { info: q, messages: [], seq: 0 })
  }

  call(request: AwsServiceRequest): AwsServiceAnswer {
    const requestId = uuidFrom(this.newId)
    const json = /json/.test(header(request.headers, 'Content-Type') ?? '') || header(request.headers, 'X-Amz-Target') !== undefined
    if (json) return this.callJson(request, requestId)
    const form = parseForm(request.body)
    const action = actionOf(request, form)
    const queueName = this.queueName(request.path, form.get('QueueUrl'))
    const fail = (code: string, message: string, status = 400) => queryError(status, code, message, requestId)
    if (action !== 'SendMessage' && action !== 'SendMessageBatch') return fail('InvalidAction', `The action ${action ?? '(none)'} is not valid for this endpoint.`)
    const queue = queueName !== undefined ? this.queues.get(queueName) : undefined
    if (!queue) return fail('AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist for this wsdl version.')
    if (action === 'SendMessage') {
      const sent = this.send(queue, formMessage(form, ''))
      if (typeof sent === 'string') return fail(sent.split(':')[0], sent.slice(sent.indexOf(':') + 2))
      return xml('SendMessage', `<MD5OfMessageBody>${md5Hex(sent.body)}</MD5OfMessageBody><MessageId>${sent.messageId}</MessageId>${queue.info.fifo ? `<SequenceNumber>${queue.seq}</SequenceNumber>` : ''}`, requestId)
    }
    const results: string[] = []
    for (let n = 1; form.has(`SendMessageBatchRequestEntry.${n}.Id`); n++) {
      const id = form.get(`SendMessageBatchRequestEntry.${n}.Id`)!
      const sent = this.send(queue, formMessage(form, `SendMessageBatchRequestEntry.${n}.`))
      results.push(
        typeof sent === 'string'
          ? `<BatchResultErrorEntry><Id>${xmlEscape(id)}</Id><Code>${sent.split(':')[0]}</Code><Message>${xmlEscape(sent.slice(sent.indexOf(':') + 2))}</Message><SenderFault>true</SenderFault></BatchResultErrorEntry>`
          : `<SendMessageBatchResultEntry><Id>${xmlEscape(id)}</Id><MessageId>${sent.messageId}</MessageId><MD5OfMessageBody>${md5Hex(sent.body)}</MD5OfMessageBody></SendMessageBatchResultEntry>`,
      )
    }
    if (!results.length) return fail('AWS.SimpleQueueService.EmptyBatchRequest', 'There should be at least one SendMessageBatchRequestEntry in the request.')
    return xml('SendMessageBatch', results.join(''), requestId)
  }

  private callJson(request: AwsServiceRequest, requestId: string): AwsServiceAnswer {
    const body = parseJsonObject(request.body)
    if (!body) return jsonError(400, 'com.amazon.coral.service#SerializationException', 'the request body is not a JSON object')
    const action = actionOf(request)
    if (action !== 'SendMessage') return jsonError(400, 'com.amazon.coral.service#UnknownOperationException', `The action ${action ?? '(none)'} is not valid for this endpoint.`)
    const queueName = this.queueName(request.path, typeof body.QueueUrl === 'string' ? body.QueueUrl : undefined)
    const queue = queueName !== undefined ? this.queues.get(queueName) : undefined
    if (!queue) return jsonError(400, 'com.amazonaws.sqs#QueueDoesNotExist', 'The specified queue does not exist.')
    const attrs = body.MessageAttributes && typeof body.MessageAttributes === 'object' ? (body.MessageAttributes as SqsMessage['attributes']) : {}
    const sent = this.send(queue, { body: typeof body.MessageBody === 'string' ? body.MessageBody : undefined, attributes: attrs, groupId: str(body.MessageGroupId), deduplicationId: str(body.MessageDeduplicationId) })
    if (typeof sent === 'string') return jsonError(400, `com.amazonaws.sqs#${sent.split(':')[0]}`, sent.slice(sent.indexOf(':') + 2))
    void requestId
    return jsonAnswer(200, { MD5OfMessageBody: md5Hex(sent.body), MessageId: sent.messageId, ...(queue.info.fifo ? { SequenceNumber: String(queue.seq) } : {}) })
  }

  /** Queue name from the path-style URI (`<account>/<name>`) or a QueueUrl parameter. */
  private queueName(path: string | undefined, queueUrl: string | undefined): string | undefined {
    const from = queueUrl ?? path
    if (!from) return undefined
    return from.split('/').filter(Boolean).pop()
  }

  private send(queue: { info: QueueInfo; messages: SqsMessage[]; seq: number }, m: { body?: string; attributes: SqsMessage['attributes']; groupId?: string; deduplicationId?: string }): SqsMessage | string {
    if (m.body === undefined) return 'MissingParameter: The request must contain the parameter MessageBody.'
    if (m.body === '') return 'InvalidParameterValue: The request must contain a non-empty message body.'
    if (queue.info.fifo && !m.groupId) return 'MissingParameter: The request must contain the parameter MessageGroupId.'
    const message: SqsMessage = { messageId: uuidFrom(this.newId), body: m.body, attributes: m.attributes, sentAt: this.now() }
    if (m.groupId) message.groupId = m.groupId
    if (m.deduplicationId) message.deduplicationId = m.deduplicationId
    queue.seq++
    queue.messages.push(message)
    return message
  }

  state(): Json {
    const out: Record<string, Json> = {}
    for (const [name, q] of this.queues) out[name] = q.messages as unknown as Json
    return out
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function formMessage(form: Map<string, string>, prefix: string) {
  const attributes: SqsMessage['attributes'] = {}
  for (let n = 1; form.has(`${prefix}MessageAttribute.${n}.Name`); n++) {
    const name = form.get(`${prefix}MessageAttribute.${n}.Name`)!
    attributes[name] = { DataType: form.get(`${prefix}MessageAttribute.${n}.Value.DataType`) ?? 'String', StringValue: form.get(`${prefix}MessageAttribute.${n}.Value.StringValue`) }
  }
  return { body: form.get(`${prefix}MessageBody`), attributes, groupId: form.get(`${prefix}MessageGroupId`), deduplicationId: form.get(`${prefix}MessageDeduplicationId`) }
}

function xml(action: string, result: string, requestId: string): AwsServiceAnswer {
  return {
    status: 200,
    headers: { 'Content-Type': 'text/xml' },
    body: `<?xml version="1.0"?><${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  }
}
