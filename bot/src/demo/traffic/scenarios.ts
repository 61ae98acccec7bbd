import type { InteractionRequest, SeededRandom } from '@roboshpee/discord-double';
import type { APIGuildMember, APIRole } from 'discord.js';
import { GAME_ROLE_COLOR } from '../fixture/guild-fixture.js';
import { UNKNOWN_ROLE_NAMES } from '../fixture/names.js';

/** What one generated interaction exercises; the traffic's mix is counted by these. */
export type TrafficKind =
  | 'autocomplete'
  | 'role add'
  | 'role remove'
  | 'role list'
  | 'role create'
  | 'age'
  | 'help';

export interface TrafficStep {
  readonly kind: TrafficKind;
  readonly request: InteractionRequest;
  /** A user mistake the bot must reject (unknown role, role it cannot manage, duplicate...). */
  readonly mistake?: string;
}

/** The part of the double's guild a scenario looks at. */
export interface GuildView {
  readonly id: string;
  readonly botUserId: string;
  roles(): readonly APIRole[];
  members(): readonly APIGuildMember[];
  botTopPosition(): number;
}

/**
 * How often each scenario starts: role changes dominate, as on a real game server. Adds and
 * removes balance, so members hold about half the game roles however long the demo runs.
 */
const SCENARIO_WEIGHTS = { add: 27, remove: 27, list: 16, age: 12, help: 8, create: 10 } as const;

/** Games members ask a role for; some exist already (a duplicate request). */
const REQUESTED_GAMES = [
  'Hades II',
  'Palworld',
  'Elden Ring',
  'Sea of Thieves',
  'Factorio',
  'Dota 2',
  'Outer Wilds',
];

/**
 * One member's session: for add/remove, the autocomplete keystrokes of typing a role name
 * (growing prefixes), then the command; otherwise a single command.
 */
export function nextScenario(random: SeededRandom, guild: GuildView): TrafficStep[] {
  const people = guild.members().filter((m) => m.user.id !== guild.botUserId);
  const member = random.pick(people);
  const userId = member.user.id;
  const scenario = random.weighted(SCENARIO_WEIGHTS);
  switch (scenario) {
    case 'add':
    case 'remove':
      return roleChange(random, guild, member, scenario);
    case 'list':
      return [{ kind: 'role list', request: { command: 'role', subcommand: 'list', userId } }];
    case 'help':
      return [{ kind: 'help', request: { command: 'help', userId } }];
    case 'age': {
      const someone = random.chance(0.5) ? random.pick(people) : undefined;
      const options = someone === undefined ? {} : { options: { user: someone.user.id } };
      return [{ kind: 'age', request: { command: 'age', userId, ...options } }];
    }
    case 'create': {
      const name = random.pick(REQUESTED_GAMES);
      const exists = guild.roles().some((r) => r.name.toLowerCase() === name.toLowerCase());
      return [
        {
          kind: 'role create',
          request: { command: 'role', subcommand: 'create', options: { name }, userId },
          ...(exists ? { mistake: 'duplicate role' } : {}),
        },
      ];
    }
  }
}

function roleChange(
  random: SeededRandom,
  guild: GuildView,
  member: APIGuildMember,
  action: 'add' | 'remove',
): TrafficStep[] {
  const gameRoles = guild.roles().filter((r) => r.color === GAME_ROLE_COLOR);
  const assignable = gameRoles.filter((r) => !r.managed && r.position < guild.botTopPosition());
  const held = assignable.filter((r) => member.roles.includes(r.id));
  const missing = assignable.filter((r) => !member.roles.includes(r.id));
  const roll = random.next();
  let name: string;
  let mistake: string | undefined;
  if (roll < 0.08) {
    name = random.pick(UNKNOWN_ROLE_NAMES);
    mistake = 'unknown role';
  } else if (roll < 0.14) {
    // Typed by hand: autocomplete never offers these.
    const unmanageable = gameRoles.filter((r) => !assignable.includes(r));
    name =
      unmanageable.length > 0 ? random.pick(unmanageable).name : random.pick(UNKNOWN_ROLE_NAMES);
    mistake = 'unmanageable role';
  } else {
    const wanted = action === 'add' ? missing : held;
    if (wanted.length > 0) name = random.pick(wanted).name;
    else if (assignable.length === 0) {
      name = random.pick(UNKNOWN_ROLE_NAMES);
      mistake = 'unknown role';
    } else {
      name = random.pick(assignable).name;
      mistake = action === 'add' ? 'already has role' : 'does not have role';
    }
  }
  const typed = random.int(1, Math.min(name.length, 5));
  const keystrokes: TrafficStep[] = [];
  for (let length = 1; length <= typed; length++) {
    keystrokes.push({
      kind: 'autocomplete',
      request: {
        command: 'role',
        subcommand: action,
        options: { name: name.slice(0, length) },
        autocomplete: true,
        userId: member.user.id,
      },
    });
  }
  return [
    ...keystrokes,
    {
      kind: `role ${action}`,
      request: { command: 'role', subcommand: action, options: { name }, userId: member.user.id },
      ...(mistake === undefined ? {} : { mistake }),
    },
  ];
}
