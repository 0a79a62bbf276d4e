/**
 * In-memory SNS Publish over the query protocol (SNS API Reference, Publish): `Message` is required, and one of
 * `TopicArn`, `TargetArn` or `PhoneNumber`; FIFO topics need `MessageGroupId`. The answer is the documented
 * `PublishResponse` XML with a `MessageId` (and `SequenceNumber` for FIFO).
 */

import type { Json } from '../../model/types'
import { actionOf, parseForm, queryError, uuidFrom, xmlEscape, type AwsService, type AwsServiceAnswer, type AwsServiceRequest, type NewId } from './types'

export interface TopicInfo {
  arn: string
  fifo: boolean
}

export interface SnsNotification {
  messageId: string
  topicArn: string
  message: string
  subject?: string
  groupId?: string
  attributes: Record<string, string>
  publishedAt: number
}

export class InMemorySns implements AwsService {
  private readonly topics = new Map<string, { info: TopicInfo; published: SnsNotification[] }>()
  private seq = 0
  constructor(
    topics: TopicInfo[],
    private readonly newId: NewId,
    private readonly now: () => number,
  ) {
    for (const t of topics) this.topics.set(t.arn, { info: t, published: [] })
  }

  call(request: AwsServiceRequest): AwsServiceAnswer {
    const requestId = uuidFrom(this.newId)
    const form = parseForm(request.body)
    const fail = (code: string, message: string, status = 400) => queryError(status, code, message, requestId)
    const action = actionOf(request, form)
    if (action !== 'Publish') return fail('InvalidAction', `The action ${action ?? '(none)'} is not valid for this endpoint.`)
    const arn = form.get('TopicArn') ?? form.get('TargetArn')
    if (arn === undefined && form.get('PhoneNumber') === undefined) return fail('InvalidParameter', 'Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter')
    const message = form.get('Message')
    if (message === undefined) return fail('ValidationError', "1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null")
    const topic = arn !== undefined ? this.topics.get(arn) : undefined
    if (!topic) return fail('NotFound', 'Topic does not exist', 404)
    const groupId = form.get('MessageGroupId')
    if (topic.info.fifo && !groupId) return fail('InvalidParameter', 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics')
    const attributes: Record<string, string> = {}
    for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) attributes[form.get(`MessageAttributes.entry.${n}.Name`)!] = form.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? ''
    const n: SnsNotification = { messageId: uuidFrom(this.newId), topicArn: topic.info.arn, message, attributes, publishedAt: this.now() }
    const subject = form.get('Subject')
    if (subject !== undefined) n.subject = subject
    if (groupId) n.groupId = groupId
    topic.published.push(n)
    this.seq++
    const seq = topic.info.fifo ? `<SequenceNumber>${String(this.seq).padStart(20, '0')}</SequenceNumber>` : ''
    return {
      status: 200,
      headers: { 'Content-Type': 'text/xml' },
      body: `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${xmlEscape(n.messageId)}</MessageId>${seq}</PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
    }
  }

  state(): Json {
    const out: Record<string, Json> = {}
    for (const [arn, t] of this.topics) out[arn] = t.published as unknown as Json
    return out
  }
}
