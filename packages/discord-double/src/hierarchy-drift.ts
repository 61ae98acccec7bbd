import type { FaultInjector } from './fault-injector.js';
import type { GuildState } from './guild-state.js';

/** How far the gateway lags behind REST when an admin moves a role. */
const GATEWAY_LAG_MS = 250;

/**
 * The realistic source of Discord 50013 for a bot that checks the hierarchy itself: an
 * admin drags a game role above the bot's just as a member asks for it. Discord's state
 * changes at once (the role change fails), the gateway update reaches the bot a moment
 * later, and the admin moves the role back after a while.
 */
export class HierarchyDrift {
  readonly #state: GuildState;
  readonly #faults: FaultInjector;
  readonly #timers = new Set<NodeJS.Timeout>();
  #drifting = false;

  constructor(state: GuildState, faults: FaultInjector) {
    this.#state = state;
    this.#faults = faults;
  }

  /** Before a role change: maybe move the role above the bot now. True when it did. */
  maybeDrift(roleId: string): boolean {
    const role = this.#state.role(roleId);
    if (
      this.#drifting ||
      role === undefined ||
      !this.#state.canBotAssign(role) ||
      !this.#faults.hierarchyDrift()
    ) {
      return false;
    }
    this.#drifting = true;
    // Back above the same neighbour, even if roles were created (and positions shifted) meanwhile.
    const neighbour = this.#state
      .roles()
      .filter((r) => r.position < role.position)
      .at(-1)?.id;
    const moved = this.#state.moveRole(roleId, this.#state.botTopPosition(), false);
    this.#later(GATEWAY_LAG_MS, () => this.#state.announceRoles(moved));
    this.#later(Math.max(GATEWAY_LAG_MS, this.#faults.rates.hierarchyDriftMs), () => {
      const below = neighbour === undefined ? undefined : this.#state.role(neighbour);
      this.#state.moveRole(roleId, (below?.position ?? 0) + 1);
      this.#drifting = false;
    });
    return true;
  }

  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    this.#timers.add(timer);
  }
}
