import type { Rule } from './context'

/** Target-resource rules that CDK does not check at synth time. */
export const resourceRules: Rule = (ctx) => {
  for (const [id, res] of Object.entries(ctx.design.resources)) {
    if (res.type === 'sqs-queue' && res.queueName) {
      if (res.fifo && !res.queueName.endsWith('.fifo')) ctx.report('MDL046', id, ['queueName'], `FIFO queue names must end in .fifo ("${res.queueName}").`)
      if (!res.fifo && res.queueName.endsWith('.fifo')) ctx.report('MDL046', id, ['fifo'], `"${res.queueName}" ends in .fifo but the queue is not FIFO.`)
    }
    if (res.type === 'sns-topic' && res.topicName && res.fifo && !res.topicName.endsWith('.fifo')) {
      ctx.report('MDL046', id, ['topicName'], `FIFO topic names must end in .fifo ("${res.topicName}").`)
    }
    if (res.type === 'state-machine') {
      try {
        JSON.parse(res.definition)
      } catch (e) {
        ctx.report('MDL053', id, ['definition'], `The state machine definition is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }
}
