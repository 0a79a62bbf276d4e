/**
 * The VTL engine's public API: pure TypeScript (no React, Monaco or DOM), used by the editor worker,
 * the message tester, the model checks and the CLI.
 */
export { validateTemplate, DEFAULT_SAMPLE_MESSAGE, MAX_TEMPLATE_BYTES, checkRequestParameterSources, defaultSampleFor, type ValidateOptions } from './validate'
export { renderTemplate, buildContext, type RenderInput, type RenderResult } from './render'
export { selectRoute, selectTemplate, evaluateExpression, parseExpression, unreachableTemplateKeys, type RouteSelection, type TemplateSelection } from './selection'
export { testMessage, type TestMessageInput, type TestMessageResult } from './testMessage'
export { resolveTemplateRefs, previewRefValue, previewName, previewArn } from './refValues'
export { sampleContext, mergeContext, eventTypeFor } from './context'
export { VTL_CODES, type VtlCode } from './codes'
export { VTL_MONARCH, VTL_LANGUAGE_ID, VTL_LANGUAGE_CONFIGURATION } from './monarch'
export {
  CONTEXT_VARIABLES,
  INPUT_MEMBERS,
  UTIL_MEMBERS,
  ROOT_VARIABLES,
  REST_ONLY_CONTEXT,
  NOT_TEMPLATE_CONTEXT,
  classifyContextName,
  type VariableDoc,
} from './variables'
export { JAVA_STRING_METHODS } from './javaMethods'
export { escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode } from './util'
export type { RequestParams } from './input'
export { completionsAt, hoverAt, type CompletionItem, type Completions, type Hover, type AssistOptions } from './assist'
export { responseTemplateOptionsFor, templateOptionsFor } from './designOptions'
