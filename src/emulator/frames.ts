/**
 * The frames API Gateway itself sends to a client, with their sources.
 * - No route matches and there is no `$default`: `{"message": "Forbidden", "connectionId": …, "requestId": …}`
 *   (recorded behaviour: aws-samples/simple-websockets-chat-app#24; websocket-rules.md §3.1).
 * - The integration fails (Lambda throws, backend error, timeout, template failure):
 *   `{"message": "Internal server error", "connectionId": …, "requestId": …}` (same recorded thread; AWS re:Post).
 * - A request body fails the route's model: API Gateway "sends a Bad request body gateway response"
 *   (AWS docs, "Request validation for WebSocket APIs"); the BAD_REQUEST_BODY gateway response's default message
 *   is "Invalid request body" (AWS docs, "Gateway response types"). The exact WebSocket frame text is not
 *   documented; the emulator uses that message in the same frame shape and the timeline says so.
 */

export function errorFrame(message: string, connectionId: string, requestId: string): string {
  return JSON.stringify({ message, connectionId, requestId })
}

export const FORBIDDEN = 'Forbidden'
export const INTERNAL_ERROR = 'Internal server error'
export const INVALID_BODY = 'Invalid request body'
