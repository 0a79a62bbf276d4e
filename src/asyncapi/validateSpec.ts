/**
 * Validates an AsyncAPI 3.0 document against the AsyncAPI project's JSON Schema (`@asyncapi/specs`), for the
 * browser, where `@asyncapi/parser` must not go. The schema (~380 KB) is loaded on first use only, and compiled once.
 */

import Ajv, { type ValidateFunction } from 'ajv'
import type { Json } from '../model/types'

let validator: Promise<ValidateFunction> | undefined

function load(): Promise<ValidateFunction> {
  validator ??= import('@asyncapi/specs/schemas/3.0.0-without-$id.json').then((m) => {
    // Formats are not checked (the spec's formats are uri/email/…; the parser checks them in tests and the CLI).
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false })
    return ajv.compile((m as { default: object }).default)
  })
  return validator
}

/** Problems as `path: message` lines; empty when the document is valid AsyncAPI 3.0. */
export async function specProblems(doc: Json): Promise<string[]> {
  const validate = await load()
  if (validate(doc)) return []
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`)
}
