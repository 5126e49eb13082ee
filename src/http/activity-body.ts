/**
 * The minimal shape an incoming activity must have before it reaches the Bot Framework adapter,
 * which would otherwise throw on some malformed bodies and answer 500 instead of 400.
 */
export function activityBodyProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (an activity)';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type.length === 0) return 'the activity has no "type"';
  for (const field of ['id', 'serviceUrl', 'channelId', 'text', 'name', 'replyToId'] as const) {
    if (activity[field] !== undefined && typeof activity[field] !== 'string') return `"${field}" must be a string`;
  }
  for (const field of ['from', 'recipient', 'conversation'] as const) {
    const value = activity[field];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) return `"${field}" must be an object`;
  }
  if (activity.type !== 'message' && activity.type !== 'invoke' && activity.type !== 'conversationUpdate') return undefined;
  if (typeof activity.serviceUrl !== 'string') return 'the activity has no "serviceUrl"';
  if (typeof activity.conversation !== 'object') return 'the activity has no "conversation"';
  return undefined;
}
