import { logger } from './logger';
import { audit, securityAudit } from './audit';
import { heartbeat, rememberIp, rememberRecentIp } from './cache';
import type { GameSession } from './models';

interface QueueTicket {
  playerId: string;
  gamertag: string;
  skill: number;
  region: GameSession['region'];
}

const waiting: QueueTicket[] = [];

export async function joinQueue(ticket: QueueTicket, session: GameSession, ip: string): Promise<void> {
  waiting.push(ticket);
  await heartbeat(session, ticket.gamertag);
  await rememberIp(ticket.playerId, ip);
  await rememberRecentIp(ticket.playerId, ip);

  // Finding: the gamertag and the IP address go to the log with no retention declared.
  logger.info(`${ticket.gamertag} joined the ${ticket.region} queue from ${ip}`);

  // privacy-review-disable-next-line personal-data-logged -- support looks up stuck matches by gamertag; log index is kept 14 days
  logger.debug({ gamertag: ticket.gamertag, skill: ticket.skill }, 'queue ticket');

  // privacy-review-disable-next-line personal-data-logged
  logger.debug({ gamertag: ticket.gamertag, waiting: waiting.length }, 'queue depth');

  // Fine: the lastLoginIp field of GameSession declares a 90-day retention.
  logger.info({ sessionId: session.sessionId, lastLoginIp: session.lastLoginIp }, 'session attached');

  // Fine: securityAudit() declares a 90-day retention for everything it logs.
  securityAudit('queue-join', ticket.playerId, ip);

  // Finding (reported here, at the call): the audit wrapper has no retention of its own.
  audit('queue-join', { playerId: ticket.playerId, gamertag: ticket.gamertag });
}

export function matchPlayers(): QueueTicket[] | undefined {
  if (waiting.length < 2) return undefined;
  waiting.sort((a, b) => a.skill - b.skill);
  const pair = waiting.splice(0, 2);
  // Fine: ids and counts only.
  logger.info({ playerIds: pair.map((t) => t.playerId), remaining: waiting.length }, 'match formed');
  return pair;
}
