import { describe, expect, it } from 'vitest'
import { API_FIELDS, COLLECTION_FIELDS, resourceFields, ROUTE_FIELDS, type FieldsSpec } from '../../model/schema'
import { RESOURCE_TYPES } from '../../model/types'
import { fieldLabel, humanise } from './fieldSpecs'

/** Every label the inspector can show, nested fields included, with where it comes from. */
function labels(fields: FieldsSpec, at = ''): [string, string][] {
  return Object.entries(fields).flatMap(([name, spec]): [string, string][] => {
    const here: [string, string] = [`${at}${name}`, fieldLabel(name, spec)]
    if (spec.kind === 'object') return [here, ...labels(spec.fields, `${at}${name}.`)]
    if (spec.kind === 'map' && spec.value.kind === 'object') return [here, ...labels(spec.value.fields, `${at}${name}.*.`)]
    if (spec.kind === 'oneOf') return [here, ...Object.values(spec.alternatives).flatMap((alt) => labels(alt, `${at}${name}.`))]
    return [here]
  })
}

const ALL_TABLES: [string, FieldsSpec][] = [
  ['api', API_FIELDS],
  ...Object.entries(COLLECTION_FIELDS),
  ...RESOURCE_TYPES.map((t): [string, FieldsSpec] => [`resource ${t}`, resourceFields(t)]),
]

describe('inspector labels', () => {
  it('reads as words: abbreviations in capitals, no internal names ("Cfn extra", "Route response extra")', () => {
    for (const [table, fields] of ALL_TABLES) {
      for (const [path, label] of labels(fields)) {
        expect(label, `${table} ${path}`).not.toMatch(/\b(Api|Uri|Url|Arn|Cfn|Iam|Ip|Vpc|Kms|Ttl|Cdk)\b/)
        expect(label, `${table} ${path}`).not.toMatch(/\bextra\b/i)
      }
    }
  })

  it('names the fields of the issue in the words asked for', () => {
    expect(fieldLabel('apiKeyRequired', ROUTE_FIELDS.apiKeyRequired)).toBe('API key required')
    expect(fieldLabel('routeResponseExtra', ROUTE_FIELDS.routeResponseExtra)).toBe('Other route response properties')
    expect(fieldLabel('cfnExtra', ROUTE_FIELDS.cfnExtra)).toBe('Other CloudFormation properties')
    expect(humanise('existingArn')).toBe('Existing ARN')
    expect(humanise('routeSelectionExpression')).toBe('Route selection expression')
  })
})
