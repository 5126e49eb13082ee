/**
 * Applying one command to a ticket: the next ticket, the history events and what the requester must
 * be told; or why it cannot apply. Pure: every rule about who may change what lives in this folder
 * (and in the state machine, ../ticket-status.ts); the service reads, calls these, and writes one
 * transaction. The parts:
 *
 *   ticket-commands.ts     the commands, a Change, CommandRefused
 *   agent-commands.ts      the help desk's commands (applyAgentCommand)
 *   requester-commands.ts  the requester's commands (applyRequesterCommand)
 *   escalation.ts          escalating, by an agent or by the SLA scheduler
 *   status-moves.ts        a step of the state machine, a status in words, the bookkeeping of a change
 *   command-text.ts        the text a command carries: present and bounded
 *   repeat-detection.ts    a double-clicked note told from a second one
 */
export { applyAgentCommand } from './agent-commands';
export { applyRequesterCommand } from './requester-commands';
export { escalate } from './escalation';
export { REPEAT_WINDOW_MS, repeatOf } from './repeat-detection';
export { statusInSentence } from './status-moves';
export { requiredText } from './command-text';
export { CommandRefused, type AgentCommand, type Change, type RequesterCommand } from './ticket-commands';
