import type { IntakeService } from '../services/intake/intake-service';

/** The use cases the Teams layer calls. Built in the composition root (src/start-bot.ts). */
export interface BotServices {
  readonly intake: IntakeService;
}
