/** The emulator's public API (pure: runs in the browser, a worker and Node). See README.md. */
export { EmulatorSession, type ManagementAnswer } from './session'
export type { TimelineEvent, TimelineKind, ConnectRequest, ConnectResult, EmulatorHost, EmulatorOptions, Limits, LambdaInvocation, LambdaResult, HttpRequest, HttpAnswer } from './types'
export { DEFAULT_LIMITS, CLOSE } from './limits'
export { randomId, sequentialIds } from './ids'
export { inMemoryServices, designTables, designStreams, type AwsService, type AwsServiceRequest, type AwsServiceAnswer } from './services'
export { formatEvent } from './format'
