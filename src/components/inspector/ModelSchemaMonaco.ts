/**
 * Monaco's JSON language validates every model and server-message schema editor against the JSON Schema draft-04
 * meta-schema, so what is not draft 4 is underlined as it is typed (the design checks say the same through Ajv,
 * MDL070). The meta-schema comes with `ajv-draft-04` (the package the checks use); documents that name it by
 * `$schema` get the copy Monaco's JSON worker bundles, which is the same schema. Only editors at `SCHEMA_URI_PREFIX`
 * are matched, so other JSON editors (export pane, rendered requests) are left alone. Loaded with Monaco, never in
 * the initial bundle. The module imported is the one `monacoSetup.ts` registers the JSON language through
 * (`language/json/monaco.contribution.js` re-exports it), so these are the live JSON defaults.
 */
import draft04 from 'ajv-draft-04/dist/refs/json-schema-draft-04.json'

export const SCHEMA_URI_PREFIX = 'inmemory://designer/contract/'
const META_URI = 'http://json-schema.org/draft-04/schema#'

let configured: Promise<void> | undefined

/** Registers the draft-04 meta-schema for the schema editors (once; a failed load is retried next time). */
export function configureDraft04Validation(): Promise<void> {
  configured ??= import('monaco-editor/languages/features/json/register.js').then(
    ({ jsonDefaults }) => {
      const current = jsonDefaults.diagnosticsOptions
      const others = (current.schemas ?? []).filter((s) => s.uri !== META_URI)
      jsonDefaults.setDiagnosticsOptions({
        ...current,
        validate: true,
        schemaValidation: 'error',
        schemas: [...others, { uri: META_URI, fileMatch: [`${SCHEMA_URI_PREFIX}**`], schema: draft04 }],
      })
    },
    (error: unknown) => {
      configured = undefined
      throw error instanceof Error ? error : new Error(String(error))
    },
  )
  return configured
}
