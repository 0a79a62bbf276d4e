import { splitFieldPath } from '../model/fieldPath'

/** True for `requestTemplates.<type>` and `responses.<key>.templates.<type>`: fields whose ranges are template-relative. */
export function isTemplateFieldPath(field: string | undefined): boolean {
  if (!field) return false
  const segments = splitFieldPath(field)
  return (segments.length === 2 && segments[0] === 'requestTemplates') || (segments.length === 4 && segments[0] === 'responses' && segments[2] === 'templates')
}
