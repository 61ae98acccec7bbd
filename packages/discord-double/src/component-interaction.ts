import {
  type APIGuildMember,
  ComponentType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { GuildState } from './guild-state.js';
import {
  type BuiltInteraction,
  InvalidInteractionRequest,
  interactionEnvelope,
} from './interaction-payload.js';
import type { MessagePayload } from './message-payload.js';

/** A member clicks a button the bot sent (in a channel message or an interaction reply). */
export interface ButtonRequest {
  /** The button's `custom_id`; the double finds the latest message that carries it. */
  readonly button: string;
  /** The member who clicks; default: the double's `defaultUserId`. */
  readonly userId?: string | undefined;
}

/** A member picks from a string select menu the bot sent. */
export interface SelectRequest {
  /** The select menu's `custom_id`; the double finds the latest message that carries it. */
  readonly select: string;
  /** The picked options' values; each must be one of the menu's options. */
  readonly values: readonly string[];
  readonly userId?: string | undefined;
}

export type ComponentRequest = ButtonRequest | SelectRequest;

/** A member submits a modal the bot showed them. */
export interface ModalRequest {
  /** The modal's `custom_id`: the latest modal with it the bot showed this member. */
  readonly modal: string;
  /** What the member entered, by the inputs' `custom_id` (a select's values as a list). */
  readonly fields?: Readonly<Record<string, string | readonly string[]>> | undefined;
  readonly userId?: string | undefined;
}

/** A message the double holds, to read and update (UPDATE_MESSAGE, edits after a deferred update). */
export interface MessageHandle {
  read(): MessagePayload | undefined;
  update(body: Record<string, unknown>): MessagePayload | undefined;
  remove(): boolean;
}

/** A message a member may see, with the handle to change it. */
export interface VisibleMessage {
  readonly message: MessagePayload;
  readonly handle: MessageHandle;
  /** An ephemeral reply: only this member sees it (and clicks its components). */
  readonly onlyFor?: string;
}

/** A modal the bot answered an interaction with (callback type 9), until it is submitted. */
export interface ShownModal {
  readonly userId: string;
  readonly data: Record<string, unknown>;
  /** The message of the component interaction that opened it, if one did. */
  readonly source?: MessageHandle;
}

type Component = Record<string, unknown> & { readonly type: number };

/** Every component in a message or modal: action rows, labels, sections and containers opened up. */
function* componentsIn(node: unknown): Generator<Component> {
  if (Array.isArray(node)) {
    for (const child of node) yield* componentsIn(child);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const component = node as Component;
  if (typeof component.type === 'number') yield component;
  yield* componentsIn(component.components);
  yield* componentsIn(component.component);
  yield* componentsIn(component.accessory);
}

/**
 * INTERACTION_CREATE for a click on a button or a pick in a string select menu: on the latest
 * message (newest first in `messages`) this member can see that carries the component, as
 * Discord lets a member use only what is on screen.
 */
export function buildComponentInteraction(
  state: GuildState,
  request: ComponentRequest,
  id: string,
  member: APIGuildMember,
  messages: readonly VisibleMessage[],
): BuiltInteraction & { readonly source: MessageHandle } {
  const [customId, wanted] =
    'button' in request
      ? [request.button, ComponentType.Button]
      : [request.select, ComponentType.StringSelect];
  const userId = member.user.id;
  for (const visible of messages) {
    if (visible.onlyFor !== undefined && visible.onlyFor !== userId) continue;
    const component = [...componentsIn(visible.message.components)].find(
      (c) => c.type === wanted && c.custom_id === customId,
    );
    if (component === undefined) continue;
    if (component.disabled === true)
      throw new InvalidInteractionRequest(`component '${customId}' is disabled`);
    const values = 'select' in request ? checkedValues(component, request.values) : undefined;
    const data = {
      custom_id: customId,
      component_type: wanted,
      ...(values === undefined ? {} : { values }),
    };
    const built = interactionEnvelope(state, id, InteractionType.MessageComponent, member, data, {
      message: visible.message,
    });
    return { ...built, source: visible.handle };
  }
  throw new InvalidInteractionRequest(
    `no message that member ${userId} can see carries a ${'button' in request ? 'button' : 'string select'} with custom_id '${customId}'`,
  );
}

function checkedValues(select: Component, values: readonly string[]): string[] {
  const options = Array.isArray(select.options) ? (select.options as { value?: unknown }[]) : [];
  const offered = new Set(options.map((option) => option.value));
  const unknown = values.filter((value) => !offered.has(value));
  if (unknown.length > 0)
    throw new InvalidInteractionRequest(
      `select '${select.custom_id}' offers no option ${unknown.map((v) => `'${v}'`).join(', ')}`,
    );
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (values.length < min || values.length > max)
    throw new InvalidInteractionRequest(
      `select '${select.custom_id}' takes ${min} to ${max} values, not ${values.length}`,
    );
  return [...values];
}

/**
 * INTERACTION_CREATE for a modal submission: the modal's inputs in the layout the bot sent
 * (action rows or labels), each with what the member entered.
 */
export function buildModalSubmit(
  state: GuildState,
  request: ModalRequest,
  id: string,
  member: APIGuildMember,
  modal: ShownModal,
): BuiltInteraction {
  const fields = request.fields ?? {};
  const inputs = [...componentsIn(modal.data.components)].filter(
    (c) => c.type === ComponentType.TextInput || c.type === ComponentType.StringSelect,
  );
  const known = new Set(inputs.map((input) => input.custom_id));
  const unknown = Object.keys(fields).filter((field) => !known.has(field));
  if (unknown.length > 0)
    throw new InvalidInteractionRequest(
      `modal '${request.modal}' has no input ${unknown.map((f) => `'${f}'`).join(', ')}`,
    );
  // Discord's client sends no modal with a required text input left empty (required by default).
  const missing = inputs.filter(
    (input) =>
      input.type === ComponentType.TextInput &&
      input.required !== false &&
      !fields[String(input.custom_id)],
  );
  if (missing.length > 0)
    throw new InvalidInteractionRequest(
      `modal '${request.modal}' needs ${missing.map((i) => `'${i.custom_id}'`).join(', ')} (required)`,
    );
  const submitted = (input: Component): object => {
    const entered = fields[String(input.custom_id)];
    return input.type === ComponentType.TextInput
      ? {
          type: input.type,
          custom_id: input.custom_id,
          value: typeof entered === 'string' ? entered : '',
        }
      : {
          type: input.type,
          custom_id: input.custom_id,
          values: Array.isArray(entered) ? entered : [],
        };
  };
  const layout = (Array.isArray(modal.data.components) ? modal.data.components : []) as Component[];
  const components = layout.flatMap((top): object[] => {
    if (top.type === ComponentType.ActionRow)
      return [
        {
          type: top.type,
          components: [...componentsIn(top.components)]
            .filter((c) => known.has(c.custom_id))
            .map(submitted),
        },
      ];
    if (
      top.type === ComponentType.Label &&
      typeof top.component === 'object' &&
      top.component !== null
    )
      return [{ type: top.type, component: submitted(top.component as Component) }];
    return [];
  });
  const message = modal.source?.read();
  return interactionEnvelope(
    state,
    id,
    InteractionType.ModalSubmit,
    member,
    { custom_id: request.modal, components },
    message === undefined ? {} : { message },
  );
}

/** Whether a message is an ephemeral reply. */
export function isEphemeral(message: MessagePayload): boolean {
  return ((Number(message.flags) || 0) & MessageFlags.Ephemeral) !== 0;
}
