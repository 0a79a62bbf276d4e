/**
 * CDK grants (`grants: { table: [grantWriteData] }` on a credentials role or a function) → the grant call on the
 * construct in the CDK targets (`table.grantWriteData(role)`, `table.grant_write_data(role)`), and in CloudFormation
 * the statements that call synthesizes to (src/model/grants.ts), appended to the grantee's default policy in
 * the same order the CDK code runs. Runs after the API and stages exist, so grants on them resolve too.
 */

import { grantStatementJson, grantStatements, GRANT_METHOD_NAMES } from '../../model/grants'
import type { EntityId, Json, JsonObject } from '../../model/types'
import { call, v, type Code } from './code'
import { cfnValue } from './cfnValue'
import type { IrContext } from './context'
import type { CfnResourceIr } from './types'

/** Grants of every generated credentials role and every function, in design order. */
export function buildGrants(ctx: IrContext, stageVariables: Map<EntityId, string>): void {
  for (const [id, r] of Object.entries(ctx.design.resources)) {
    if (!('grants' in r) || !r.grants || !Object.keys(r.grants).length) continue
    if (r.type === 'iam-role') {
      if (r.existingArn !== undefined) {
        ctx.error('EXP017', 'An existing role (existingArn) cannot be given grants; the stack does not own its policy.', id, 'grants')
        continue
      }
      const role = ctx.resources.find((x) => x.owner === id && x.type === 'AWS::IAM::Role')
      if (role) grantTo(ctx, id, v(ctx.varOf(id)), [role.path[0], 'DefaultPolicy', 'Resource'], role, undefined, stageVariables)
    } else if (r.type === 'lambda-function') {
      const fn = ctx.resources.find((x) => x.owner === id && x.type === 'AWS::Lambda::Function')
      const role = fn && ctx.resources.find((x) => x.owner === id && x.type === 'AWS::IAM::Role' && x.path[1] === 'ServiceRole')
      if (!fn) continue
      if (!role) {
        ctx.error('EXP017', 'A function with its own role (cfnExtra Role) cannot be given grants; add the statements to that role instead.', id, 'grants')
        continue
      }
      grantTo(ctx, id, v(ctx.varOf(id)), [fn.path[0], 'ServiceRole', 'DefaultPolicy', 'Resource'], role, fn, stageVariables)
    }
  }
}

function grantTo(
  ctx: IrContext,
  grantee: EntityId,
  granteeCode: Code,
  policyPath: string[],
  role: CfnResourceIr,
  fn: CfnResourceIr | undefined,
  stageVariables: Map<EntityId, string>,
): void {
  const statements: Json[] = []
  const granteeResource = ctx.design.resources[grantee]
  const grants = 'grants' in granteeResource ? granteeResource.grants ?? {} : {}
  for (const [entity, methods] of Object.entries(grants)) {
    for (const method of methods) {
      const table = grantStatements(ctx.design, entity, method)
      if (!table) {
        ctx.error('EXP017', `"${method}" is not a grant of "${entity}" (grants: ${GRANT_METHOD_NAMES.join(', ')}).`, grantee, `grants.${entity}`)
        continue
      }
      const target = entity === 'api' ? ctx.api?.variable : stageVariables.get(entity) ?? (ctx.hasVar(entity) ? ctx.varOf(entity) : undefined)
      if (!target) {
        ctx.error('EXP001', `Grant on "${entity}", which the export does not create.`, grantee, `grants.${entity}`)
        continue
      }
      ctx.emit(grantee, { k: 'expr', value: call(v(target), method, [granteeCode]) })
      for (const s of table) statements.push(resolveStatement(ctx, grantStatementJson(ctx.design, entity, s), grantee, entity))
    }
  }
  if (!statements.length) return
  ctx.defaultPolicyStatements(grantee, policyPath, role.logicalId, fn).push(...statements)
}

/** `@{…}` references in a statement's resources → CloudFormation intrinsics. */
function resolveStatement(ctx: IrContext, statement: Json, grantee: EntityId, entity: EntityId): Json {
  const s = statement as JsonObject
  const one = (text: Json): Json => (typeof text === 'string' ? cfnValue(ctx.text(text, grantee, `grants.${entity}`)) : text)
  return { ...s, Resource: Array.isArray(s.Resource) ? s.Resource.map(one) : one(s.Resource) }
}
