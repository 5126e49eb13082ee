/** What a message that is no command, or a "Get help" link, did to the person's questionnaire (services/intake/conversation-start.ts). */
import type { IntakeView } from './intake-view';

/** Started a questionnaire, resumed the open one (`adopted`: the message became its description), or was too long to keep. */
export type ConversationStartResult =
  | { readonly kind: 'started'; readonly view: IntakeView }
  | { readonly kind: 'resumed'; readonly view: IntakeView; readonly adopted: boolean }
  | { readonly kind: 'too-long'; readonly length: number; readonly max: number };
