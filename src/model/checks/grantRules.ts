import { broaderGrants, grantStatements, grantTargetType, GRANT_METHOD_NAMES } from '../grants'
import type { Rule } from './context'

const service = (actions: string[]) => [...new Set(actions.map((a) => a.split(':')[0]))].join('/')

/** CDK grants (`grants` on roles and functions): they must name a grant of the entity; say where one is broader than needed. */
export const grantRules: Rule = (ctx) => {
  for (const [id, res] of Object.entries(ctx.design.resources)) {
    if ((res.type !== 'iam-role' && res.type !== 'lambda-function') || !res.grants) continue
    for (const [entity, methods] of Object.entries(res.grants)) {
      for (const method of methods) {
        if (grantStatements(ctx.design, entity, method)) continue
        ctx.report('MDL056', id, ['grants', entity], `"${method}" on "${entity}" is not a CDK grant the export can write (${grantTargetType(ctx.design, entity)}; grants: ${GRANT_METHOD_NAMES.join(', ')}).`)
      }
    }
    if (res.type !== 'iam-role') continue
    for (const b of broaderGrants(ctx.design, id)) {
      const need = b.needed.length ? `its integrations need ${b.needed.map((a) => a.split(':')[1]).join(', ')}` : 'its integrations need none of them'
      ctx.report('MDL057', id, ['grants', b.entity], `${id} may do ${b.granted.length} ${service(b.granted)} action${b.granted.length === 1 ? '' : 's'} on ${b.entity}; ${need}. "Narrow to what the integrations use" in the inspector replaces the grant with exactly that.`)
    }
  }
}
