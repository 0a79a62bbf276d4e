/**
 * In-memory Step Functions StartExecution / StartSyncExecution (Step Functions API Reference; JSON 1.0,
 * target `AWSStepFunctions.StartExecution`): `stateMachineArn` is required; `input`, when given, must be a
 * JSON text; `name` is optional. StartExecution answers `{executionArn, startDate}`. The emulator does not
 * run the state machine's Amazon States Language: StartSyncExecution answers SUCCEEDED with `output` equal to
 * the input, and says so on the timeline (`note` of the answer).
 */

import type { Json } from '../../model/types'
import { jsonAnswer, jsonError, parseJsonObject, uuidFrom, type AwsService, type AwsServiceAnswer, type AwsServiceRequest, type NewId } from './types'

export interface Execution {
  executionArn: string
  stateMachineArn: string
  name: string
  input: string
  startedAt: number
  sync: boolean
}

export class InMemoryStepFunctions implements AwsService {
  private readonly executions: Execution[] = []
  constructor(
    private readonly machines: Set<string>,
    private readonly newId: NewId,
    private readonly now: () => number,
  ) {}

  call(request: AwsServiceRequest): AwsServiceAnswer {
    const body = parseJsonObject(request.body)
    if (!body) return jsonError(400, 'SerializationException', 'the request body is not a JSON object')
    const action = request.action ?? 'StartExecution'
    if (action !== 'StartExecution' && action !== 'StartSyncExecution') return jsonError(400, 'UnknownOperationException', `unsupported action ${action}`)
    const arn = body.stateMachineArn
    if (typeof arn !== 'string') return jsonError(400, 'ValidationException', "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null")
    if (!this.machines.has(arn)) return jsonError(400, 'StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`)
    const input = body.input === undefined ? '{}' : body.input
    if (typeof input !== 'string') return jsonError(400, 'SerializationException', 'input must be a string')
    try {
      JSON.parse(input)
    } catch {
      return jsonError(400, 'InvalidExecutionInput', 'Invalid State Machine Execution Input: the input is not JSON')
    }
    const name = typeof body.name === 'string' ? body.name : uuidFrom(this.newId)
    if (this.executions.some((e) => e.stateMachineArn === arn && e.name === name)) return jsonError(400, 'ExecutionAlreadyExists', `Execution Already Exists: '${name}'`)
    const sync = action === 'StartSyncExecution'
    const executionArn = `${arn.replace(':stateMachine:', sync ? ':express:' : ':execution:')}:${name}`
    const startedAt = this.now()
    this.executions.push({ executionArn, stateMachineArn: arn, name, input, startedAt, sync })
    if (!sync) return jsonAnswer(200, { executionArn, startDate: startedAt / 1000 })
    return jsonAnswer(200, { executionArn, stateMachineArn: arn, name, startDate: startedAt / 1000, stopDate: startedAt / 1000, status: 'SUCCEEDED', input, output: input, note: 'emulated: the state machine definition is not run; output = input' })
  }

  state(): Json {
    return this.executions as unknown as Json
  }
}
