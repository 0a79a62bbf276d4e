/**
 * In-memory EventBridge PutEvents (EventBridge API Reference, PutEvents; JSON 1.1 protocol, target
 * `AWSEvents.PutEvents`): `Entries` is required, 1–10 entries; an entry without `Source`, `DetailType` or
 * `Detail`, or with a `Detail` that is not a JSON object, fails alone and is reported in its slot of
 * `Entries` with `ErrorCode`/`ErrorMessage` while `FailedEntryCount` counts it. The bus defaults to `default`.
 */

import type { Json } from '../../model/types'
import { jsonAnswer, jsonError, parseJsonObject, uuidFrom, type AwsService, type AwsServiceAnswer, type AwsServiceRequest, type NewId } from './types'

export interface PutEvent {
  eventId: string
  bus: string
  source: string
  detailType: string
  detail: Json
  resources?: Json
  receivedAt: number
}

const CT = 'application/x-amz-json-1.1'

export class InMemoryEventBridge implements AwsService {
  private readonly events: PutEvent[] = []
  constructor(
    private readonly buses: Set<string>,
    private readonly newId: NewId,
    private readonly now: () => number,
  ) {}

  call(request: AwsServiceRequest): AwsServiceAnswer {
    const body = parseJsonObject(request.body)
    if (!body) return jsonError(400, 'SerializationException', 'the request body is not a JSON object', CT)
    if (request.action && request.action !== 'PutEvents') return jsonError(400, 'UnknownOperationException', `unsupported action ${request.action}`, CT)
    const entries = body.Entries
    if (!Array.isArray(entries)) return jsonError(400, 'ValidationException', "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null", CT)
    if (entries.length < 1 || entries.length > 10) return jsonError(400, 'ValidationException', `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and 10`, CT)
    let failed = 0
    const out = entries.map((e: unknown) => {
      const entry = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>
      const missing = ['Source', 'DetailType', 'Detail'].find((k) => typeof entry[k] !== 'string')
      let detail: unknown
      if (!missing) {
        try {
          detail = JSON.parse(entry.Detail as string)
        } catch {
          detail = undefined
        }
      }
      const bus = typeof entry.EventBusName === 'string' ? entry.EventBusName.split('/').pop()! : 'default'
      const error = missing
        ? `Parameter(s) ${missing} could not be found.`
        : !detail || typeof detail !== 'object' || Array.isArray(detail)
          ? 'Detail is malformed.'
          : bus !== 'default' && !this.buses.has(bus)
            ? `Event bus ${bus} does not exist.`
            : undefined
      if (error) {
        failed++
        return { ErrorCode: missing ? 'InvalidArgument' : bus !== 'default' && !this.buses.has(bus) ? 'ResourceNotFoundException' : 'MalformedDetail', ErrorMessage: error }
      }
      const ev: PutEvent = { eventId: uuidFrom(this.newId), bus, source: entry.Source as string, detailType: entry.DetailType as string, detail: detail as Json, receivedAt: this.now() }
      if (entry.Resources !== undefined) ev.resources = entry.Resources as Json
      this.events.push(ev)
      return { EventId: ev.eventId }
    })
    return jsonAnswer(200, { FailedEntryCount: failed, Entries: out }, CT)
  }

  state(): Json {
    return this.events as unknown as Json
  }
}
