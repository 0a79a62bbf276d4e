/**
 * Every mapping template of a design, validated the way the editor validates it: request templates of each
 * non-proxy integration in request mode, and integration response templates in response mode. Diagnostics carry
 * `entity` (the integration), `field` (the template's field path) and `range` relative to the template text.
 */

import type { Diagnostic } from '../model/diagnostics'
import { fieldPath } from '../model/fieldPath'
import type { Design } from '../model/types'
import { responseTemplateOptionsFor, templateOptionsFor } from '../vtl/designOptions'
import { validateTemplate } from '../vtl/validate'

export function checkTemplates(design: Design): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const [id, integration] of Object.entries(design.integrations)) {
    // Proxy integrations pass the message through: API Gateway ignores their templates.
    if (integration.type === 'lambda-proxy' || integration.type === 'http-proxy') continue
    for (const [contentType, text] of Object.entries(integration.requestTemplates ?? {})) {
      const field = fieldPath('requestTemplates', contentType)
      for (const d of validateTemplate(text, templateOptionsFor(design, id, contentType))) out.push({ ...d, entity: id, field: d.field ?? field })
    }
    for (const [responseKey, response] of Object.entries(integration.responses ?? {})) {
      for (const [contentType, text] of Object.entries(response.templates ?? {})) {
        const field = fieldPath('responses', responseKey, 'templates', contentType)
        for (const d of validateTemplate(text, responseTemplateOptionsFor(design, id, contentType))) out.push({ ...d, entity: id, field: d.field ?? field })
      }
    }
  }
  return out
}
