import { type Client, Events } from 'discord.js';
import type { Logger } from '../logger.ts';

/** Event name given to a dropped packet: discord.js has no handler for it, so it goes no further. */
export const DROPPED_EVENT = 'MALFORMED_PAYLOAD_DROPPED';

type Packet = { t?: string | null; d?: unknown };
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): boolean => typeof v === 'string' && /^\d+$/.test(v);

/** Why discord.js would throw on this payload, or null when it is safe (missing optional parts are filled). */
export function payloadProblem(event: string, d: unknown): string | null {
  if (event !== 'INTERACTION_CREATE' && event !== 'MESSAGE_CREATE') return null;
  if (!isObject(d) || !isId(d.id)) return 'no id';
  if (event === 'MESSAGE_CREATE') {
    if (!isId(d.channel_id)) return 'no channel_id';
    if (!isObject(d.author) || !isId(d.author.id)) return 'no author';
    if (typeof d.content !== 'string') d.content = '';
    return null;
  }
  if (typeof d.token !== 'string' || typeof d.type !== 'number' || !isId(d.application_id)) {
    return 'no token, type or application_id';
  }
  const user = isObject(d.member) ? d.member.user : d.user;
  if (!isObject(user) || !isId(user.id)) return 'no user';
  if (d.type !== 1 && !isObject(d.data)) return 'no data';
  if (isObject(d.data) && d.data.options !== undefined && !Array.isArray(d.data.options))
    return 'bad options';
  if (!Array.isArray(d.entitlements)) d.entitlements = [];
  if (!isObject(d.authorizing_integration_owners)) d.authorizing_integration_owners = {};
  return null;
}

/**
 * discord.js builds its objects from gateway payloads without checking them, and a payload missing
 * a field it reads (an interaction without a user, a message without an author) throws inside its
 * event emitter: an unhandled rejection. The `raw` event sees each packet first, and the same
 * object then goes to discord.js's handler, so a malformed interaction or message is renamed to an
 * event discord.js ignores, and logged.
 */
export function guardPayloads(client: Client, logger: Logger): void {
  client.on(Events.Raw, (packet: Packet) => {
    try {
      if (!packet?.t) return;
      const problem = payloadProblem(packet.t, packet.d);
      if (!problem) return;
      logger.warn({ event: packet.t, problem }, 'dropped a malformed Discord payload');
      packet.t = DROPPED_EVENT;
    } catch (err) {
      logger.error({ err }, 'could not check a Discord payload');
    }
  });
}
