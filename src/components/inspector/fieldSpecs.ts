/** The field table for an entity kind (from src/model/schema.ts, which drives the whole form). */
import { API_FIELDS, AUTHORIZER_FIELDS, DOMAIN_FIELDS, INTEGRATION_FIELDS, MESSAGE_FIELDS, MODEL_FIELDS, ROUTE_FIELDS, STAGE_FIELDS, resourceFields, type FieldSpec, type FieldsSpec, type RefTarget } from '../../model/schema'
import { effectiveResourceType, locateEntity } from '../../model/queries'
import { COLLECTIONS, COLLECTION_KIND, type Design, type EntityId, type EntityKind, type Resource } from '../../model/types'

export function fieldsFor(kind: EntityKind, entity: unknown): FieldsSpec {
  switch (kind) {
    case 'api':
      return API_FIELDS
    case 'route':
      return ROUTE_FIELDS
    case 'integration':
      return INTEGRATION_FIELDS
    case 'authorizer':
      return AUTHORIZER_FIELDS
    case 'stage':
      return STAGE_FIELDS
    case 'domain':
      return DOMAIN_FIELDS
    case 'model':
      return MODEL_FIELDS
    case 'message':
      return MESSAGE_FIELDS
    case 'resource':
      return resourceFields((entity as Resource).type)
  }
}

/** Entities a `ref` field may point at. */
export function refCandidates(design: Design, to: readonly RefTarget[]): EntityId[] {
  const out: EntityId[] = []
  for (const c of COLLECTIONS) {
    const kind = COLLECTION_KIND[c]
    for (const id of Object.keys(design[c])) {
      if (kind === 'resource') {
        const r = design.resources[id]
        if (to.includes(r.type) || (r.type === 'existing' && to.includes(effectiveResourceType(r)!))) out.push(id)
      } else if ((to as readonly string[]).includes(kind)) out.push(id)
    }
  }
  return out
}

export function kindOf(design: Design, id: EntityId): EntityKind | undefined {
  return locateEntity(design, id)?.kind
}

/** Abbreviations people write in capitals. */
const ACRONYMS = new Map([
  ['api', 'API'],
  ['arn', 'ARN'],
  ['uri', 'URI'],
  ['url', 'URL'],
  ['iam', 'IAM'],
  ['ip', 'IP'],
  ['vpc', 'VPC'],
  ['kms', 'KMS'],
  ['ttl', 'TTL'],
  ['cdk', 'CDK'],
  ['json', 'JSON'],
  ['http', 'HTTP'],
  ['mb', 'MB'],
])

/**
 * The label of a field without one of its own: `routeSelectionExpression` → "Route selection expression",
 * `apiKeyRequired` → "API key required", `existingArn` → "Existing ARN".
 */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((w) => ACRONYMS.get(w) ?? w)
    .join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A field's label: its own, or its name in words. */
export function fieldLabel(name: string, spec: FieldSpec): string {
  return spec.label ?? humanise(name)
}
