import type { InteractionSummary } from '../../bot/src/telemetry/interaction-message.js';
import { interactionMessage } from '../../bot/src/telemetry/interaction-message.js';

/** A parsed pino line that is the per-interaction line: its body reads its own fields. */
export function isInteractionLine(line: Readonly<Record<string, unknown>>): boolean {
  return (
    typeof line.durationMs === 'number' &&
    line.msg === interactionMessage(line as unknown as InteractionSummary)
  );
}
