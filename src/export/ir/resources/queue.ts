/** An SQS queue: `sqs.Queue`, with its dead-letter queue as a reference to another queue of the design. */

import { bool, call, construct, lit, num, props, str, sym, THIS, v } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, designQueue, duration, keyFromArn, removal } from './shared'
import { cfnValue } from '../cfnValue'
import type { JsonObject } from '../../../model/types'

const REDRIVE_PERMISSION = { allowAll: 'ALLOW_ALL', denyAll: 'DENY_ALL', byQueue: 'BY_QUEUE' } as const

export function buildQueue({ ctx, id, resource, constructId, text }: BuildInput<ResourceOf<'sqs-queue'>>): ResourceBuild {
  const cfn: JsonObject = {}
  const rp = removal(resource)
  // A queue named as its own dead-letter queue is MDL088; nothing to write then.
  const deadLetter = resource.deadLetterQueue && resource.deadLetterQueue.queue !== id && designQueue(ctx, resource.deadLetterQueue.queue) ? resource.deadLetterQueue : undefined
  const policies = rp.cfn
  // The L2 takes a customer key only with KMS encryption (MDL083 / MDL084 report the other combinations).
  const key = resource.encryption === 'KMS' && resource.kmsKeyArn ? keyFromArn({ ctx, constructId, text }, resource.kmsKeyArn, 'kmsKeyArn') : undefined
  // The L2 writes a data key reuse period only with a KMS key (MDL084 reports it otherwise).
  const keyReuse = resource.encryption === 'KMS' || resource.encryption === 'KMS_MANAGED' ? resource.dataKeyReuseSeconds : undefined
  const redriveAllow = resource.redriveAllowPolicy
  const sourceQueues = redriveAllow?.permission === 'byQueue' ? (redriveAllow.sourceQueueArns ?? []).map((arn, i) => text(arn, `redriveAllowPolicy.sourceQueueArns.${i}`)) : []
  const construction = construct('sqs', 'Queue', [THIS, lit(constructId)], props([
    ['queueName', resource.queueName !== undefined ? str(text(resource.queueName, 'queueName')) : undefined],
    ['fifo', resource.fifo !== undefined ? bool(resource.fifo) : undefined],
    ['contentBasedDeduplication', resource.contentBasedDeduplication !== undefined ? bool(resource.contentBasedDeduplication) : undefined],
    ['visibilityTimeout', resource.visibilityTimeoutSeconds !== undefined ? duration(resource.visibilityTimeoutSeconds) : undefined],
    ['retentionPeriod', resource.retentionPeriodSeconds !== undefined ? duration(resource.retentionPeriodSeconds) : undefined],
    ['deliveryDelay', resource.deliveryDelaySeconds !== undefined ? duration(resource.deliveryDelaySeconds) : undefined],
    ['receiveMessageWaitTime', resource.receiveMessageWaitTimeSeconds !== undefined ? duration(resource.receiveMessageWaitTimeSeconds) : undefined],
    ['maxMessageSizeBytes', resource.maxMessageSizeBytes !== undefined ? num(resource.maxMessageSizeBytes) : undefined],
    ['encryption', resource.encryption ? sym('sqs', `QueueEncryption.${resource.encryption}`) : undefined],
    ['encryptionMasterKey', key?.cdk],
    ['dataKeyReuse', keyReuse !== undefined ? duration(keyReuse) : undefined],
    ['deduplicationScope', resource.deduplicationScope ? sym('sqs', `DeduplicationScope.${resource.deduplicationScope === 'queue' ? 'QUEUE' : 'MESSAGE_GROUP'}`) : undefined],
    ['fifoThroughputLimit', resource.fifoThroughputLimit ? sym('sqs', `FifoThroughputLimit.${resource.fifoThroughputLimit === 'perQueue' ? 'PER_QUEUE' : 'PER_MESSAGE_GROUP_ID'}`) : undefined],
    ['redriveAllowPolicy', redriveAllow ? {
      k: 'struct',
      pyClass: { module: 'sqs', name: 'RedriveAllowPolicy' },
      props: props([
        ['redrivePermission', sym('sqs', `RedrivePermission.${REDRIVE_PERMISSION[redriveAllow.permission]}`)],
        ['sourceQueues', sourceQueues.length ? { k: 'list', items: sourceQueues.map((arn, i) => call(sym('sqs', 'Queue'), 'fromQueueArn', [THIS, lit(ctx.stackChildId(`${constructId}Source${i + 1}`)), str(arn)])) } : undefined],
      ]),
    } : undefined],
    ['deadLetterQueue', deadLetter ? { k: 'struct', pyClass: { module: 'sqs', name: 'DeadLetterQueue' }, props: [['queue', v(ctx.varOf(deadLetter.queue))], ['maxReceiveCount', num(deadLetter.maxReceiveCount)]] } : undefined],
    ['removalPolicy', rp.prop],
  ]))
  if (resource.queueName !== undefined) cfn.QueueName = cfnValue(text(resource.queueName, 'queueName'))
  if (resource.fifo !== undefined) cfn.FifoQueue = resource.fifo
  if (resource.contentBasedDeduplication !== undefined) cfn.ContentBasedDeduplication = resource.contentBasedDeduplication
  if (resource.visibilityTimeoutSeconds !== undefined) cfn.VisibilityTimeout = resource.visibilityTimeoutSeconds
  if (resource.retentionPeriodSeconds !== undefined) cfn.MessageRetentionPeriod = resource.retentionPeriodSeconds
  if (resource.deliveryDelaySeconds !== undefined) cfn.DelaySeconds = resource.deliveryDelaySeconds
  if (resource.receiveMessageWaitTimeSeconds !== undefined) cfn.ReceiveMessageWaitTimeSeconds = resource.receiveMessageWaitTimeSeconds
  if (resource.maxMessageSizeBytes !== undefined) cfn.MaximumMessageSize = resource.maxMessageSizeBytes
  if (deadLetter) cfn.RedrivePolicy = { deadLetterTargetArn: cfnValue(text(`@{${deadLetter.queue}.arn}`, 'deadLetterQueue')), maxReceiveCount: deadLetter.maxReceiveCount }
  if (resource.encryption === 'KMS_MANAGED') cfn.KmsMasterKeyId = 'alias/aws/sqs'
  else if (resource.encryption === 'KMS') {
    if (key) cfn.KmsMasterKeyId = key.cfn
  } else if (resource.encryption) cfn.SqsManagedSseEnabled = resource.encryption === 'SQS_MANAGED'
  if (keyReuse !== undefined) cfn.KmsDataKeyReusePeriodSeconds = keyReuse
  if (resource.deduplicationScope) cfn.DeduplicationScope = resource.deduplicationScope
  if (resource.fifoThroughputLimit) cfn.FifoThroughputLimit = resource.fifoThroughputLimit
  if (redriveAllow) {
    cfn.RedriveAllowPolicy = { redrivePermission: redriveAllow.permission, ...(sourceQueues.length ? { sourceQueueArns: sourceQueues.map((e) => cfnValue(e)) } : {}) }
  }
  const cast: L1Class = { module: 'sqs', name: 'CfnQueue' }
  return { construction, cfn, cast, policies }
}
