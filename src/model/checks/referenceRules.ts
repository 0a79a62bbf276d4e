import { refAttributesOf } from '../refAttributes'
import { refsIn } from '../refs'
import { locateEntity } from '../queries'
import { walkDesign } from '../walk'
import { RESOURCE_TYPES, type Design, type EntityId } from '../types'
import type { RefTarget } from '../schema'
import type { Rule } from './context'

function refKind(design: Design, id: EntityId): RefTarget | undefined {
  const where = locateEntity(design, id)
  if (!where || where.kind === 'api') return undefined
  if (where.kind === 'resource') return design.resources[id].type
  return where.kind as RefTarget
}

function describeTargets(to: readonly RefTarget[]): string {
  const resourceTargets = to.filter((t) => (RESOURCE_TYPES as readonly string[]).includes(t))
  if (resourceTargets.length > 3) return 'a target resource'
  return to.join(' or ')
}

/** What an AWS service acts on, in the words of its console; for "connect a queue" instead of a missing "target". */
const TARGET_NOUN: Readonly<Record<string, string>> = { sqs: 'a queue', dynamodb: 'a table', sns: 'a topic', kinesis: 'a stream', events: 'an event bus', states: 'a state machine' }

/** A preset's `@{target.…}` stands for the resource the integration will act on, until one is connected. */
function unconnectedTarget(design: Design, entity: EntityId, refEntity: string): string | undefined {
  if (refEntity !== 'target') return undefined
  const integration = Object.prototype.hasOwnProperty.call(design.integrations, entity) ? design.integrations[entity] : undefined
  if (!integration || integration.target) return undefined
  return TARGET_NOUN[integration.service ?? ''] ?? 'the resource it acts on'
}

/** Every id field points at an existing entity of an allowed kind; every @{…} in a string resolves. */
export const referenceRules: Rule = (ctx) => {
  const { design } = ctx
  walkDesign(design, (entity, spec, value, path) => {
    if (spec.kind === 'ref' && typeof value === 'string') {
      const kind = refKind(design, value)
      if (!kind) {
        ctx.report('MDL029', entity, path, `"${value}" does not exist in this design.`)
      } else if (!spec.to.includes(kind)) {
        ctx.report('MDL029', entity, path, `"${value}" is a ${kind}; this field needs ${describeTargets(spec.to)}.`)
      }
    }
    if (spec.kind === 'string' && typeof value === 'string' && value.includes('@{')) {
      for (const r of refsIn(value)) {
        const attributes = refAttributesOf(design, r.entity)
        const noun = attributes ? undefined : unconnectedTarget(design, entity, r.entity)
        if (noun) {
          ctx.report('MDL030', entity, path, `Connect ${noun}: drag from this integration to ${noun}, or add one from the palette. (@{target.${r.attribute}} names it.)`)
        } else if (!attributes) {
          ctx.report('MDL030', entity, path, `@{${r.entity}.${r.attribute}} refers to "${r.entity}", which does not exist in this design.`)
        } else if (!attributes.includes(r.attribute)) {
          ctx.report('MDL030', entity, path, `@{${r.entity}.${r.attribute}}: "${r.entity}" has no attribute "${r.attribute}" (it has ${attributes.join(', ') || 'none'}).`)
        }
      }
    }
  })
}
