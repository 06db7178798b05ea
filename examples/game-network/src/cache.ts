import Redis from 'ioredis';
import type { GameSession } from './models';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

const PRESENCE_TTL_SECONDS = 120;

/** Presence expires on its own two minutes after the last heartbeat. */
export async function heartbeat(session: GameSession, gamertag: string): Promise<void> {
  await redis.set(`presence:${session.playerId}`, gamertag, 'EX', PRESENCE_TTL_SECONDS);
}

/** "IP history for the lifetime of the gamertag" — one push at a time, never trimmed. */
export async function rememberIp(playerId: string, ip: string): Promise<void> {
  await redis.lpush(`ip-history:${playerId}`, ip);
}

/** The same data, kept for a day only. */
export async function rememberRecentIp(playerId: string, ip: string): Promise<void> {
  const key = `recent-ip:${playerId}`;
  await redis.lpush(key, ip);
  await redis.expire(key, 24 * 60 * 60);
}
