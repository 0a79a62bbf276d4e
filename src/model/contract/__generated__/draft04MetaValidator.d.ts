// Types of the generated draft-4 meta-schema validator (scripts/generate-draft04-meta.mjs).
import type { ErrorObject } from 'ajv'

interface MetaValidator {
  (schema: unknown): boolean
  errors?: ErrorObject[] | null
}
declare const validate: MetaValidator
export { validate }
export default validate
