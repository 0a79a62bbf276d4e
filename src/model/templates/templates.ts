/**
 * How the template editor names a template of an integration (the `key` in `onSelectTemplate` / `onChange` and in
 * the test id `editor.template-tab.<key>`):
 *
 * - request template: the content-type key itself, exactly as in `Integration.requestTemplates`
 *   (`$default`, `application/json`), so `integration.requestTemplates[key] = text` applies an edit;
 * - integration response template: the field path `responses.<responseKey>.templates.<contentType>` (see
 *   `src/model/fieldPath.ts`), i.e. `integration.responses[responseKey].templates[contentType] = text`.
 *
 * A field path `requestTemplates.<contentType>` (as written in diagnostics) is accepted as an alias of the request key,
 * so the Problems panel can pass `diagnostic.field` straight through.
 */
import { fieldPath, splitFieldPath } from '../fieldPath'
import type { Design, Integration } from '../types'
import { ownEntry } from '../queries'

export type TemplateAddress =
  | { kind: 'request'; contentType: string }
  | { kind: 'response'; responseKey: string; contentType: string }

export interface TemplateEntry {
  key: string
  address: TemplateAddress
  /** Short tab label. */
  label: string
  text: string
}

export function requestTemplateKey(contentType: string): string {
  return contentType
}

export function responseTemplateKey(responseKey: string, contentType: string): string {
  return fieldPath('responses', responseKey, 'templates', contentType)
}

export function parseTemplateKey(key: string): TemplateAddress {
  if (/^(requestTemplates|responses)[.[]/.test(key)) {
    const segments = splitFieldPath(key)
    if (segments.length === 4 && segments[0] === 'responses' && segments[2] === 'templates') {
      return { kind: 'response', responseKey: segments[1], contentType: segments[3] }
    }
    if (segments.length === 2 && segments[0] === 'requestTemplates') return { kind: 'request', contentType: segments[1] }
  }
  return { kind: 'request', contentType: key }
}

export function canonicalTemplateKey(key: string): string {
  const address = parseTemplateKey(key)
  return address.kind === 'request' ? requestTemplateKey(address.contentType) : responseTemplateKey(address.responseKey, address.contentType)
}

/** Request templates first (in document order), then integration response templates. */
export function listTemplates(integration: Integration | undefined): TemplateEntry[] {
  if (!integration) return []
  const out: TemplateEntry[] = []
  for (const [contentType, text] of Object.entries(integration.requestTemplates ?? {})) {
    out.push({ key: requestTemplateKey(contentType), address: { kind: 'request', contentType }, label: contentType, text })
  }
  for (const [responseKey, response] of Object.entries(integration.responses ?? {})) {
    for (const [contentType, text] of Object.entries(response.templates ?? {})) {
      out.push({
        key: responseTemplateKey(responseKey, contentType),
        address: { kind: 'response', responseKey, contentType },
        label: `response ${responseKey} · ${contentType}`,
        text,
      })
    }
  }
  return out
}

export function templateText(design: Design, integrationId: string, key: string): string | undefined {
  const integration = ownEntry(design.integrations, integrationId)
  if (!integration) return undefined
  const address = parseTemplateKey(key)
  if (address.kind === 'request') return integration.requestTemplates?.[address.contentType]
  return integration.responses?.[address.responseKey]?.templates?.[address.contentType]
}

/** Path part of the model URI: `integrations/<id>/request/<contentType>.vtl` or `integrations/<id>/responses/<rk>/<ct>.vtl`. */
export function templateModelPath(integrationId: string, key: string): string {
  const address = parseTemplateKey(key)
  const enc = encodeURIComponent
  return address.kind === 'request'
    ? `/integrations/${enc(integrationId)}/request/${enc(address.contentType)}.vtl`
    : `/integrations/${enc(integrationId)}/responses/${enc(address.responseKey)}/${enc(address.contentType)}.vtl`
}

/** Test-id-safe form of a key (test ids are attribute values, so any string works; kept verbatim). */
export function templateTabTestId(key: string): string {
  return `editor.template-tab.${key}`
}

/** The field path of a template inside its integration: `requestTemplates.<type>` or `responses.<key>.templates.<type>`. */
export function templatePath(key: string): string[] {
  const address = parseTemplateKey(key)
  return address.kind === 'request' ? ['requestTemplates', address.contentType] : ['responses', address.responseKey, 'templates', address.contentType]
}

/** True when a diagnostic's field names a mapping template (so the Problems panel opens the template editor). */
export function isTemplateField(field: string | undefined): boolean {
  return !!field && /^(requestTemplates|responses)[.[]/.test(field)
}
