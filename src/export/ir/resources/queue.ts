/** An SQS queue: `sqs.Queue`, with its dead-letter queue as a reference to another queue of the design. */

import { bool, construct, lit, num, props, str, sym, THIS, v } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, duration, removal } from './shared'
import { cfnValue } from '../cfnValue'
import type { JsonObject } from '../../../model/types'
import { ownEntry } from '../../../model/queries'

export function buildQueue({ ctx, id, resource, constructId, text }: BuildInput<ResourceOf<'sqs-queue'>>): ResourceBuild {
  const cfn: JsonObject = {}
  const rp = removal(resource)
  // A dead-letter queue the design does not hold (or that is not a queue) is reported by MDL029; nothing to write then.
  const dlq = resource.deadLetterQueue?.queue
  const deadLetter = dlq !== undefined && dlq !== id && ownEntry(ctx.design.resources, dlq)?.type === 'sqs-queue' && ctx.hasVar(dlq) ? resource.deadLetterQueue : undefined
  const policies = rp.cfn
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
  else if (resource.encryption) cfn.SqsManagedSseEnabled = resource.encryption === 'SQS_MANAGED'
  const cast: L1Class = { module: 'sqs', name: 'CfnQueue' }
  return { construction, cfn, cast, policies }
}
